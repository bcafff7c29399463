package coop.tally.scorecard;

import coop.tally.posting.Calls;
import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Referrals and scorecards over HTTP, at constructed times. The deployment is the shipped WAR plus
 * the test-only {@link SettableClock} and {@link ClockServlet}, through which each test stops the
 * server's clock at the instants it needs (in UTC; the credit union's zone is the default
 * America/Chicago). Sessions are made long-lived here so that tokens survive the clock's jumps.
 * Each test works in months of its own, so that the tests do not see each other's figures.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScorecardIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWarWithConfig("tally.session.idle=P3650D\ntally.session.max=P3650D")
                .addClasses(SettableClock.class, ClockServlet.class);
    }

    @ArquillianResource
    URL deployment;

    private Api anonymous;
    private Api rep1;
    private Api rep2;
    private Api super1;
    private Api super2;
    private Api admin1;
    private Calls calls;

    @BeforeEach
    void signIn() {
        anonymous = Api.at(deployment);
        rep1 = anonymous.signIn("rep1");
        rep2 = anonymous.signIn("rep2");
        super1 = anonymous.signIn("super1");
        super2 = anonymous.signIn("super2");
        admin1 = anonymous.signIn("admin1");
        calls = new Calls(super1, admin1);
    }

    // ============================================================ referrals move the scorecard

    @Test
    void referrals_logged_in_verified_calls_move_the_scorecard_and_a_conversion_credits_the_referrer() {
        clockAt("2026-01-15T16:00:00Z");
        assertEquals(0, referrals(scorecard(rep1, "rep1", "2026-01")).getInt("made"));
        assertEquals(5, referrals(scorecard(rep1, "rep1", "2026-01")).getInt("target"));

        Api.Reply outsideACall = refer(rep1, "100001", "AUTO_LOAN", "REFERRED", null);
        assertProblem(403, "VERIFICATION_REQUIRED", outsideACall);
        assertEquals("NO_CALL", outsideACall.json().getString("reason"));

        String january = calls.verifiedCall(rep1, "100001", "BASIC");
        Api.Reply otherMember = refer(rep1, "100009", "AUTO_LOAN", "REFERRED", null);
        assertProblem(403, "VERIFICATION_REQUIRED", otherMember);
        assertEquals("OTHER_MEMBER", otherMember.json().getString("reason"));

        JsonObject autoLoan = logged(rep1.post("api/referrals", body("100001", "AUTO_LOAN", "REFERRED", null)
                .add("notes", "refinancing a 2019 pickup").build().toString()));
        assertEquals("OPEN", autoLoan.getString("status"));
        assertEquals(january, autoLoan.getString("callId"));
        assertEquals("rep1", autoLoan.getString("referredBy"));
        assertEquals("2026-04-15T16:00:00Z", autoLoan.getString("expiresAt"));

        Api.Reply duplicate = refer(rep1, "100001", "AUTO_LOAN", "DECLINED", null);
        assertProblem(409, "REFERRAL_DUPLICATE", duplicate);
        assertEquals(autoLoan.getJsonNumber("id").longValue(), duplicate.json().getJsonNumber("existingReferralId").longValue());
        assertProblem(422, "FOLLOW_UP_REQUIRED", refer(rep1, "100001", "CREDIT_CARD", "DECLINED_FOLLOW_UP", null));
        assertProblem(422, "FOLLOW_UP_NOT_ALLOWED", refer(rep1, "100001", "CREDIT_CARD", "DECLINED", "2026-01-20"));
        assertProblem(422, "PRODUCT_UNKNOWN", refer(rep1, "100001", "TIME_SHARE", "REFERRED", null));
        assertProblem(400, "FIELD_UNKNOWN", rep1.post("api/referrals", body("100001", "CREDIT_CARD", "REFERRED", null)
                .add("credited", "rep2").build().toString()));
        JsonObject creditCard = logged(refer(rep1, "100001", "CREDIT_CARD", "DECLINED_FOLLOW_UP", "2026-01-20"));

        List<String> trail = rep1.get("api/calls/" + january).json().getJsonArray("events").getValuesAs(JsonObject.class)
                .stream().filter(event -> event.getString("type").equals("REFERRAL")).map(event -> event.getString("detail")).toList();
        assertEquals(List.of("AUTO_LOAN REFERRED", "CREDIT_CARD DECLINED_FOLLOW_UP follow-up 2026-01-20"), trail,
                "the call's log shows each referral logged in it, and only those");
        endCall(rep1, january, "RESOLVED");

        // 23:50 on 31 January in Chicago (already February in UTC), then 00:00:30 on 1 February
        clockAt("2026-02-01T05:50:00Z");
        calls.verifiedCall(rep1, "100009", "BASIC");
        logged(refer(rep1, "100009", "MORTGAGE", "REFERRED", null));
        clockAt("2026-02-01T06:00:30Z");
        JsonObject heloc = logged(refer(rep1, "100009", "HELOC", "DECLINED_INTERESTED", null));
        calls.endCall(rep1);

        assertEquals(3, referrals(scorecard(rep1, "rep1", "2026-01")).getInt("made"), "the referral at 23:50 counts for January");
        assertEquals(1, referrals(scorecard(rep1, "rep1", "2026-02")).getInt("made"));
        assertEquals(0, referrals(scorecard(rep2, "rep2", "2026-01")).getInt("made"));
        assertEquals(List.of(creditCard.getJsonNumber("id").longValue()), ids(rep1.get("api/referrals/follow-ups")),
                "the follow-up of 20 January has come; the others asked for none");
        assertEquals(List.of(), ids(rep2.get("api/referrals/follow-ups")));
        assertEquals(3, rep1.get("api/referrals?month=2026-01").json().getJsonArray("items").size());

        // a supervisor records the conversion; it credits rep1 in the month it is recorded
        long autoLoanId = autoLoan.getJsonNumber("id").longValue();
        assertEquals(403, rep1.post("api/referrals/" + autoLoanId + "/conversion", "{}").status(), "a rep cannot credit");
        // seeing and converting follow one rule: only the supervisor of rep1's team (super1)
        assertProblem(403, "NOT_YOUR_TEAM", super2.get("api/referrals/" + autoLoanId));
        assertProblem(403, "NOT_YOUR_TEAM", super2.post("api/referrals/" + autoLoanId + "/conversion", "{}"));
        assertEquals("OPEN", rep1.get("api/referrals/" + autoLoanId).json().getString("status"), "nothing was converted");
        assertEquals(0, referrals(scorecard(rep1, "rep1", "2026-02")).getInt("converted"), "nothing was credited");
        Api.Reply converted = super1.post("api/referrals/" + autoLoanId + "/conversion", "{\"note\":\"loan 7781 funded\"}");
        assertEquals(201, converted.status(), converted.toString());
        assertEquals("CONVERTED", converted.json().getString("status"));
        assertEquals("super1", converted.json().getJsonObject("ending").getString("recordedBy"));
        assertProblem(409, "REFERRAL_ENDED", super1.post("api/referrals/" + autoLoanId + "/conversion", "{}"));
        assertProblem(403, "NOT_YOUR_TEAM", super2.post("api/referrals/" + autoLoanId + "/conversion", "{}"));
        assertEquals(1, referrals(scorecard(rep1, "rep1", "2026-02")).getInt("converted"));
        assertEquals(0, referrals(scorecard(rep1, "rep1", "2026-01")).getInt("converted"));
        assertEquals(0, referrals(scorecard(super1, "super1", "2026-02")).getInt("converted"), "the recorder gets no credit");
        assertProblem(403, "NOT_YOUR_TEAM", rep2.get("api/referrals/" + autoLoanId));
        assertEquals(200, super1.get("api/referrals/" + autoLoanId).status(), "the team's supervisor sees it");
        assertProblem(404, "REFERRAL_NOT_FOUND", super1.get("api/referrals/999999"));

        // after 30 days the same member and product may be referred again
        clockAt("2026-02-14T16:00:01Z");
        calls.verifiedCall(rep1, "100001", "BASIC");
        logged(refer(rep1, "100001", "AUTO_LOAN", "REFERRED", null));
        calls.endCall(rep1);

        // 90 days without conversion: EXPIRED, dated when it expired; a conversion is refused
        clockAt("2026-04-16T16:00:00Z");
        JsonObject expired = rep1.get("api/referrals/" + creditCard.getJsonNumber("id")).json();
        assertEquals("EXPIRED", expired.getString("status"));
        assertEquals("2026-04-15T16:00:00Z", expired.getJsonObject("ending").getString("at"));
        assertEquals("system", expired.getJsonObject("ending").getString("recordedBy"));
        assertEquals("CONVERTED", rep1.get("api/referrals/" + autoLoanId).json().getString("status"));
        assertEquals("OPEN", rep1.get("api/referrals/" + heloc.getJsonNumber("id")).json().getString("status"));
        assertProblem(409, "REFERRAL_ENDED", super1.post("api/referrals/" + creditCard.getJsonNumber("id") + "/conversion", "{}"));
        assertEquals(List.of(), ids(rep1.get("api/referrals/follow-ups")), "an expired referral needs no follow-up");
    }

    // ============================================================ posting errors and the quarter edge

    @Test
    void a_posting_error_reversal_counts_against_the_poster_in_the_quarter_of_the_reversal() {
        clockAt("2026-03-31T20:00:00Z");
        String call = calls.verifiedCall(rep1, "100001", "BASIC");
        long first = transfer(rep1, call);
        long second = transfer(rep1, call);
        long third = transfer(rep1, call);
        calls.endCall(rep1);

        clockAt("2026-04-01T04:30:00Z"); // 23:30 on 31 March in Chicago: still Q1 there, Q2 in UTC
        assertEquals("rep1", reverse(super1, first, "POSTING_ERROR").getString("postingErrorAttributedTo"));
        clockAt("2026-04-01T05:00:00Z"); // the first second of 1 April in Chicago: Q2
        reverse(super1, second, "POSTING_ERROR");
        reverse(super1, third, "MEMBER_REQUEST");

        JsonObject march = errors(scorecard(rep1, "rep1", "2026-03"));
        assertEquals("2026-Q1", march.getString("quarter"));
        assertEquals(1, march.getInt("count"));
        assertEquals(1, march.getInt("limit"));
        assertFalse(march.getBoolean("overLimit"));
        JsonObject april = errors(scorecard(rep1, "rep1", "2026-04"));
        assertEquals("2026-Q2", april.getString("quarter"));
        assertEquals(1, april.getInt("count"), "the MEMBER_REQUEST reversal does not count");
        assertEquals(0, errors(scorecard(super1, "super1", "2026-04")).getInt("count"), "the reverser is not the poster");

        clockAt("2026-05-10T15:00:00Z");
        String may = calls.verifiedCall(rep1, "100001", "BASIC");
        long fourth = transfer(rep1, may);
        calls.endCall(rep1);
        reverse(super2, fourth, "POSTING_ERROR");
        JsonObject april2 = errors(scorecard(rep1, "rep1", "2026-04"));
        assertEquals(2, april2.getInt("count"), "the quarter, not the month: May's error counts in April's scorecard");
        assertTrue(april2.getBoolean("overLimit"));
        assertEquals(1, errors(scorecard(rep1, "rep1", "2026-03")).getInt("count"));
    }

    // ============================================================ AHT and the FCR proxy

    @Test
    void handling_time_and_first_call_resolution_are_computed_from_the_calls() {
        constructedCall(rep1, "100001", "2026-06-01T14:00:00Z", "2026-06-01T14:04:00Z", "RESOLVED");        // 240 s
        constructedCall(rep1, "100009", "2026-06-02T14:00:00Z", "2026-06-02T14:06:30Z", "RESOLVED");        // 390 s, called back
        constructedCall(rep1, "100010", "2026-06-03T14:00:00Z", "2026-06-03T14:02:01Z", "CALLBACK_NEEDED"); // 121 s
        constructedCall(rep2, "100009", "2026-06-05T14:00:00Z", "2026-06-05T14:05:00Z", "RESOLVED");        // 300 s

        JsonObject rep1June = scorecard(rep1, "rep1", "2026-06").getJsonObject("calls");
        assertEquals(3, rep1June.getInt("handled"));
        assertEquals(250, rep1June.getInt("averageHandlingSeconds"), "(240 + 390 + 121) / 3 = 250.33");
        assertEquals("33.3", rep1June.getJsonObject("firstCallResolution").getString("percent"),
                "one of three: the member of the second call called again within 7 days, the third was not resolved");
        JsonObject rep2June = scorecard(rep2, "rep2", "2026-06").getJsonObject("calls");
        assertEquals(1, rep2June.getInt("handled"));
        assertEquals(300, rep2June.getInt("averageHandlingSeconds"));
        assertEquals("100.0", rep2June.getJsonObject("firstCallResolution").getString("percent"));
        assertEquals("NO_DRAWER_DATA", scorecard(rep1, "rep1", "2026-06").getJsonObject("drawerOverShort").getString("status"));

        Api.Reply team = super1.get("api/scorecards/team?month=2026-06");
        assertEquals(200, team.status(), team.toString());
        assertEquals(List.of("rep1", "rep2"), team.json().getJsonArray("reps").getValuesAs(JsonObject.class).stream()
                .map(rep -> rep.getString("rep")).toList());
        JsonObject rankings = team.json().getJsonObject("rankings");
        assertEquals(List.of("rep1:1", "rep2:2"), places(rankings, "CALLS_HANDLED"));
        assertEquals(List.of("rep1:1", "rep2:2"), places(rankings, "AVERAGE_HANDLING_SECONDS"), "shorter is better");
        assertEquals(List.of("rep2:1", "rep1:2"), places(rankings, "FIRST_CALL_RESOLUTION_PERCENT"));
        assertEquals(List.of("rep1:-", "rep2:-"), places(rankings, "DRAWER_OVER_SHORT_ABSOLUTE"), "no drawer data, no rank");
    }

    // ============================================================ who sees what; targets; teams; products

    @Test
    void a_rep_sees_only_their_own_scorecard_and_a_supervisor_only_their_team() {
        clockAt("2026-07-10T15:00:00Z");
        assertProblem(403, "NOT_YOUR_TEAM", rep1.get("api/scorecards/rep2"));
        assertEquals(200, rep1.get("api/scorecards/rep1").status());
        assertEquals("2026-07", rep1.get("api/scorecards/rep1").json().getString("month"), "this month in Chicago by default");
        assertEquals(200, super1.get("api/scorecards/rep1").status());
        assertEquals(200, super1.get("api/scorecards/rep2").status());
        assertProblem(403, "NOT_YOUR_TEAM", super2.get("api/scorecards/rep1"));
        assertProblem(403, "NOT_YOUR_TEAM", super1.get("api/scorecards/super2"));
        assertTrue(securityEvents("ACCESS_DENIED").stream().anyMatch(event -> "super2".equals(event.getString("actor", null))
                && "rep1".equals(event.getString("subject", null)) && "scorecard".equals(event.getString("detail", null))),
                "a refused look at another team's scorecard is on the security log");
        assertEquals(0, super2.get("api/scorecards/team").json().getJsonArray("reps").size());
        assertEquals(403, rep1.get("api/scorecards/team").status());
        assertEquals(403, anonymous.signIn("audit1").get("api/scorecards/rep1").status());
        assertProblem(403, "NOT_YOUR_TEAM", rep2.get("api/referrals?rep=rep1"));
        assertProblem(400, "FIELD_INVALID", rep1.get("api/scorecards/rep1?month=2026-7"));

        // targets: the rep's own supervisor, this month or later, logged
        Api.Reply set = super1.put("api/referral-targets/rep1/2026-07", "{\"target\":7}");
        assertEquals(200, set.status(), set.toString());
        assertEquals(7, set.json().getInt("target"));
        assertEquals(7, referrals(scorecard(rep1, "rep1", "2026-07")).getInt("target"));
        assertEquals(5, referrals(scorecard(rep1, "rep1", "2026-08")).getInt("target"), "other months keep the default");
        assertProblem(403, "NOT_YOUR_TEAM", super2.put("api/referral-targets/rep1/2026-07", "{\"target\":1}"));
        assertEquals(403, rep1.put("api/referral-targets/rep1/2026-07", "{\"target\":1}").status());
        assertProblem(422, "TARGET_MONTH_PAST", super1.put("api/referral-targets/rep1/2026-06", "{\"target\":1}"));
        assertProblem(400, "FIELD_WRONG_TYPE", super1.put("api/referral-targets/rep1/2026-07", "{\"target\":\"9\"}"));
        assertProblem(400, "FIELD_UNKNOWN", super1.put("api/referral-targets/rep1/2026-07", "{\"target\":9,\"why\":\"x\"}"));
        assertEquals(1, rep1.get("api/referral-targets/rep1/2026-07").json().getJsonArray("history").size());
        assertProblem(403, "NOT_YOUR_TEAM", rep2.get("api/referral-targets/rep1/2026-07"));
        assertTrue(securityEvents("REFERRAL_TARGET_SET").stream()
                .anyMatch(event -> "rep1".equals(event.getString("subject", null)) && event.getString("detail").equals("2026-07: 5 -> 7")));

        // teams: ADMIN moves rep2 to super2's team, logged; the view follows
        assertEquals(403, super1.put("api/teams/members/rep2", "{\"supervisor\":\"super1\"}").status());
        assertProblem(422, "SUPERVISOR_INVALID", admin1.put("api/teams/members/rep2", "{\"supervisor\":\"rep1\"}"));
        Api.Reply moved = admin1.put("api/teams/members/rep2", "{\"supervisor\":\"super2\"}");
        assertEquals(200, moved.status(), moved.toString());
        try {
            assertEquals(200, super2.get("api/scorecards/rep2").status());
            assertProblem(403, "NOT_YOUR_TEAM", super1.get("api/scorecards/rep2"));
            assertProblem(403, "NOT_YOUR_TEAM", super1.put("api/referral-targets/rep2/2026-07", "{\"target\":6}"));
            assertEquals(List.of("rep2"), super2.get("api/scorecards/team").json().getJsonArray("reps")
                    .getValuesAs(JsonObject.class).stream().map(rep -> rep.getString("rep")).toList());
            assertTrue(securityEvents("TEAM_MEMBERSHIP_SET").stream().anyMatch(event -> "rep2".equals(event.getString("subject", null))
                    && event.getString("detail").equals("supervisor super1 -> super2")));
        } finally {
            assertEquals(200, admin1.put("api/teams/members/rep2", "{\"supervisor\":\"super1\"}").status());
        }

        // products are data that ADMIN extends
        assertEquals(403, rep1.post("api/referral-products", "{\"code\":\"RV_LOAN\",\"name\":\"RV loan\"}").status());
        assertEquals(201, admin1.post("api/referral-products", "{\"code\":\"RV_LOAN\",\"name\":\"RV loan\"}").status());
        assertProblem(409, "PRODUCT_EXISTS", admin1.post("api/referral-products", "{\"code\":\"RV_LOAN\",\"name\":\"RV loan\"}"));
        assertTrue(rep1.get("api/referral-products").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(product -> product.getString("code").equals("RV_LOAN")));
        calls.verifiedCall(rep1, "100010", "BASIC");
        logged(refer(rep1, "100010", "RV_LOAN", "REFERRED", null));
        calls.endCall(rep1);
    }

    // ============================================================ helpers

    private void clockAt(String instant) {
        Api.Reply set = anonymous.send("PUT", "test-only/clock", "text/plain", instant);
        assertEquals(204, set.status(), set.toString());
    }

    /** A call of the staff member verified for the member at {@code start}, ended at {@code end}. */
    private void constructedCall(Api staff, String member, String start, String end, String disposition) {
        clockAt(start);
        String call = calls.verifiedCall(staff, member, "BASIC");
        clockAt(end);
        endCall(staff, call, disposition);
        calls.endCall(staff); // forgets the helper's cached call; nothing is open any more
    }

    private static void endCall(Api staff, String call, String disposition) {
        Api.Reply ended = staff.post("api/calls/" + call + "/end", "{\"disposition\":\"" + disposition + "\"}");
        assertEquals(200, ended.status(), ended.toString());
    }

    private static JsonObjectBuilder body(String member, String product, String disposition, String followUpOn) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("memberNumber", member).add("product", product)
                .add("disposition", disposition);
        if (followUpOn != null) {
            body.add("followUpOn", followUpOn);
        }
        return body;
    }

    private static Api.Reply refer(Api staff, String member, String product, String disposition, String followUpOn) {
        return staff.post("api/referrals", body(member, product, disposition, followUpOn).build().toString());
    }

    private static JsonObject logged(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject scorecard(Api viewer, String rep, String month) {
        Api.Reply reply = viewer.get("api/scorecards/" + rep + "?month=" + month);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject referrals(JsonObject scorecard) {
        return scorecard.getJsonObject("referrals");
    }

    private static JsonObject errors(JsonObject scorecard) {
        return scorecard.getJsonObject("postingErrors");
    }

    private static List<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getJsonNumber("id").longValue()).toList();
    }

    private static List<String> places(JsonObject rankings, String figure) {
        return rankings.getJsonObject(figure).getJsonArray("places").getValuesAs(JsonObject.class).stream()
                .map(place -> place.getString("rep") + ":" + (place.isNull("rank") ? "-" : String.valueOf(place.getInt("rank"))))
                .toList();
    }

    private static long transfer(Api staff, String call) {
        Api.Reply posted = staff.post("api/transactions", Json.createObjectBuilder().add("type", "TRANSFER")
                        .add("fromAccount", "100001-S10").add("toAccount", "100001-S00").add("amount", "1.00")
                        .add("sessionId", call).build().toString(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, posted.status(), posted.toString());
        return posted.json().getJsonObject("entry").getJsonNumber("id").longValue();
    }

    private static JsonObject reverse(Api supervisor, long entryId, String reason) {
        Api.Reply reversed = supervisor.post("api/transactions/" + entryId + "/reversal", "{\"reasonCode\":\"" + reason + "\"}");
        assertEquals(201, reversed.status(), reversed.toString());
        return reversed.json();
    }

    private List<JsonObject> securityEvents(String type) {
        Api.Reply reply = admin1.get("api/security-log?type=" + type);
        assertEquals(200, reply.status(), reply.toString());
        return reply.array().getValuesAs(JsonObject.class);
    }

    private static void assertProblem(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code, reply.code(), reply.toString());
    }
}
