package coop.tally.web;

import coop.tally.platform.Refusal;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProblemsTest {

    private static final Map<String, Object> CLASHING = clashing();

    private static Map<String, Object> clashing() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("type", "OPENING_BALANCE");
        extensions.put("title", "a title");
        extensions.put("status", "PENDING");
        extensions.put("detail", "another detail");
        extensions.put("instance", "/elsewhere");
        extensions.put("code", "OTHER_CODE");
        extensions.put("entryType", "OPENING_BALANCE");
        return extensions;
    }

    @Test
    void no_extension_overwrites_a_member_of_the_problem() {
        JsonObject body = Problems.body(422, "NOT_REVERSIBLE", "An OPENING_BALANCE entry cannot be reversed.", CLASHING);
        assertEquals("urn:tally:problem:not-reversible", body.getString("type"));
        assertEquals("Unprocessable Content", body.getString("title"));
        assertEquals(422, body.getInt("status"));
        assertEquals("An OPENING_BALANCE entry cannot be reversed.", body.getString("detail"));
        assertEquals("NOT_REVERSIBLE", body.getString("code"));
        assertFalse(body.containsKey("instance"));
        assertEquals("OPENING_BALANCE", body.getString("entryType"), "other extensions stay");
    }

    @Test
    void a_problem_keeps_no_extension_named_like_its_own_members() {
        Refusal problem = new Refusal(Refusal.Kind.CONFLICT, "REFERRAL_ENDED", "The referral has already ended.", CLASHING);
        assertEquals(Map.of("entryType", "OPENING_BALANCE"), problem.details());
        JsonObject body = Problems.body(Problems.status(problem.kind()), problem.code(), problem.getMessage(), problem.details());
        assertEquals(409, body.getInt("status"));
        assertEquals("urn:tally:problem:referral-ended", body.getString("type"));
    }
}
