package coop.tally.web;

import coop.tally.platform.Refusal;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a request body as exactly one JSON object, refusing what a lenient parser would quietly
 * turn into something the client did not send:
 * <ul>
 *   <li>bytes that are not UTF-8 (a lenient decoder stores U+FFFD in their place): 400 {@code MALFORMED_JSON};</li>
 *   <li>an object with the same member name twice, at any depth (a lenient parser keeps the last,
 *       so {@code "amount":"5.00","amount":"500.00"} would post 500.00): 400 {@code MALFORMED_JSON};</li>
 *   <li>anything after the object: 400 {@code MALFORMED_JSON};</li>
 *   <li>a string, value or member name, at any depth, that is not {@link WellFormedText} (an escaped
 *       lone surrogate such as {@code "\ud800"}, or {@code "\u0000"}): 400 {@code MALFORMED_TEXT}
 *       with {@code field}, the JSON Pointer of the value (of the object, for a member name).</li>
 * </ul>
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static JsonObject readObject(byte[] body) {
        String text = WellFormedText.decodeUtf8(body)
                .orElseThrow(() -> malformed("The request body is not valid UTF-8."));
        try (JsonParser parser = JsonBuilders.JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw malformed("The request body must be one JSON object.");
            }
            JsonObject object = object(parser, "");
            if (parser.hasNext()) {
                throw malformed("The request body has content after its JSON object.");
            }
            return object;
        } catch (JsonParsingException | NoSuchElementException notJson) {
            throw malformed("The request body is not valid JSON.");
        }
    }

    /** The object whose START_OBJECT the parser has just read. */
    private static JsonObject object(JsonParser parser, String pointer) {
        JsonObjectBuilder object = JsonBuilders.JSON.createObjectBuilder();
        Set<String> names = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            // a member: its name, then its value
            String name = text(parser.getString(), pointer, "A member name in " + where(pointer));
            String member = pointer + "/" + escape(name);
            if (!names.add(name)) {
                throw new Refusal(Refusal.Kind.INVALID, "MALFORMED_JSON", "The member '" + member + "' appears more than once.",
                        Map.of("field", member));
            }
            object.add(name, value(parser, parser.next(), member));
        }
        return object.build();
    }

    /** The array whose START_ARRAY the parser has just read. */
    private static JsonValue array(JsonParser parser, String pointer) {
        JsonArrayBuilder array = JsonBuilders.JSON.createArrayBuilder();
        int index = 0;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, pointer + "/" + index++));
        }
        return array.build();
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, String pointer) {
        return switch (event) {
            case START_OBJECT -> object(parser, pointer);
            case START_ARRAY -> array(parser, pointer);
            case VALUE_STRING -> JsonBuilders.JSON.createValue(text(parser.getString(), pointer, "The text at " + where(pointer)));
            case VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getValue();
            default -> throw malformed("The request body is not valid JSON.");
        };
    }

    /** The string if it is well-formed text; the problem names where it is, never what it is. */
    private static String text(String string, String pointer, String what) {
        if (!WellFormedText.isAcceptable(string)) {
            throw new Refusal(Refusal.Kind.INVALID, "MALFORMED_TEXT", what + " is not well-formed Unicode (an unpaired surrogate)"
                    + " or holds a control character other than tab, line feed and carriage return.",
                    Map.of("field", pointer));
        }
        return string;
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "the body" : "'" + pointer + "'";
    }

    /** RFC 6901: '~' and '/' in a member name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Refusal malformed(String detail) {
        return new Refusal(Refusal.Kind.INVALID, "MALFORMED_JSON", detail);
    }
}
