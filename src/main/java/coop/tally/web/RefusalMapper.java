package coop.tally.web;

import coop.tally.platform.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The edge where a domain refusal becomes an HTTP status and a problem body. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal refusal) {
        return Problems.response(refusal);
    }
}
