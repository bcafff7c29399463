package coop.tally.caller;

import coop.tally.posting.Calls;
import coop.tally.posting.Drawers;
import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Visits at the counter over HTTP: the same session as a call (identify, log, end), verified by a
 * photo ID instead of the phone factors; an expired ID is refused and logged; cash only in a visit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VisitIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void a_visit_is_verified_by_an_unexpired_photo_id_and_takes_cash() {
        Api anonymous = Api.at(deployment);
        Api rep1 = anonymous.signIn("rep1");
        Api audit1 = anonymous.signIn("audit1");
        Calls calls = new Calls(anonymous.signIn("super1"), anonymous.signIn("admin1"));
        calls.endCall(rep1);
        // the credit union's day, as the server sees it (the machine's calendar may be a day ahead)
        LocalDate today = LocalDate.parse(rep1.get("api/business-date").json().getString("businessDate"));

        Api.Reply started = rep1.post("api/visits", "");
        assertEquals(201, started.status(), started.toString());
        String visit = started.json().getString("id");
        assertEquals("BRANCH", started.json().getString("channel"));
        assertFalse(started.json().containsKey("ani"), "a visit has no caller number: " + started.json());
        Api.Reply second = rep1.post("api/calls", "{\"ani\":\"+13125550199\"}");
        assertEquals(409, second.status(), "one open call or visit per rep: " + second);
        assertEquals("CALL_ALREADY_OPEN", second.code());

        // a photo ID before the member is named is out of order
        Api.Reply tooEarly = rep1.post("api/visits/" + visit + "/photo-id", Calls.photoId(today.plusYears(2).toString(), true).toString());
        assertEquals(409, tooEarly.status(), tooEarly.toString());
        assertEquals("MEMBER_NOT_IDENTIFIED", tooEarly.code());

        JsonObject identified = rep1.post("api/calls/" + visit + "/member", "{\"memberNumber\":\"100001\"}").json();
        assertEquals("NONE", identified.getString("level"));
        assertEquals(List.of(), identified.getJsonArray("redFlags").getValuesAs(jakarta.json.JsonString.class),
                "no caller ID at the counter, so no ANI red flag");
        Drawers.open(rep1, "1000.00");
        Api.Reply unverified = post(rep1, visit, "DEPOSIT", "100001-S10", "20.00");
        assertEquals(403, unverified.status(), unverified.toString());
        assertEquals("VERIFICATION_REQUIRED", unverified.code());

        // bad input: more than four characters, an unknown ID type, an unknown field, no attestation
        for (String body : List.of(
                "{\"type\":\"PASSPORT\",\"last4\":\"123456789\",\"expires\":\"2031-01-01\",\"inMembersName\":true}",
                "{\"type\":\"LIBRARY_CARD\",\"last4\":\"1234\",\"expires\":\"2031-01-01\",\"inMembersName\":true}",
                "{\"type\":\"PASSPORT\",\"last4\":\"1234\",\"expires\":\"31/01/2031\",\"inMembersName\":true}",
                "{\"type\":\"PASSPORT\",\"last4\":\"1234\",\"expires\":\"2031-01-01\",\"inMembersName\":true,\"number\":\"X123451234\"}",
                "{\"type\":\"PASSPORT\",\"last4\":\"1234\",\"expires\":\"2031-01-01\"}")) {
            Api.Reply bad = rep1.post("api/visits/" + visit + "/photo-id", body);
            assertEquals(400, bad.status(), body + " -> " + bad);
            assertTrue(bad.isProblem());
        }

        // an expired ID: refused with a clear problem, and the inspection is on the visit's log
        Api.Reply expired = rep1.post("api/visits/" + visit + "/photo-id", Calls.photoId(today.minusDays(2).toString(), true).toString());
        assertEquals(422, expired.status(), expired.toString());
        assertEquals("PHOTO_ID_EXPIRED", expired.code());
        Api.Reply notTheirs = rep1.post("api/visits/" + visit + "/photo-id", Calls.photoId(today.plusYears(2).toString(), false).toString());
        assertEquals(422, notTheirs.status(), notTheirs.toString());
        assertEquals("PHOTO_ID_NAME_MISMATCH", notTheirs.code());
        assertEquals("NONE", rep1.get("api/calls/" + visit).json().getString("level"));

        Api.Reply accepted = rep1.post("api/visits/" + visit + "/photo-id", Calls.photoId(today.plusYears(2).toString(), true).toString());
        assertEquals(200, accepted.status(), accepted.toString());
        assertEquals("STRONG", accepted.json().getString("level"));
        assertEquals(Map.of("type", "DRIVERS_LICENSE", "last4", "4321", "expires", today.plusYears(2).toString()),
                Map.of("type", accepted.json().getJsonObject("photoId").getString("type"),
                        "last4", accepted.json().getJsonObject("photoId").getString("last4"),
                        "expires", accepted.json().getJsonObject("photoId").getString("expires")));

        // STRONG at the counter: cash in and cash out
        assertEquals(201, post(rep1, visit, "DEPOSIT", "100001-S10", "20.00").status());
        Api.Reply withdrawal = post(rep1, visit, "WITHDRAWAL", "100001-S10", "15.00");
        assertEquals(201, withdrawal.status(), withdrawal.toString());
        assertEquals(visit, withdrawal.json().getJsonObject("entry").getString("sessionId"));
        assertEquals(200, rep1.post("api/calls/" + visit + "/end", "{\"disposition\":\"RESOLVED\"}").status());

        JsonObject log = audit1.get("api/calls/" + visit).json();
        List<String> steps = log.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("type") + (event.containsKey("factor") ? " " + event.getString("factor") : "")
                        + (event.containsKey("outcome") ? " " + event.getString("outcome") : ""))
                .toList();
        assertEquals(List.of("CALL_STARTED", "MEMBER_IDENTIFIED", "PHOTO_ID_CHECKED PHOTO_ID FAIL", "PHOTO_ID_CHECKED PHOTO_ID FAIL",
                "PHOTO_ID_CHECKED PHOTO_ID PASS", "LEVEL_REACHED", "POSTING", "POSTING", "CALL_ENDED"), steps);
        String expiredDetail = log.getJsonArray("events").getJsonObject(2).getString("detail");
        assertTrue(expiredDetail.contains("EXPIRED") && expiredDetail.contains("****4321"), expiredDetail);
        assertEquals("ENDED", log.getString("state"));
        assertEquals("BRANCH", log.getString("channel"));
    }

    @Test
    void cash_is_refused_in_a_phone_call_and_a_photo_id_is_not_a_phone_factor() {
        Api anonymous = Api.at(deployment);
        Api rep2 = anonymous.signIn("rep2");
        Calls calls = new Calls(anonymous.signIn("super1"), anonymous.signIn("admin1"));
        Drawers.ensureOpen(rep2);
        String call = calls.verifiedCall(rep2, "100001", "STRONG");

        Api.Reply photoId = rep2.post("api/visits/" + call + "/photo-id", Calls.photoId(Calls.unexpiredOn(rep2), true).toString());
        assertEquals(409, photoId.status(), photoId.toString());
        assertEquals("PHOTO_ID_NEEDS_VISIT", photoId.code());
        for (String type : List.of("DEPOSIT", "WITHDRAWAL")) {
            Api.Reply cash = post(rep2, call, type, "100001-S10", "10.00");
            assertEquals(422, cash.status(), cash.toString());
            assertEquals("CASH_NEEDS_VISIT", cash.code());
        }
        Api.Reply mailed = rep2.post("api/transactions", Json.createObjectBuilder().add("sessionId", call).add("type", "WITHDRAWAL")
                .add("tender", "OFFICIAL_CHECK").add("fromAccount", "100001-S10").add("amount", "10.00").build().toString(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, mailed.status(), "by phone money leaves by an official check mailed: " + mailed);
        calls.endCall(rep2);
    }

    private static Api.Reply post(Api staff, String session, String type, String account, String amount) {
        return staff.post("api/transactions", Json.createObjectBuilder().add("sessionId", session).add("type", type)
                .add("tender", "CASH").add(type.equals("DEPOSIT") ? "toAccount" : "fromAccount", account).add("amount", amount)
                .build().toString(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
