package coop.tally.staff;

import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff sign-in, tokens, lockout, roles and the security log, over HTTP against the deployed WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private Api anonymous() {
        return Api.at(deployment);
    }

    private static String login(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void demo_staff_sign_in_and_see_their_roles() {
        Api.Reply signIn = anonymous().post("api/auth/login", login("super1", Api.DEMO_PASSWORD));
        assertEquals(200, signIn.status(), signIn.toString());
        String token = signIn.json().getString("token");
        assertTrue(token.length() >= 40, "a 256-bit random token");
        assertEquals("Bearer", signIn.json().getString("tokenType"));

        JsonObject me = anonymous().as(token).get("api/me").json();
        assertEquals("super1", me.getString("username"));
        assertEquals(List.of("REP", "SUPERVISOR"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));

        for (String username : List.of("rep1", "rep2", "super2", "audit1", "admin1")) {
            assertEquals(username, anonymous().signIn(username).get("api/me").json().getString("username"));
        }
        assertEquals("100002", anonymous().signIn("rep2").get("api/me").json().getString("memberNumber"),
                "rep2 is also a member");
    }

    @Test
    void wrong_password_and_unknown_user_get_the_same_401_problem() {
        Api.Reply wrong = anonymous().post("api/auth/login", login("rep1", "not-the-password"));
        Api.Reply unknown = anonymous().post("api/auth/login", login("nobody", "not-the-password"));
        for (Api.Reply reply : List.of(wrong, unknown)) {
            assertEquals(401, reply.status(), reply.toString());
            assertTrue(reply.isProblem(), reply.toString());
            assertEquals("LOGIN_FAILED", reply.code());
            assertFalse(reply.json().containsKey("token"));
        }
    }

    @Test
    void fifth_failure_in_a_row_locks_the_account_until_an_admin_resets_it() {
        Api admin = anonymous().signIn("admin1");
        Api.Reply created = admin.post("api/staff", "{\"username\":\"lockme\",\"displayName\":\"Lock Me\","
                + "\"roles\":[\"REP\"],\"password\":\"first-password-1\"}");
        assertEquals(201, created.status(), created.toString());

        for (int attempt = 1; attempt <= 4; attempt++) {
            Api.Reply reply = anonymous().post("api/auth/login", login("lockme", "wrong-" + attempt));
            assertEquals(401, reply.status(), "attempt " + attempt + ": " + reply);
        }
        Api.Reply fifth = anonymous().post("api/auth/login", login("lockme", "wrong-5"));
        assertEquals(423, fifth.status(), fifth.toString());
        assertEquals("STAFF_LOCKED", fifth.code());
        assertNotNull(fifth.json().getString("lockedUntil"));

        Api.Reply rightPasswordWhileLocked = anonymous().post("api/auth/login", login("lockme", "first-password-1"));
        assertEquals(423, rightPasswordWhileLocked.status(), "locked even with the right password");

        Api.Reply reset = admin.post("api/staff/lockme/password", "{\"password\":\"second-password-2\"}");
        assertEquals(200, reset.status(), reset.toString());
        assertEquals(200, anonymous().post("api/auth/login", login("lockme", "second-password-2")).status());

        List<String> events = eventTypes(anonymous().signIn("audit1"), "lockme");
        assertTrue(events.contains("STAFF_CREATED"), events.toString());
        assertTrue(events.contains("LOGIN_FAILED"), events.toString());
        assertTrue(events.contains("STAFF_LOCKED"), events.toString());
        assertTrue(events.contains("LOGIN_REFUSED_LOCKED"), events.toString());
        assertTrue(events.contains("PASSWORD_RESET"), events.toString());
        assertTrue(events.contains("LOGIN_SUCCEEDED"), events.toString());
    }

    @Test
    void a_revoked_token_is_refused() {
        Api rep = anonymous().signIn("rep1");
        assertEquals(200, rep.get("api/me").status());
        assertEquals(204, rep.post("api/auth/logout", "").status());
        Api.Reply after = rep.get("api/me");
        assertEquals(401, after.status(), after.toString());
        assertEquals("TOKEN_REVOKED", after.code());
        assertTrue(eventTypes(anonymous().signIn("audit1"), "rep1").contains("LOGOUT"));
    }

    @Test
    void missing_or_forged_tokens_are_refused() {
        Api.Reply none = anonymous().get("api/me");
        assertEquals(401, none.status(), none.toString());
        assertEquals("UNAUTHENTICATED", none.code());
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));

        Api.Reply forged = anonymous().as("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get("api/me");
        assertEquals(401, forged.status(), forged.toString());
        assertEquals("TOKEN_INVALID", forged.code());
    }

    @Test
    void each_role_reaches_only_its_own_endpoints() {
        Api rep = anonymous().signIn("rep1");
        Api.Reply staffList = rep.get("api/staff");
        assertEquals(403, staffList.status(), staffList.toString());
        assertEquals("FORBIDDEN", staffList.code());
        assertEquals(403, rep.get("api/security-log").status());
        assertEquals(403, rep.post("api/staff", "{}").status());
        assertEquals(403, anonymous().signIn("super1").get("api/staff").status(), "a supervisor is not an admin");
        assertEquals(403, anonymous().signIn("audit1").get("api/staff").status(), "an auditor is not an admin");
        assertEquals(200, anonymous().signIn("admin1").get("api/staff").status());

        List<String> events = eventTypes(anonymous().signIn("audit1"), "rep1");
        assertTrue(events.contains("ACCESS_DENIED"), events.toString());
    }

    @Test
    void administration_refuses_bad_requests_and_disabling_ends_sessions() {
        Api admin = anonymous().signIn("admin1");
        Api.Reply auditorAndRep = admin.post("api/staff", "{\"username\":\"mixed\",\"displayName\":\"Mixed\","
                + "\"roles\":[\"AUDITOR\",\"REP\"],\"password\":\"long-enough-1\"}");
        assertEquals(400, auditorAndRep.status());
        assertEquals("ROLE_COMBINATION_NOT_ALLOWED", auditorAndRep.code());

        Api.Reply shortPassword = admin.post("api/staff", "{\"username\":\"shorty\",\"displayName\":\"Shorty\","
                + "\"roles\":[\"REP\"],\"password\":\"short\"}");
        assertEquals("PASSWORD_TOO_SHORT", shortPassword.code());

        Api.Reply duplicate = admin.post("api/staff", "{\"username\":\"rep1\",\"displayName\":\"Again\","
                + "\"roles\":[\"REP\"],\"password\":\"long-enough-1\"}");
        assertEquals(409, duplicate.status());
        assertEquals("USERNAME_TAKEN", duplicate.code());

        assertEquals(201, admin.post("api/staff", "{\"username\":\"leaver\",\"displayName\":\"Leaver\","
                + "\"roles\":[\"REP\"],\"password\":\"long-enough-1\"}").status());
        Api.Reply signIn = anonymous().post("api/auth/login", login("leaver", "long-enough-1"));
        Api leaver = anonymous().as(signIn.json().getString("token"));
        assertEquals(200, leaver.get("api/me").status());

        assertEquals(200, admin.post("api/staff/leaver/disable", "").status());
        assertEquals(401, leaver.get("api/me").status(), "the disabled account's session ended");
        assertEquals("LOGIN_FAILED", anonymous().post("api/auth/login", login("leaver", "long-enough-1")).code());
        assertEquals("CANNOT_DISABLE_SELF", admin.post("api/staff/admin1/disable", "").code());
    }

    @Test
    void bad_requests_get_problems_with_codes() {
        Api.Reply malformed = anonymous().post("api/auth/login", "{\"username\": \"rep1\", ");
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.isProblem());
        assertEquals("MALFORMED_JSON", malformed.code());
        assertFalse(malformed.body().contains("Exception"), "no stack trace or exception names reach the client");

        Api.Reply missing = anonymous().post("api/auth/login", "{\"username\":\"rep1\"}");
        assertEquals(400, missing.status());
        assertEquals("FIELD_REQUIRED", missing.code());
        assertEquals("password", missing.json().getString("field"));

        Api.Reply wrongType = anonymous().post("api/auth/login", "{\"username\":42,\"password\":\"x\"}");
        assertEquals("FIELD_WRONG_TYPE", wrongType.code());

        Api.Reply notJson = anonymous().send("POST", "api/auth/login", "text/plain", "username=rep1");
        assertEquals(415, notJson.status(), notJson.toString());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", notJson.code());

        Api.Reply wrongMethod = anonymous().get("api/auth/login");
        assertEquals(405, wrongMethod.status(), wrongMethod.toString());
        assertEquals("METHOD_NOT_ALLOWED", wrongMethod.code());
    }

    @Test
    void the_security_log_never_holds_a_password() {
        anonymous().post("api/auth/login", login("rep2", "my-secret-guess-123"));
        Api auditor = anonymous().signIn("audit1");
        Api.Reply log = auditor.get("api/security-log?staff=rep2&size=500");
        assertEquals(200, log.status());
        assertFalse(log.body().contains("my-secret-guess-123"));
        assertFalse(log.body().contains(Api.DEMO_PASSWORD));
        assertTrue(eventTypes(auditor, "rep2").contains("LOGIN_FAILED"));
    }

    private static List<String> eventTypes(Api auditor, String actor) {
        Api.Reply reply = auditor.get("api/security-log?size=500&staff=" + actor);
        assertEquals(200, reply.status(), reply.toString());
        return reply.array().stream().map(JsonValue::asJsonObject).map(e -> e.getString("type")).toList();
    }
}
