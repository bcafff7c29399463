package coop.tally.web;

import coop.tally.platform.Refusal;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {

    private static JsonObject read(String json) {
        return StrictJson.readObject(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Refusal refusal(String json) {
        return assertThrows(Refusal.class, () -> read(json), json);
    }

    private static Refusal refusal(byte[] body) {
        return assertThrows(Refusal.class, () -> StrictJson.readObject(body));
    }

    @Test
    void a_plain_object_reads_as_sent() {
        String json = "{\"memo\":\"Zoë ☕ 💸 \\ud83d\\udcb8\\ttab\\nline\\r\",\"amount\":\"5.00\",\"n\":1.50,\"ok\":true,"
                + "\"none\":null,\"count\":{\"100\":2,\"list\":[1,\"a\",[],{}]}}";
        JsonObject read = read(json);
        assertEquals("Zoë ☕ 💸 💸\ttab\nline\r", read.getString("memo"));
        assertEquals("1.50", read.getJsonNumber("n").toString());
        assertEquals(2, read.getJsonObject("count").getInt("100"));
        assertEquals(4, read.getJsonObject("count").getJsonArray("list").size());
        assertEquals(6, read.size());
    }

    @Test
    void a_member_named_twice_at_any_depth_is_malformed_json() {
        Refusal top = refusal("{\"amount\":\"5.00\",\"amount\":\"500.00\"}");
        assertEquals("MALFORMED_JSON", top.code());
        assertEquals("/amount", top.details().get("field"));
        Refusal nested = refusal("{\"denominations\":{\"20\":1,\"20\":50}}");
        assertEquals("MALFORMED_JSON", nested.code());
        assertEquals("/denominations/20", nested.details().get("field"));
        Refusal inArray = refusal("{\"a\":[{\"x\":1},{\"x\":1,\"x\":2}]}");
        assertEquals("/a/1/x", inArray.details().get("field"));
        // the same name in different objects is fine
        assertEquals(2, read("{\"x\":{\"x\":1},\"y\":{\"x\":2}}").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"memo\":\"x\\ud800y\"}",                 // a lone high surrogate
            "{\"memo\":\"x\\udc00\"}",                  // a lone low surrogate
            "{\"memo\":\"\\udc00\\ud800\"}",            // a pair in the wrong order
            "{\"memo\":\"x\\ud800\"}",                  // a high surrogate at the end
            "{\"memo\":\"nul\\u0000\"}",
            "{\"memo\":\"escape\\u001b[31m\"}",
            "{\"memo\":\"delete\\u007f\"}",
            "{\"memo\":\"c1\\u0085\"}",
            "{\"memo\":\"c1 \u0085 as raw UTF-8\"}",
    })
    void text_that_is_not_well_formed_is_malformed_text(String json) {
        Refusal problem = refusal(json);
        assertEquals(Refusal.Kind.INVALID, problem.kind());
        assertEquals("MALFORMED_TEXT", problem.code());
        assertEquals("/memo", problem.details().get("field"));
    }

    @Test
    void bad_text_is_found_in_names_and_at_any_depth() {
        assertEquals("", refusal("{\"x\\ud800\":\"1\"}").details().get("field"), "a member name: the object is named");
        assertEquals("/a", refusal("{\"a\":{\"b\\u0000\":1}}").details().get("field"));
        assertEquals("/a/2", refusal("{\"a\":[\"ok\",\"ok\",\"\\udfff\"]}").details().get("field"));
        assertEquals("/a~1b~0c/0/d", refusal("{\"a/b~c\":[{\"d\":\"\\ud800\"}]}").details().get("field"));
        assertEquals("MALFORMED_TEXT", refusal("{\"a\":[[[\"\\u0000\"]]]}").code());
    }

    @Test
    void bytes_that_are_not_utf8_are_malformed_json() {
        byte[][] bodies = {
                {'{', '"', 'm', '"', ':', '"', (byte) 0xFF, '"', '}'},                    // never in UTF-8
                {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, '"', '}'},                    // a truncated sequence
                {'{', '"', 'm', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},       // an overlong '/'
                {'{', '"', 'm', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // an encoded surrogate
                {'{', '"', 'm', '"', ':', '"', (byte) 0xE9, '"', '}'},                    // Latin-1 'é'
        };
        for (byte[] body : bodies) {
            Refusal problem = refusal(body);
            assertEquals("MALFORMED_JSON", problem.code());
            assertEquals("The request body is not valid UTF-8.", problem.getMessage());
        }
    }

    @Test
    void anything_but_one_object_is_malformed_json() {
        for (String json : new String[] {"", "[]", "\"x\"", "{\"a\":1}}", "{\"a\":1}{}", "{\"a\":", "{'a':1}", "\uFEFF{}"}) {
            assertEquals("MALFORMED_JSON", refusal(json).code(), json);
        }
    }
}
