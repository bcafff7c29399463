package coop.tally.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that does not bind to the request's shape. */
@Provider
public class JsonbFailureMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problems.response(400, "MALFORMED_JSON", "The request body is not valid JSON for this resource.");
    }
}
