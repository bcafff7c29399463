package coop.tally.web;

import coop.tally.platform.Refusal;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** Builds {@code application/problem+json} bodies (RFC 9457) with Tally's stable {@code code} member. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    // built directly rather than parsed, which needs the JAX-RS runtime, so that plain tests can build bodies
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problems() {
    }

    public static Response response(Refusal refusal) {
        return response(status(refusal.kind()), refusal.code(), refusal.getMessage(), refusal.details());
    }

    /** The one place a refusal's kind becomes an HTTP status. */
    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RULES -> 422;
            case TOO_LARGE -> 413;
        };
    }

    public static Response response(int status, String code, String detail) {
        return response(status, code, detail, Map.of());
    }

    public static Response response(int status, String code, String detail, Map<String, ?> extensions) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .header("Cache-Control", "no-store")
                .entity(body(status, code, detail, extensions).toString())
                .build();
    }

    public static JsonObject body(int status, String code, String detail, Map<String, ?> extensions) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("type", "urn:tally:problem:" + code.toLowerCase().replace('_', '-'))
                .add("title", title(status))
                .add("status", status)
                .add("code", code);
        if (detail != null) {
            json.add("detail", detail);
        }
        extensions.forEach((name, value) -> {
            if (!Refusal.RESERVED_MEMBERS.contains(name)) {
                json.add(name, toJson(value));
            }
        });
        return json.build();
    }

    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JsonBuilders.JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return JsonBuilders.JSON.createValue(decimal);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JsonBuilders.JSON.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JsonBuilders.JSON.createArrayBuilder();
            items.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        return JsonBuilders.JSON.createValue(String.valueOf(value));
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 423 -> "Locked";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
