package coop.tally.web;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that does not parse as JSON. */
@Provider
public class JsonFailureMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException exception) {
        return Problems.response(400, "MALFORMED_JSON", "The request body is not valid JSON.");
    }
}
