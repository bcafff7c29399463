package coop.tally.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (unknown path, wrong method, wrong media type, a role the
 * caller does not hold) as problems with stable codes instead of the server's HTML pages.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        return switch (status) {
            case 400 -> isJsonFailure(exception)
                    ? Problems.response(400, "MALFORMED_JSON", "The request body is not valid JSON.")
                    : Problems.response(400, "BAD_REQUEST", "The request could not be read.");
            case 401 -> unauthenticated();
            case 403 -> security == null || security.getUserPrincipal() == null
                    ? unauthenticated()
                    : Problems.response(403, "FORBIDDEN", "Your role does not allow this action.");
            case 404 -> Problems.response(404, "NOT_FOUND", "No such resource.");
            case 405 -> Problems.response(405, "METHOD_NOT_ALLOWED", "This resource does not accept that method.");
            case 406 -> Problems.response(406, "NOT_ACCEPTABLE", "This resource answers with application/json only.");
            case 413 -> Problems.response(413, "BODY_TOO_LARGE", "The request body is too large.");
            case 415 -> Problems.response(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
            default -> status >= 500
                    ? Problems.response(500, "INTERNAL_ERROR", "The server could not complete the request.")
                    : Problems.response(status, "HTTP_" + status, null);
        };
    }

    static Response unauthenticated() {
        return Response.fromResponse(Problems.response(401, "UNAUTHENTICATED",
                        "Sign in and send the token as 'Authorization: Bearer <token>'."))
                .header("WWW-Authenticate", "Bearer realm=\"tally\"")
                .build();
    }

    private static boolean isJsonFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException || cause instanceof JsonbException) {
                return true;
            }
        }
        return false;
    }
}
