package coop.tally.approval;

import coop.tally.support.ScenarioSteps;
import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static coop.tally.approval.Desk.events;
import static coop.tally.approval.Desk.id;
import static coop.tally.approval.Desk.numberOf;
import static coop.tally.approval.Desk.pending;
import static coop.tally.approval.Desk.reasons;
import static coop.tally.approval.Desk.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maker-checker over HTTP: a posting beyond the maker's authority waits as an approval request;
 * another supervisor approves (it is re-checked and posts once, naming both) or denies it (nothing
 * posts); the request's history is a list of appended events that no endpoint edits or deletes.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ScenarioSteps.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private static URL signedInAt;

    private static Desk desk;

    @BeforeEach
    void signIn() {
        // a rerun of the class gets a new server on another port: sign in again there
        if (desk == null || !deployment.equals(signedInAt)) {
            signedInAt = deployment;
            desk = new Desk(deployment);
        }
    }

    private static Api.Reply cashWithdrawal(Api staff, String member, String account, String amount) {
        return desk.post(staff, member, request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", account).add("amount", amount));
    }

    @Test
    @Order(1)
    void a_cash_withdrawal_above_the_limit_waits_for_another_supervisor_and_posts_once_with_both_names() {
        JsonObject member = desk.claimActive("approved cash withdrawal");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        desk.fund(share, "5000.00");
        BigDecimal before = desk.available(share);
        int entries = desk.entries();

        // super1 serves the member as a rep would: 3,000.00 cash is above the 2,500.00 cash limit
        String key = UUID.randomUUID().toString();
        JsonObject body = request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", share).add("amount", "3000.00").build();
        JsonObject approval = pending(desk.post(desk.super1, number, key, body));
        long id = id(approval);
        assertEquals(List.of("CASH_LIMIT"), reasons(approval));
        assertEquals("super1", approval.getString("requestedBy"));
        assertEquals("POSTING", approval.getString("kind"));
        assertEquals(desk.cashSession(desk.super1, number), approval.getString("sessionId"));
        assertEquals("3000.00", approval.getJsonObject("request").getString("amount"));
        assertTrue(approval.getJsonArray("balancesChecked").toString().contains(share), approval.toString());
        assertEquals(List.of("REQUESTED"), events(approval));
        assertEquals(entries, desk.entries(), "nothing posted yet");

        // asking again with the same key is the same request, not a second one
        Api.Reply replay = desk.post(desk.super1, number, key, body);
        assertEquals(202, replay.status(), replay.toString());
        assertEquals(id, id(replay.json().getJsonObject("approval")));

        // the maker cannot approve their own request, whatever roles they hold
        Api.Reply self = desk.approve(desk.super1, id, "I am a supervisor too");
        assertEquals(403, self.status(), self.toString());
        assertEquals("SELF_APPROVAL", self.code());
        assertEquals(403, desk.approve(desk.rep1, id, "a rep").status());
        assertEquals(entries, desk.entries());

        // the queue, oldest first, shows it to another supervisor
        Api.Reply queue = desk.super2.get("api/approvals?status=PENDING");
        assertEquals(200, queue.status(), queue.toString());
        List<JsonObject> items = queue.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(items.stream().anyMatch(item -> id(item) == id), queue.toString());
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).getString("requestedAt").compareTo(items.get(i).getString("requestedAt")) <= 0, "oldest first");
        }

        Api.Reply approved = desk.approve(desk.super2, id, "member known to the branch");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("APPROVED", approved.json().getString("status"));
        JsonObject outcome = approved.json().getJsonObject("outcome");
        assertEquals("EXECUTED", outcome.getString("result"), outcome.toString());
        long entryId = outcome.getJsonNumber("entryId").longValue();
        assertEquals(List.of("REQUESTED", "APPROVED", "EXECUTED"), events(approved.json()));

        // a double click answers with the same outcome and posts nothing more
        Api.Reply again = desk.approve(desk.super2, id, "clicked twice");
        assertEquals(200, again.status(), again.toString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(entryId, again.json().getJsonObject("outcome").getJsonNumber("entryId").longValue());
        assertEquals(List.of("REQUESTED", "APPROVED", "EXECUTED"), events(again.json()));
        assertEquals(entries + 1, desk.entries(), "posted exactly once");
        assertEquals(before.subtract(new BigDecimal("3000.00")), desk.available(share));

        // both names are on the journal entry itself
        JsonObject entry = desk.entry(entryId);
        assertEquals("super1", entry.getString("postedBy"));
        assertEquals("super2", entry.getString("approvedBy"));
        // the approver is sealed with the entry: the auditor's verification recomputes the entry with it
        Api.Reply verified = desk.audit1.post("api/audit/verify", "");
        assertEquals(200, verified.status(), verified.toString());
        assertTrue(verified.json().getBoolean("ok"), verified.toString());
        assertEquals(id, entry.getJsonNumber("approvalId").longValue());
        assertEquals(approval.getString("sessionId"), entry.getString("sessionId"));

        // the maker sees the outcome on the call and by polling the request; a rep who did not ask sees nothing
        assertEquals("APPROVED", desk.approval(desk.super1, id).getString("status"));
        assertEquals(404, desk.rep1.get("api/approvals/" + id).status());
        JsonObject call = desk.super1.get("api/calls/" + approval.getString("sessionId")).json();
        assertTrue(call.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .anyMatch(event -> event.getString("type").equals("POSTING")
                        && event.getString("detail", "").contains("approved by super2")), call.toString());
    }

    @Test
    @Order(2)
    void a_denied_request_posts_nothing_and_a_cancelled_one_cannot_be_approved() {
        JsonObject member = desk.claimActive("denied cash withdrawal");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        desk.fund(share, "5000.00");
        String balance = desk.balance(share);
        int entries = desk.entries();

        long denied = id(pending(cashWithdrawal(desk.rep1, number, share, "3000.00")));
        assertEquals(400, desk.super1.post("api/approvals/" + denied + "/deny", "{}").status(), "a reason is required");
        assertEquals(400, desk.super1.post("api/approvals/" + denied + "/deny", "{\"reason\":\"x\",\"status\":\"APPROVED\"}").status());
        Api.Reply deny = desk.deny(desk.super1, denied, "member could not confirm the amount");
        assertEquals(200, deny.status(), deny.toString());
        assertEquals("DENIED", deny.json().getString("status"));
        Api.Reply late = desk.approve(desk.super2, denied, "too late");
        assertEquals(409, late.status(), late.toString());
        assertEquals("APPROVAL_ALREADY_DECIDED", late.code());
        assertEquals(List.of("REQUESTED", "DENIED"), events(desk.approval(desk.rep1, denied)));
        JsonObject deniedEvent = desk.approval(desk.rep1, denied).getJsonArray("events").getJsonObject(1);
        assertEquals("super1", deniedEvent.getString("actor"));
        assertEquals("member could not confirm the amount", deniedEvent.getString("reason"));

        long cancelled = id(pending(cashWithdrawal(desk.rep1, number, share, "2600.00")));
        Api.Reply notTheirs = desk.super1.post("api/approvals/" + cancelled + "/cancel", "{}");
        assertEquals(403, notTheirs.status(), notTheirs.toString());
        Api.Reply cancel = desk.rep1.post("api/approvals/" + cancelled + "/cancel", "{\"reason\":\"member changed their mind\"}");
        assertEquals(200, cancel.status(), cancel.toString());
        assertEquals("CANCELLED", cancel.json().getString("status"));
        assertEquals(409, desk.approve(desk.super2, cancelled, "no").status());

        assertEquals(entries, desk.entries(), "nothing posted");
        assertEquals(balance, desk.balance(share));

        // a rep lists their own requests only; an auditor reads them all
        assertTrue(desk.rep2.get("api/approvals").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .noneMatch(item -> item.getString("requestedBy").equals("rep1")));
        assertTrue(desk.rep1.get("api/approvals").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(item -> id(item) == denied));
        assertTrue(desk.audit1.get("api/approvals?status=DENIED").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(item -> id(item) == denied));
        assertEquals(403, desk.audit1.post("api/approvals/" + denied + "/approve", "{\"reason\":\"x\"}").status());
        assertEquals(403, desk.admin1.get("api/approvals").status());

        // history is appended only: no endpoint edits or deletes a request
        for (Api.Reply reply : List.of(desk.super1.put("api/approvals/" + denied, "{\"status\":\"APPROVED\"}"),
                desk.super1.delete("api/approvals/" + denied),
                desk.super1.send("PATCH", "api/approvals/" + denied, "application/json", "{\"status\":\"APPROVED\"}"),
                desk.super1.delete("api/approvals/" + denied + "/events"))) {
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
        }
        assertEquals(List.of("REQUESTED", "DENIED"), events(desk.approval(desk.super2, denied)));
    }

    @Test
    @Order(3)
    void approving_after_the_balance_fell_records_the_refusal_and_posts_nothing() {
        JsonObject member = desk.claimActive("balance fell before approval");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        desk.fund(share, "3000.00");
        BigDecimal available = desk.available(share);
        // ask for all but 10.00 of the share's money in cash
        String amount = available.subtract(new BigDecimal("10.00")).toPlainString();
        long id = id(pending(cashWithdrawal(desk.rep1, number, share, amount)));

        // meanwhile the member moves 500.00 away: the withdrawal no longer fits
        desk.posted(desk.rep1, number, request("TRANSFER").add("fromAccount", share).add("toAccount", draft).add("amount", "500.00"));
        String balance = desk.balance(share);
        int entries = desk.entries();

        Api.Reply approved = desk.approve(desk.super1, id, "ok");
        assertEquals(200, approved.status(), approved.toString());
        JsonObject outcome = approved.json().getJsonObject("outcome");
        assertEquals("REFUSED", outcome.getString("result"));
        assertEquals("INSUFFICIENT_FUNDS", outcome.getString("code"));
        assertEquals(List.of("REQUESTED", "APPROVED", "REFUSED"), events(approved.json()));
        assertEquals(entries, desk.entries(), "nothing posted");
        assertEquals(balance, desk.balance(share));
        // the refusal is on the call for the rep to see
        String call = approved.json().getString("sessionId");
        JsonObject log = desk.rep1.get("api/calls/" + call).json();
        assertTrue(log.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .anyMatch(event -> event.getString("type").equals("APPROVAL_OUTCOME")
                        && event.getString("detail", "").contains("INSUFFICIENT_FUNDS")), log.toString());
        // and approving again does not try again
        assertEquals(List.of("REQUESTED", "APPROVED", "REFUSED"), events(desk.approve(desk.super1, id, "again").json()));
        assertEquals(entries, desk.entries());
    }

    @Test
    @Order(4)
    void two_supervisors_approving_at_once_post_once() throws Exception {
        JsonObject member = desk.claimActive("racing approvals");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        desk.fund(share, "9000.00");
        BigDecimal before = desk.available(share);
        long racedByTwo = id(pending(cashWithdrawal(desk.rep1, number, share, "3000.00")));
        long doubleClicked = id(pending(cashWithdrawal(desk.rep1, number, share, "2700.00")));
        int entries = desk.entries();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Api.Reply>> clicks = List.of(
                    () -> desk.approve(desk.super1, racedByTwo, "race"),
                    () -> desk.approve(desk.super2, racedByTwo, "race"),
                    () -> desk.approve(desk.super1, doubleClicked, "click"),
                    () -> desk.approve(desk.super1, doubleClicked, "click"));
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : pool.invokeAll(clicks)) {
                replies.add(reply.get());
            }
            List<Integer> raced = List.of(replies.get(0).status(), replies.get(1).status());
            assertTrue(raced.contains(200) && raced.contains(409), replies.subList(0, 2).toString());
            assertEquals(200, replies.get(2).status(), replies.get(2).toString());
            assertEquals(200, replies.get(3).status(), replies.get(3).toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(entries + 2, desk.entries(), "each request posted exactly once");
        assertEquals(before.subtract(new BigDecimal("5700.00")), desk.available(share));
        assertEquals(List.of("REQUESTED", "APPROVED", "EXECUTED"), events(desk.approval(desk.super1, racedByTwo)));
        assertEquals(List.of("REQUESTED", "APPROVED", "EXECUTED"), events(desk.approval(desk.super1, doubleClicked)));
    }

    @Test
    @Order(5)
    void every_policy_raises_its_override_and_frozen_is_refused_outright() {
        // a share draft small enough that overdrawing it is not also above the single-posting limit
        JsonObject member = desk.claim("policies", file -> "ACTIVE".equals(file.getString("status"))
                && Desk.accountOf(file, "SHARE", "ACTIVE").isPresent()
                && Desk.accountOf(file, "SHARE_DRAFT", "ACTIVE")
                        .filter(draft -> new BigDecimal(draft.getString("availableBalance")).compareTo(new BigDecimal("9000.00")) < 0)
                        .isPresent());
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        desk.fund(share, "6000.00");
        desk.fund(draft, "100.00");
        JsonObject other = desk.claimActive("transfer recipient");
        String otherShare = numberOf(other, "SHARE", "ACTIVE");
        int entries = desk.entries();

        assertEquals(List.of("SINGLE_POSTING_LIMIT"), reasons(pending(desk.post(desk.rep1, number, request("DEPOSIT")
                .add("tender", "CHECK").add("toAccount", share).add("amount", "10000.01")))));
        assertEquals(List.of("TRANSFER_TO_OTHER_MEMBER"), reasons(pending(desk.post(desk.rep1, number, request("TRANSFER")
                .add("fromAccount", share).add("toAccount", otherShare).add("amount", "1000.01")))));
        assertEquals(List.of("OVERDRAFT"), reasons(pending(desk.post(desk.rep1, number, request("TRANSFER")
                .add("fromAccount", draft).add("toAccount", share).add("amount", desk.available(draft).add(new BigDecimal("0.01")).toPlainString())))));
        assertEquals(List.of("FEE_WAIVER"), reasons(pending(desk.post(desk.rep1, number, request("OFFICIAL_CHECK")
                .add("tender", "ACCOUNT").add("fromAccount", share).add("instrument", "MONEY_ORDER").add("amount", "20.00")
                .add("feeWaived", true)))));
        String yesterday = LocalDate.parse(desk.businessDate()).minusDays(1).toString();
        assertEquals(List.of("BUSINESS_DATE"), reasons(pending(desk.post(desk.rep1, number, request("DEPOSIT")
                .add("tender", "INTERNAL").add("toAccount", share).add("amount", "10.00").add("businessDate", yesterday)))));
        assertEquals(List.of("CASH_LIMIT"), reasons(pending(cashWithdrawal(desk.rep1, number, share, "2500.01"))));
        // the boundary itself posts
        assertEquals(201, cashWithdrawal(desk.rep1, number, share, "2500.00").status());
        entries++;
        assertEquals(entries, desk.entries(), "only the boundary posted");

        // a dormant account
        JsonObject sleeper = desk.claim("a dormant share", file -> "ACTIVE".equals(file.getString("status"))
                && Desk.accountOf(file, "SHARE", "DORMANT").isPresent());
        String dormant = numberOf(sleeper, "SHARE", "DORMANT");
        JsonObject dormantRequest = pending(desk.post(desk.rep1, sleeper.getString("memberNumber"), request("DEPOSIT")
                .add("tender", "INTERNAL").add("toAccount", dormant).add("amount", "10.00")));
        assertEquals(List.of("DORMANT_ACCOUNT"), reasons(dormantRequest));
        Api.Reply woken = desk.approve(desk.super2, id(dormantRequest), "member confirmed in branch");
        assertEquals("EXECUTED", woken.json().getJsonObject("outcome").getString("result"), woken.toString());
        entries++;

        // a back-dated posting, approved, carries the date asked for
        JsonObject backDated = pending(desk.post(desk.rep1, number, request("DEPOSIT").add("tender", "INTERNAL")
                .add("toAccount", share).add("amount", "11.00").add("businessDate", yesterday)));
        Api.Reply dated = desk.approve(desk.super1, id(backDated), "missed yesterday's batch");
        long datedEntry = dated.json().getJsonObject("outcome").getJsonNumber("entryId").longValue();
        assertEquals(yesterday, desk.entry(datedEntry).getString("businessDate"));
        entries++;

        // a rep's reversal waits for a supervisor, then posts as the rep with the approver named
        JsonObject transfer = desk.posted(desk.rep1, number, request("TRANSFER").add("fromAccount", share)
                .add("toAccount", draft).add("amount", "15.00"));
        entries++;
        long transferId = transfer.getJsonObject("entry").getJsonNumber("id").longValue();
        Api.Reply reversal = desk.rep1.post("api/transactions/" + transferId + "/reversal", "{\"reasonCode\":\"POSTING_ERROR\"}");
        JsonObject reversalRequest = pending(reversal);
        assertEquals(List.of("REVERSAL"), reasons(reversalRequest));
        assertEquals(entries, desk.entries());
        Api.Reply reversed = desk.approve(desk.super2, id(reversalRequest), "keyed twice");
        JsonObject reversalEntry = desk.entry(reversed.json().getJsonObject("outcome").getJsonNumber("entryId").longValue());
        assertEquals("REVERSAL", reversalEntry.getString("type"));
        assertEquals("rep1", reversalEntry.getString("postedBy"));
        assertEquals("super2", reversalEntry.getString("approvedBy"));
        assertEquals(transferId, reversalEntry.getJsonNumber("reverses").longValue());
        entries++;
        assertEquals(entries, desk.entries());

        // frozen: refused outright, no request
        JsonObject cold = desk.claim("a frozen deposit account", file -> Desk.accountOf(file, "SHARE", "FROZEN").isPresent()
                || Desk.accountOf(file, "SHARE_DRAFT", "FROZEN").isPresent());
        String frozenAccount = Desk.accountOf(cold, "SHARE", "FROZEN").or(() -> Desk.accountOf(cold, "SHARE_DRAFT", "FROZEN"))
                .orElseThrow().getString("accountNumber");
        Api.Reply frozen = desk.post(desk.rep1, number, request("TRANSFER").add("fromAccount", share)
                .add("toAccount", frozenAccount).add("amount", "5000.00"));
        assertEquals(422, frozen.status(), frozen.toString());
        assertEquals("ACCOUNT_FROZEN", frozen.code());
        assertEquals(entries, desk.entries());
    }

    @Test
    @Order(6)
    void limits_change_when_admin_changes_them_and_every_change_is_logged() {
        JsonObject member = desk.claimActive("limits");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        desk.fund(share, "9000.00");

        Api.Reply byRep = desk.rep1.post("api/limits", "{\"scope\":\"STAFF\",\"subject\":\"rep1\",\"limit\":\"CASH_WITHDRAWAL\",\"amount\":\"9000.00\"}");
        assertEquals(403, byRep.status(), byRep.toString());
        assertEquals(403, desk.super1.get("api/limits").status());
        Api.Reply unknownLimit = desk.admin1.post("api/limits", "{\"scope\":\"ROLE\",\"subject\":\"REP\",\"limit\":\"COFFEE\",\"amount\":\"1.00\"}");
        assertEquals(400, unknownLimit.status(), unknownLimit.toString());
        Api.Reply auditorRole = desk.admin1.post("api/limits", "{\"scope\":\"ROLE\",\"subject\":\"AUDITOR\",\"limit\":\"CASH_WITHDRAWAL\",\"amount\":\"1.00\"}");
        assertEquals(400, auditorRole.status(), auditorRole.toString());

        // rep1 alone may pay out up to 3,500.00 in cash
        Api.Reply set = desk.admin1.post("api/limits", "{\"scope\":\"STAFF\",\"subject\":\"rep1\",\"limit\":\"CASH_WITHDRAWAL\",\"amount\":\"3500.00\"}");
        assertEquals(201, set.status(), set.toString());
        assertEquals("3500.00", desk.admin1.get("api/limits/staff/rep1").json().getJsonObject("limits").getString("CASH_WITHDRAWAL"));
        assertEquals(201, cashWithdrawal(desk.rep1, number, share, "3000.00").status());
        assertEquals(List.of("CASH_LIMIT"), reasons(pending(cashWithdrawal(desk.rep2, number, share, "3000.00"))));

        // every rep down to 1,000.00 (rep1's own setting still wins for rep1)
        assertEquals(201, desk.admin1.post("api/limits", "{\"scope\":\"ROLE\",\"subject\":\"REP\",\"limit\":\"CASH_WITHDRAWAL\",\"amount\":\"1000.00\"}").status());
        assertEquals(List.of("CASH_LIMIT"), reasons(pending(cashWithdrawal(desk.rep2, number, share, "1000.01"))));
        assertEquals(201, cashWithdrawal(desk.rep1, number, share, "1000.01").status());

        // and back: the old settings stay as history, the newest is in force
        assertEquals(201, desk.admin1.post("api/limits", "{\"scope\":\"ROLE\",\"subject\":\"REP\",\"limit\":\"CASH_WITHDRAWAL\",\"amount\":\"2500.00\"}").status());
        assertEquals(201, desk.admin1.post("api/limits", "{\"scope\":\"STAFF\",\"subject\":\"rep1\",\"limit\":\"CASH_WITHDRAWAL\",\"amount\":\"2500.00\"}").status());
        JsonObject limits = desk.admin1.get("api/limits").json();
        assertTrue(limits.getJsonArray("history").size() >= 4, limits.toString());
        assertEquals("2500.00", desk.admin1.get("api/limits/staff/rep2").json().getJsonObject("limits").getString("CASH_WITHDRAWAL"));

        Api.Reply log = desk.audit1.get("api/security-log?type=POSTING_LIMIT_SET&size=50");
        assertEquals(200, log.status(), log.toString());
        assertTrue(log.array().size() >= 4, log.toString());
        assertTrue(log.array().toString().contains("admin1"), log.toString());
        assertFalse(log.array().toString().contains("COFFEE"));
    }

    @Test
    @Order(7)
    void a_rep_sees_only_the_served_members_side_of_a_transfer_to_another_member_in_every_answer() {
        JsonObject sender = desk.claimActive("privacy: the member served");
        JsonObject receiver = desk.claimActive("privacy: the other member");
        String from = sender.getString("memberNumber");
        String to = receiver.getString("memberNumber");
        String senderShare = numberOf(sender, "SHARE", "ACTIVE");
        String receiverShare = numberOf(receiver, "SHARE", "ACTIVE");
        desk.fund(senderShare, "3000.00");

        // the receipt: the member's own line, the other member's masked; the member's balances only
        String key = UUID.randomUUID().toString();
        JsonObject body = request("TRANSFER").add("fromAccount", senderShare).add("toAccount", receiverShare).add("amount", "200.00").build();
        Api.Reply receipt = desk.post(desk.rep1, from, key, body);
        assertEquals(201, receipt.status(), receipt.toString());
        JsonObject entry = receipt.json().getJsonObject("entry");
        long entryId = entry.getJsonNumber("id").longValue();
        assertEquals(List.of(senderShare + " DEBIT 200.00", "OTHER_MEMBER CREDIT 200.00"), lines(entry));
        assertTrue(entry.getBoolean("masked"), entry.toString());
        assertSeesOnly(from, receipt.body());
        assertEquals(receipt.body(), desk.post(desk.rep1, from, key, body).body(), "the idempotent replay is the same answer");

        // the entry by id and the account's history, read by the rep; a supervisor sees the whole entry
        assertSeesOnly(from, desk.rep1.get("api/transactions/" + entryId).body());
        Api.Reply history = desk.rep1.get("api/accounts/" + senderShare + "/history");
        assertEquals(200, history.status(), history.toString());
        assertSeesOnly(from, history.body());
        assertEquals(List.of(senderShare + " DEBIT 200.00", receiverShare + " CREDIT 200.00"),
                lines(desk.super1.get("api/transactions/" + entryId).json()));

        // the other member's rep sees the same entry from the other side
        desk.cashSession(desk.rep2, to);
        Api.Reply received = desk.rep2.get("api/accounts/" + receiverShare + "/history");
        assertSeesOnly(to, received.body());
        JsonObject seenByReceiver = received.json().getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("id").longValue() == entryId).findFirst().orElseThrow();
        assertEquals(List.of("OTHER_MEMBER DEBIT 200.00", receiverShare + " CREDIT 200.00"), lines(seenByReceiver));

        // above the rep's authority: the 202 and the request show the served member's balances only
        Api.Reply asked = desk.post(desk.rep1, from, request("TRANSFER").add("fromAccount", senderShare)
                .add("toAccount", receiverShare).add("amount", "1500.00"));
        long approvalId = id(pending(asked));
        assertSeesOnly(from, asked.body());
        assertTrue(desk.approval(desk.super1, approvalId).getJsonArray("balancesChecked").toString().contains(receiverShare),
                "the supervisor deciding sees every balance checked");
        assertEquals(200, desk.approve(desk.super1, approvalId, "member confirmed the payee").status());
        JsonObject decided = desk.approval(desk.rep1, approvalId);
        assertEquals("EXECUTED", decided.getJsonObject("outcome").getString("result"), decided.toString());
        assertSeesOnly(from, decided.toString());
        assertFalse(desk.rep1.get("api/approvals").body().contains("\"account\":\"" + receiverShare + "\""));

        // a reversal the rep asks for and a supervisor approves: the rep's answers show the served member's side
        Api.Reply reversal = desk.rep1.post("api/transactions/" + entryId + "/reversal", "{\"reasonCode\":\"MEMBER_REQUEST\"}");
        long reversalApproval = id(pending(reversal));
        assertEquals(200, desk.approve(desk.super2, reversalApproval, "member asked").status());
        JsonObject reversed = desk.approval(desk.rep1, reversalApproval);
        assertEquals("EXECUTED", reversed.getJsonObject("outcome").getString("result"), reversed.toString());
        assertEquals(List.of(senderShare + " CREDIT 200.00", "OTHER_MEMBER DEBIT 200.00"),
                lines(reversed.getJsonObject("outcome").getJsonObject("detail").getJsonObject("entry")));
        assertSeesOnly(from, reversed.toString());

        // and the session's trail
        assertSeesOnly(from, desk.rep1.get("api/calls/" + desk.cashSession(desk.rep1, from)).body());
    }

    @Test
    @Order(8)
    void the_requests_of_one_call_are_listed_to_their_maker_with_the_members_name_and_account_types() {
        JsonObject member = desk.claimActive("the requests of one call");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        desk.fund(share, "6000.00");
        long waiting = id(pending(cashWithdrawal(desk.rep1, number, share, "3000.00")));
        long denied = id(pending(cashWithdrawal(desk.rep1, number, share, "2600.00")));
        String call = desk.cashSession(desk.rep1, number);
        assertEquals(200, desk.deny(desk.super1, denied, "ask the member to come back").status());
        // a request of another call of the same rep is not one of this call's
        JsonObject other = desk.claimActive("another call");
        String otherShare = numberOf(other, "SHARE", "ACTIVE");
        desk.fund(otherShare, "6000.00");
        long otherCall = id(pending(cashWithdrawal(desk.rep1, other.getString("memberNumber"), otherShare, "3000.00")));

        // the maker reads every request of the call, pending and decided, oldest first: what the desk shows after a reload
        Api.Reply mine = desk.rep1.get("api/approvals?sessionId=" + call);
        assertEquals(200, mine.status(), mine.toString());
        List<JsonObject> items = mine.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of(waiting, denied), items.stream().map(Desk::id).toList(), mine.toString());
        assertEquals(List.of("PENDING", "DENIED"), items.stream().map(item -> item.getString("status")).toList());
        assertEquals(List.of(waiting), desk.rep1.get("api/approvals?status=PENDING&sessionId=" + call).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(Desk::id).toList());
        assertTrue(items.stream().noneMatch(item -> id(item) == otherCall));
        // least privilege: another rep sees none of them, even naming the call
        assertEquals(0, desk.rep2.get("api/approvals?sessionId=" + call).json().getJsonArray("items").size());
        assertEquals(400, desk.rep1.get("api/approvals?sessionId=").status());

        // the supervisor deciding reads whose money it is and what kind of account, not only numbers
        JsonObject seen = desk.approval(desk.super2, waiting);
        assertEquals(member.getString("name"), seen.getString("memberName"), seen.toString());
        assertEquals("SHARE", seen.getJsonObject("accountTypes").getString(share), seen.toString());
        assertEquals(member.getString("name"), items.get(0).getString("memberName"));
        cancelQuietly(waiting);
        cancelQuietly(otherCall);
    }

    /** Leaves no request of this test pending for the tests after it. */
    private static void cancelQuietly(long id) {
        desk.rep1.post("api/approvals/" + id + "/cancel", "{}");
    }

    /** Every member account an answer names (as an entry line or a balance) is one of {@code member}'s. */
    private static void assertSeesOnly(String member, String answer) {
        java.util.regex.Matcher accounts = java.util.regex.Pattern.compile("\"account\":\"(\\d{6})-").matcher(answer);
        while (accounts.find()) {
            assertEquals(member, accounts.group(1), "another member's account in " + answer);
        }
    }

    private static List<String> lines(JsonObject entry) {
        return entry.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(line -> line.getString("account") + " " + line.getString("side") + " " + line.getString("amount")).toList();
    }
}
