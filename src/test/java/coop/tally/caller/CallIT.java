package coop.tally.caller;

import coop.tally.audit.TamperServlet;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls over HTTP: a whole call from start to end with its log, lockout and unlock, and what a rep
 * may not do (another member, another rep's call, an ended call, their own membership). Each test
 * uses its own demo members, so the lockout counts of one do not reach another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the test-only SQL door plays a transaction that holds a member's row past the lock timeout
        return TallyDeployment.shippedWar().addClass(TamperServlet.class);
    }

    @ArquillianResource
    URL deployment;

    private Api rep1;
    private Api rep2;
    private Api super1;
    private Api audit1;
    private Api admin1;
    private Calls calls;

    @BeforeEach
    void signIn() {
        Api anonymous = Api.at(deployment);
        rep1 = anonymous.signIn("rep1");
        rep2 = anonymous.signIn("rep2");
        super1 = anonymous.signIn("super1");
        audit1 = anonymous.signIn("audit1");
        admin1 = anonymous.signIn("admin1");
        calls = new Calls(super1, admin1);
        for (Api staff : List.of(rep1, rep2, super1)) {
            calls.endCall(staff);
        }
    }

    @Test
    void a_whole_call_from_start_to_end_with_its_log_in_order() {
        String call = start(rep1, "(312) 555-0101");
        Api.Reply second = rep1.post("api/calls", "{\"ani\":\"+13125550199\"}");
        assertEquals(409, second.status(), second.toString());
        assertEquals("CALL_ALREADY_OPEN", second.code());

        // before verification a rep finds the member by name, and sees only names and numbers
        Api.Reply search = rep1.get("api/members?q=Whitfield");
        assertEquals(200, search.status(), search.toString());
        JsonObject hit = search.json().getJsonArray("items").getJsonObject(0);
        assertEquals(Map.of("memberNumber", "100001", "name", "Eleanor Whitfield"),
                Map.of("memberNumber", hit.getString("memberNumber"), "name", hit.getString("name")));
        assertEquals(2, hit.size(), "name and member number only: " + hit);
        assertVerificationRequired(rep1.get("api/members/100001"), "BASIC");

        JsonObject identified = identify(rep1, call, "100001");
        assertTrue(identified.getBoolean("aniOnFile"));
        assertEquals("NONE", identified.getString("level"));

        JsonObject failed = knowledge(rep1, call, Map.of("dateOfBirth", "1978-04-13", "zip", "60657"));
        assertFalse(failed.getBoolean("passed"));
        assertEquals("NONE", failed.getString("level"));
        JsonObject basic = knowledge(rep1, call, Map.of("ssnLast4", "1234", "zip", "60657"));
        assertTrue(basic.getBoolean("passed"));
        assertEquals("BASIC", basic.getString("level"));

        // BASIC: inquiries and moves between the member's own accounts
        assertEquals(200, rep1.get("api/members/100001").status());
        assertEquals(200, rep1.get("api/accounts/100001-S10/history").status());
        assertVerificationRequired(rep1.get("api/members/100003"), "BASIC");
        int entries = entries();
        Api.Reply refused = post(rep1, call, withdrawal("100001-S10", "100.00"));
        assertVerificationRequired(refused, "STRONG");
        assertEquals("LEVEL_TOO_LOW", refused.json().getString("reason"));
        assertEquals(entries, entries(), "nothing posted");
        Api.Reply own = post(rep1, call, request("TRANSFER").add("fromAccount", "100001-S10").add("toAccount", "100001-S00")
                .add("amount", "10.00"));
        assertEquals(201, own.status(), own.toString());

        // STRONG: the passcode goes to the mobile phone on file, an admin reads it in the demo outbox
        Api.Reply sent = rep1.post("api/calls/" + call + "/passcode", "");
        assertEquals(200, sent.status(), sent.toString());
        assertEquals("***-***-0101", sent.json().getString("sentTo"));
        assertEquals(403, rep1.get("api/outbox").status(), "only ADMIN reads the outbox");
        String code = calls.outboxCode(call);
        JsonObject strong = passcode(rep1, call, code);
        assertTrue(strong.getBoolean("passed"));
        assertEquals("STRONG", strong.getString("level"));
        JsonObject reused = passcode(rep1, call, code);
        assertFalse(reused.getBoolean("passed"), "a passcode works once");

        Api.Reply cash = post(rep1, call, request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", "100001-S10")
                .add("amount", "100.00"));
        assertEquals(422, cash.status(), cash.toString());
        assertEquals("CASH_NEEDS_VISIT", cash.code(), "cash changes hands only at the counter, even in a STRONG call");
        assertEquals(entries + 1, entries(), "nothing posted for the cash withdrawal");
        Api.Reply withdrawal = post(rep1, call, withdrawal("100001-S10", "100.00"));
        assertEquals(201, withdrawal.status(), withdrawal.toString());
        assertEquals(call, withdrawal.json().getJsonObject("entry").getString("sessionId", call));
        Api.Reply note = rep1.post("api/calls/" + call + "/notes", "{\"text\":\"Member asked about certificate rates.\"}");
        assertEquals(201, note.status(), note.toString());
        JsonObject ended = end(rep1, call, "RESOLVED");
        assertEquals("ENDED", ended.getString("state"));
        assertEquals("RESOLVED", ended.getString("disposition"));

        // after the end: no posting and no reading on that call
        Api.Reply late = post(rep1, call, withdrawal("100001-S10", "1.00"));
        assertVerificationRequired(late, "STRONG");
        assertEquals("CALL_ENDED", late.json().getString("reason"));
        assertVerificationRequired(rep1.get("api/members/100001"), "BASIC");

        JsonObject log = rep1.get("api/calls/" + call).json();
        List<String> steps = log.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("type") + (event.containsKey("factor") ? " " + event.getString("factor") : "")
                        + (event.containsKey("outcome") ? " " + event.getString("outcome") : ""))
                .toList();
        assertEquals(List.of("CALL_STARTED", "MEMBER_IDENTIFIED", "ANI_CHECKED ANI PASS",
                "ATTEMPT KNOWLEDGE FAIL", "ATTEMPT KNOWLEDGE PASS", "LEVEL_REACHED",
                "MEMBER_VIEWED", "MEMBER_VIEWED", "POSTING", "PASSCODE_SENT PASSCODE",
                "ATTEMPT PASSCODE PASS", "LEVEL_REACHED", "ATTEMPT PASSCODE FAIL", "POSTING", "NOTE", "CALL_ENDED"), steps);
        for (JsonObject event : log.getJsonArray("events").getValuesAs(JsonObject.class)) {
            assertEquals("rep1", event.getString("staff"));
            String detail = event.getString("detail", "");
            for (String secret : List.of("1978-04-1", "60657", "1234", code)) {
                assertFalse(detail.contains(secret), "no answer or passcode in the log: " + event);
            }
        }
        assertFalse(log.getJsonArray("events").toString().contains(code), "the passcode appears nowhere in the log");
    }

    @Test
    void the_third_failure_in_24_hours_locks_phone_access_until_a_supervisor_unlocks_it() {
        String member = "100003";
        JsonObject file = super1.get("api/members/" + member).json();
        Map<String, String> wrong = Map.of("dateOfBirth", "1900-01-01", "zip", "00000");
        Map<String, String> right = Map.of("dateOfBirth", file.getString("dateOfBirth"),
                "zip", file.getJsonArray("addresses").getJsonObject(0).getString("zip"));

        String first = start(rep1, "+13125550000");
        JsonObject flagged = identify(rep1, first, member);
        assertTrue(flagged.getJsonArray("redFlags").toString().contains("ANI_NOT_ON_FILE"), flagged.toString());
        assertFalse(knowledge(rep1, first, wrong).getBoolean("locked"));
        assertFalse(knowledge(rep1, first, wrong).getBoolean("locked"));
        end(rep1, first, "CALLER_FAILED_VERIFICATION");

        // the third failure, on another rep's call, locks the member for every rep
        String second = start(rep2, "+13125550000");
        identify(rep2, second, member);
        JsonObject third = knowledge(rep2, second, wrong);
        assertFalse(third.getBoolean("passed"));
        assertTrue(third.getBoolean("locked"));
        Api.Reply refused = rep2.post("api/calls/" + second + "/knowledge", answers(right));
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("PHONE_ACCESS_LOCKED", refused.code());
        Api.Reply noPasscode = rep2.post("api/calls/" + second + "/passcode", "");
        assertEquals("PHONE_ACCESS_LOCKED", noPasscode.code(), noPasscode.toString());

        // the rep asks inside the call; a supervisor other than the one asking approves it in the queue
        Api.Reply noReason = rep2.post("api/members/" + member + "/phone-unlock", "{\"reason\":\" \"}");
        assertEquals(400, noReason.status(), noReason.toString());
        Api.Reply outsideTheCall = super1.post("api/members/" + member + "/phone-unlock", "{\"reason\":\"x\"}");
        assertEquals(403, outsideTheCall.status(), outsideTheCall.toString());
        assertEquals(403, admin1.post("api/members/" + member + "/phone-unlock", "{\"reason\":\"x\"}").status());
        Api.Reply asked = rep2.post("api/members/" + member + "/phone-unlock",
                "{\"reason\":\"Member called from the phone on file and confirmed identity in branch.\"}");
        assertEquals(202, asked.status(), asked.toString());
        JsonObject request = asked.json().getJsonObject("approval");
        assertEquals("PHONE_UNLOCK", request.getString("kind"));
        assertEquals("PENDING", request.getString("status"));
        String approve = "api/approvals/" + request.getJsonNumber("id").longValue() + "/approve";
        assertEquals(403, rep2.post(approve, "{\"reason\":\"mine\"}").status(), "a rep approves nothing");
        assertEquals("PHONE_ACCESS_LOCKED", rep2.post("api/calls/" + second + "/knowledge", answers(right)).code(),
                "still locked while the request waits");
        Api.Reply unlocked = super1.post(approve, "{\"reason\":\"identity confirmed in branch\"}");
        assertEquals(200, unlocked.status(), unlocked.toString());
        assertEquals("APPROVED", unlocked.json().getString("status"));
        assertEquals("EXECUTED", unlocked.json().getJsonObject("outcome").getString("result"));
        Api.Reply again = rep2.post("api/members/" + member + "/phone-unlock", "{\"reason\":\"again\"}");
        assertEquals(409, again.status(), again.toString());
        assertEquals("NOT_LOCKED", again.code());

        JsonObject passed = knowledge(rep2, second, right);
        assertTrue(passed.getBoolean("passed"), passed.toString());
        JsonObject log = rep2.get("api/calls/" + second).json();
        List<String> types = log.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("type")).toList();
        assertTrue(types.containsAll(List.of("PHONE_ACCESS_LOCKED", "ATTEMPT_REFUSED_LOCKED")), types.toString());
        end(rep2, second, "RESOLVED");

        // the next call shows the lockout and the repeated calls as red flags
        String third_call = start(rep1, "+13125550000");
        String flags = identify(rep1, third_call, member).getJsonArray("redFlags").toString();
        assertTrue(flags.contains("RECENT_LOCKOUT") && flags.contains("REPEATED_CALLS"), flags);
        end(rep1, third_call, "ABANDONED");
    }

    @Test
    void a_rep_cannot_reach_another_member_another_reps_call_or_their_own_membership() {
        String memberA = "100005";
        String memberB = "100007";
        String callA = calls.verifiedCall(rep1, memberA, "STRONG");
        String accountA = memberA + "-S00";
        String accountB = memberB + "-S00";
        int entries = entries();

        // another member: neither read nor posted for in this call
        assertVerificationRequired(rep1.get("api/members/" + memberB), "BASIC");
        assertVerificationRequired(rep1.get("api/accounts/" + accountB + "/history"), "BASIC");
        Api.Reply otherMember = post(rep1, callA, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", accountB).add("amount", "5.00"));
        assertVerificationRequired(otherMember, "BASIC");
        assertEquals("OTHER_MEMBER", otherMember.json().getString("reason"));
        Api.Reply pulling = post(rep1, callA, request("TRANSFER").add("fromAccount", accountB).add("toAccount", accountA).add("amount", "5.00"));
        assertEquals("OTHER_MEMBER", pulling.json().getString("reason"), pulling.toString());
        Api.Reply noSession = rep1.post("api/transactions", request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", accountA)
                .add("amount", "5.00").build().toString(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertVerificationRequired(noSession, "BASIC");
        assertEquals("NO_CALL", noSession.json().getString("reason"));
        Api.Reply unknown = post(rep1, UUID.randomUUID().toString(), request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", accountA)
                .add("amount", "5.00"));
        assertEquals("CALL_NOT_FOUND", unknown.json().getString("reason"), unknown.toString());

        // another rep's call: not shown, not usable
        assertEquals(404, rep2.get("api/calls/" + callA).status());
        assertEquals(200, super1.get("api/calls/" + callA).status(), "supervisors see every call");
        assertEquals(200, audit1.get("api/calls/" + callA).status(), "auditors see every call");
        Api.Reply notYours = post(rep2, callA, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", accountA).add("amount", "5.00"));
        assertVerificationRequired(notYours, "BASIC");
        assertEquals("CALL_NOT_YOURS", notYours.json().getString("reason"));
        assertEquals(404, rep2.post("api/calls/" + callA + "/notes", "{\"text\":\"x\"}").status());
        assertEquals(entries, entries(), "nothing posted");

        // a supervisor takes the call over; the rep can no longer use it
        Api.Reply takeover = super1.post("api/calls/" + callA + "/takeover", "");
        assertEquals(200, takeover.status(), takeover.toString());
        assertEquals("super1", takeover.json().getString("handledBy"));
        Api.Reply afterTakeover = post(rep1, callA, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", accountA).add("amount", "5.00"));
        assertEquals("CALL_NOT_YOURS", afterTakeover.json().getString("reason"), afterTakeover.toString());
        Api.Reply bySupervisor = post(super1, callA, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", accountA).add("amount", "5.00"));
        assertEquals(201, bySupervisor.status(), bySupervisor.toString());
        assertEquals(200, rep1.get("api/calls/" + callA).status(), "the rep who started it still sees the call");
        end(super1, callA, "TRANSFERRED_TO_SUPERVISOR");
        calls.endCall(rep1);

        // staff who are members take no call for themselves: rep2 is member 100002
        String own = start(rep2, "+13125550000");
        Api.Reply self = rep2.post("api/calls/" + own + "/member", "{\"memberNumber\":\"100002\"}");
        assertEquals(403, self.status(), self.toString());
        assertEquals("STAFF_OWN_MEMBER", self.code());
        assertVerificationRequired(rep2.get("api/members/100002"), "BASIC");
        Api.Reply ownPosting = post(rep2, own, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", "100002-S00").add("amount", "5.00"));
        assertVerificationRequired(ownPosting, "BASIC");
        end(rep2, own, "ABANDONED");
    }

    @Test
    void a_pin_is_set_only_in_a_strong_call_and_then_verifies_alone() {
        String member = "100006";
        String basic = calls.verifiedCall(rep1, member, "BASIC");
        Api.Reply tooWeak = rep1.put("api/calls/" + basic + "/pin", "{\"pin\":\"4821\"}");
        assertVerificationRequired(tooWeak, "STRONG");
        calls.passcode(rep1, basic);
        assertEquals(400, rep1.put("api/calls/" + basic + "/pin", "{\"pin\":\"48a1\"}").status());
        assertEquals(204, rep1.put("api/calls/" + basic + "/pin", "{\"pin\":\"4821\"}").status());
        calls.endCall(rep1);

        String call = start(rep1, "+13125550000");
        identify(rep1, call, member);
        Api.Reply wrongPin = rep1.post("api/calls/" + call + "/pin", "{\"pin\":\"1111\"}");
        assertFalse(wrongPin.json().getBoolean("passed"), wrongPin.toString());
        Api.Reply rightPin = rep1.post("api/calls/" + call + "/pin", "{\"pin\":\"4821\"}");
        assertTrue(rightPin.json().getBoolean("passed"), rightPin.toString());
        assertEquals("BASIC", rightPin.json().getString("level"));
        String log = rep1.get("api/calls/" + call).json().toString();
        assertFalse(log.contains("4821") || log.contains("1111"), log);
        end(rep1, call, "RESOLVED");
    }

    @Test
    void contact_data_changes_only_in_a_strong_call_tell_the_old_contact_and_raise_a_red_flag() {
        String member = "100008";
        JsonObject before = super1.get("api/members/" + member).json();
        String oldPhone = before.getJsonArray("phones").getJsonObject(0).getString("number");
        String call = calls.verifiedCall(rep1, member, "BASIC");
        String change = "{\"email\":\"new.address@example.org\",\"phone\":\"(312) 555-0177\"}";
        assertVerificationRequired(rep1.post("api/calls/" + call + "/contact", change), "STRONG");
        calls.passcode(rep1, call);
        assertEquals(400, rep1.post("api/calls/" + call + "/contact", "{}").status());
        Api.Reply changed = rep1.post("api/calls/" + call + "/contact", change);
        assertEquals(200, changed.status(), changed.toString());
        JsonObject after = super1.get("api/members/" + member).json();
        assertEquals("new.address@example.org", after.getString("email"));
        assertEquals("+13125550177", after.getJsonArray("phones").getJsonObject(0).getString("number"));
        boolean toldOldPhone = admin1.get("api/outbox?member=" + member).json().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().anyMatch(message -> "CONTACT_CHANGED".equals(message.getString("purpose"))
                        && oldPhone.equals(message.getString("destination")));
        assertTrue(toldOldPhone, "the old phone is told of the change");
        calls.endCall(rep1);

        String next = start(rep2, "+13125550177");
        JsonObject flagged = identify(rep2, next, member);
        assertTrue(flagged.getJsonArray("redFlags").toString().contains("CONTACT_CHANGED_RECENTLY"), flagged.toString());
        assertTrue(flagged.getBoolean("aniOnFile"), "the new phone is on file");
        end(rep2, next, "RESOLVED");
    }

    @Test
    void the_amount_of_a_recent_transaction_answers_a_knowledge_question() {
        String call = calls.verifiedCall(rep2, "100001", "BASIC");
        Api.Reply deposit = post(rep2, call, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", "100001-S00").add("amount", "12.34"));
        assertEquals(201, deposit.status(), deposit.toString());
        calls.endCall(rep2);

        String next = start(rep2, "+13125550101");
        identify(rep2, next, "100001");
        JsonObject verified = knowledge(rep2, next, Map.of("recentAmount", "$12.34", "ssnLast4", "1234"));
        assertTrue(verified.getBoolean("passed"), verified.toString());
        assertFalse(rep2.get("api/calls/" + next).body().contains("12.34"), "the answer is not in the log");
        end(rep2, next, "RESOLVED");
    }

    @Test
    void concurrent_starts_open_exactly_one_call_per_staff_member() throws Exception {
        Api super2 = Api.at(deployment).signIn("super2");
        calls.endCall(super2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Api.Reply>> starts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(pool.submit(() -> super2.post("api/calls", "{\"ani\":\"+13125550000\"}")));
            }
            int opened = 0;
            for (java.util.concurrent.Future<Api.Reply> start : starts) {
                Api.Reply reply = start.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (reply.status() == 201) {
                    opened++;
                } else {
                    assertEquals("CALL_ALREADY_OPEN", reply.code(), reply.toString());
                }
            }
            assertEquals(1, opened);
        } finally {
            pool.shutdownNow();
        }
        calls.endCall(super2);
    }

    /**
     * An answer that is not an answer (a date of birth that is no date, a "last four" of five digits,
     * a ZIP of letters, an amount in words, a passcode of letters) goes back to the rep as a 400 and
     * uses up none of the member's three tries: no attempt is logged and nothing locks.
     */
    @Test
    void answers_that_are_not_answers_are_refused_and_use_up_no_try() {
        String member = "100010";
        JsonObject file = super1.get("api/members/" + member).json();
        String call = start(rep1, "+13125550000");
        identify(rep1, call, member);
        String zip = file.getJsonArray("addresses").getJsonObject(0).getString("zip");
        List<Map<String, String>> notAnswers = List.of(
                Map.of("dateOfBirth", "not a date", "zip", zip),
                Map.of("dateOfBirth", "12/04/1978", "zip", zip),
                Map.of("dateOfBirth", "1978-02-30", "zip", zip),
                Map.of("ssnLast4", "12345", "zip", zip),
                Map.of("ssnLast4", "12a4", "zip", zip),
                Map.of("dateOfBirth", file.getString("dateOfBirth"), "zip", "six0six"),
                Map.of("dateOfBirth", file.getString("dateOfBirth"), "zip", "6065"),
                Map.of("dateOfBirth", file.getString("dateOfBirth"), "recentAmount", "a hundred dollars"),
                Map.of("dateOfBirth", file.getString("dateOfBirth"), "recentAmount", ""));
        for (Map<String, String> answers : notAnswers) {
            Api.Reply reply = rep1.post("api/calls/" + call + "/knowledge", answers(answers));
            assertEquals(400, reply.status(), answers + ": " + reply);
            assertEquals("FIELD_INVALID", reply.code(), reply.toString());
            assertTrue(reply.json().getString("field").startsWith("answers."), reply.toString());
        }
        assertEquals(200, rep1.post("api/calls/" + call + "/passcode", "").status());
        for (String code : List.of("abcdef", "12345", "12 456")) {
            Api.Reply reply = rep1.post("api/calls/" + call + "/passcode/check",
                    Json.createObjectBuilder().add("code", code).build().toString());
            assertEquals(400, reply.status(), code + ": " + reply);
            assertEquals("FIELD_INVALID", reply.code(), reply.toString());
        }
        List<String> attempts = rep1.get("api/calls/" + call).json().getJsonArray("events").getValuesAs(JsonObject.class)
                .stream().map(event -> event.getString("type")).filter(type -> type.startsWith("ATTEMPT")).toList();
        assertEquals(List.of(), attempts, "no attempt was made");

        // two real wrong answers and then the right ones: three tries, the third passes
        Map<String, String> wrong = Map.of("dateOfBirth", "1900-01-01", "zip", "00000");
        assertFalse(knowledge(rep1, call, wrong).getBoolean("locked"));
        assertFalse(knowledge(rep1, call, wrong).getBoolean("locked"));
        JsonObject right = knowledge(rep1, call, Map.of("dateOfBirth", " " + file.getString("dateOfBirth") + " ", "zip", zip));
        assertTrue(right.getBoolean("passed"), right.toString());
        assertEquals("BASIC", right.getString("level"));
        end(rep1, call, "RESOLVED");
    }

    /** A call note, like every text a request carries, is well-formed Unicode or refused whole. */
    @Test
    void a_note_that_is_not_well_formed_text_is_refused_and_the_log_unchanged() {
        String call = start(rep1, "+13125550101");
        identify(rep1, call, "100011");
        int events = rep1.get("api/calls/" + call).json().getJsonArray("events").size();
        for (String body : List.of("{\"text\":\"x\\ud800y\"}", "{\"text\":\"nul \\u0000\"}",
                "{\"text\":\"one\",\"text\":\"two\"}")) {
            Api.Reply reply = rep1.post("api/calls/" + call + "/notes", body);
            assertEquals(400, reply.status(), body + ": " + reply);
            assertTrue(List.of("MALFORMED_TEXT", "MALFORMED_JSON").contains(reply.code()), reply.toString());
        }
        assertEquals(events, rep1.get("api/calls/" + call).json().getJsonArray("events").size(), "nothing was logged");
        end(rep1, call, "RESOLVED");
    }

    @Test
    void a_verification_step_that_waited_out_the_lock_timeout_is_run_again_not_refused() throws Exception {
        String call = start(rep2, "(312) 555-0101");
        identify(rep2, call, "100001");
        // another transaction holds the member's row for 18 s (taken well within the first 2 s): the
        // answer's transaction waits 15 s for it, times out and rolls back; run again, it finds the row free
        long holdMillis = 18_000;
        CompletableFuture<Api.Reply> holder = CompletableFuture.supplyAsync(() -> Api.at(deployment)
                .post("test-only/sql?together&holdMillis=" + holdMillis,
                        "UPDATE member SET version = version WHERE member_number = '100001'"));
        TimeUnit.MILLISECONDS.sleep(2_000);
        long started = System.nanoTime();
        JsonObject answered = knowledge(rep2, call, Map.of("ssnLast4", "1234", "zip", "60657"));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(200, holder.get(60, TimeUnit.SECONDS).status());
        assertTrue(answered.getBoolean("passed"), answered.toString());
        assertEquals("BASIC", answered.getString("level"));
        assertTrue(waitedMillis >= 15_000, "the first run waited out the lock timeout: " + waitedMillis + " ms");
        // the timed-out run left nothing behind: one attempt in the call's log
        long attempts = rep2.get("api/calls/" + call).json().getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(event -> event.getString("type").equals("ATTEMPT")).count();
        assertEquals(1, attempts);
        end(rep2, call, "RESOLVED");
    }

    // ---------------------------------------------------------------- helpers

    private static String start(Api staff, String ani) {
        Api.Reply reply = staff.post("api/calls", Json.createObjectBuilder().add("ani", ani).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        assertEquals("OPEN", reply.json().getString("state"));
        return reply.json().getString("id");
    }

    private static JsonObject identify(Api staff, String call, String member) {
        Api.Reply reply = staff.post("api/calls/" + call + "/member",
                Json.createObjectBuilder().add("memberNumber", member).build().toString());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static String answers(Map<String, String> answers) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        answers.forEach(json::add);
        return Json.createObjectBuilder().add("answers", json).build().toString();
    }

    private static JsonObject knowledge(Api staff, String call, Map<String, String> answers) {
        Api.Reply reply = staff.post("api/calls/" + call + "/knowledge", answers(answers));
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject passcode(Api staff, String call, String code) {
        Api.Reply reply = staff.post("api/calls/" + call + "/passcode/check", "{\"code\":\"" + code + "\"}");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject end(Api staff, String call, String disposition) {
        Api.Reply reply = staff.post("api/calls/" + call + "/end", "{\"disposition\":\"" + disposition + "\"}");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("type", type);
    }

    private static JsonObjectBuilder withdrawal(String account, String amount) {
        // by phone, money leaves by an official check mailed to the address on file (cash needs a visit)
        return request("WITHDRAWAL").add("tender", "OFFICIAL_CHECK").add("fromAccount", account).add("amount", amount);
    }

    private static Api.Reply post(Api staff, String session, JsonObjectBuilder body) {
        return staff.post("api/transactions", body.add("sessionId", session).build().toString(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private int entries() {
        return audit1.get("api/ledger/invariants").json().getInt("entriesChecked");
    }

    private static void assertVerificationRequired(Api.Reply reply, String level) {
        assertEquals(403, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals("VERIFICATION_REQUIRED", reply.code(), reply.toString());
        assertEquals(level, reply.json().getString("levelRequired"), reply.toString());
    }
}
