package coop.tally.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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

    /** Request attribute set by the authentication mechanism: why a presented token was refused. */
    public static final String AUTH_FAILURE_ATTRIBUTE = "coop.tally.auth.failure";

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Inject
    Event<AccessDenied> accessDenied;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        return switch (status) {
            case 400 -> isJsonFailure(exception)
                    ? Problems.response(400, "MALFORMED_JSON", "The request body is not valid JSON.")
                    : Problems.response(400, "BAD_REQUEST", "The request could not be read.");
            case 401 -> unauthenticated(failureReason());
            case 403 -> security == null || security.getUserPrincipal() == null
                    ? unauthenticated(failureReason())
                    : forbidden();
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

    private Response forbidden() {
        accessDenied.fire(new AccessDenied(security.getUserPrincipal().getName(),
                request == null ? null : request.getMethod(), request == null ? null : request.getRequestURI()));
        return Problems.response(403, "FORBIDDEN", "Your role does not allow this action.");
    }

    private String failureReason() {
        Object reason = request == null ? null : request.getAttribute(AUTH_FAILURE_ATTRIBUTE);
        return reason instanceof String code ? code : null;
    }

    static Response unauthenticated(String reason) {
        String code = reason == null ? "UNAUTHENTICATED" : reason;
        String detail = switch (code) {
            case "TOKEN_EXPIRED" -> "The session has expired; sign in again.";
            case "TOKEN_REVOKED" -> "The session was ended; sign in again.";
            case "TOKEN_INVALID" -> "The token is not recognised; sign in again.";
            default -> "Sign in and send the token as 'Authorization: Bearer <token>'.";
        };
        return Response.fromResponse(Problems.response(401, code, detail))
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
