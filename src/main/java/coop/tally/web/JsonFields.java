package coop.tally.web;

import coop.tally.platform.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads fields of a JSON request body strictly, refusing a missing field or a wrong type with a
 * 400 problem that names the field. Request bodies are read as {@link JsonObject} rather than bound
 * to classes so that every refusal says exactly which field is wrong and why.
 */
public final class JsonFields {

    private final JsonObject body;

    private JsonFields(JsonObject body) {
        this.body = body;
    }

    public static JsonFields of(JsonObject body) {
        if (body == null) {
            throw new Refusal(Refusal.Kind.INVALID, "BODY_REQUIRED", "Send a JSON object as the request body.");
        }
        return new JsonFields(body);
    }

    public JsonObject json() {
        return body;
    }

    public String requiredString(String field, int maxLength) {
        return optionalString(field, maxLength).orElseThrow(() -> missing(field));
    }

    public Optional<String> optionalString(String field, int maxLength) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw wrongType(field, "a string");
        }
        String string = text.getString();
        if (string.length() > maxLength) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_TOO_LONG", "'" + field + "' is longer than " + maxLength + " characters.",
                    Map.of("field", field, "maxLength", maxLength));
        }
        return Optional.of(string);
    }

    public boolean optionalBoolean(String field, boolean absent) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return absent;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw wrongType(field, "true or false");
    }

    public List<String> requiredStrings(String field, int maxItems, int maxLength) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw missing(field);
        }
        if (!(value instanceof JsonArray array) || array.size() > maxItems) {
            throw wrongType(field, "an array of at most " + maxItems + " strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text) || text.getString().length() > maxLength) {
                throw wrongType(field, "an array of strings");
            }
            strings.add(text.getString());
        }
        return strings;
    }

    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        return optionalEnum(field, type).orElseThrow(() -> missing(field));
    }

    public <E extends Enum<E>> Optional<E> optionalEnum(String field, Class<E> type) {
        return optionalString(field, 40).map(name -> {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException unknown) {
                List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "'" + field + "' must be one of " + allowed + ".",
                        Map.of("field", field, "allowed", allowed));
            }
        });
    }

    public static Refusal missing(String field) {
        return new Refusal(Refusal.Kind.INVALID, "FIELD_REQUIRED", "'" + field + "' is required.", Map.of("field", field));
    }

    public static Refusal wrongType(String field, String expected) {
        return new Refusal(Refusal.Kind.INVALID, "FIELD_WRONG_TYPE", "'" + field + "' must be " + expected + ".",
                Map.of("field", field));
    }
}
