package coop.tally.drawer;

import coop.tally.posting.Calls;
import coop.tally.posting.Drawers;
import coop.tally.support.ScenarioSteps;
import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole drawer days over HTTP, every drawer and GL figure to the cent: a day in balance with every
 * kind of cash movement; then, on the next business day, a close 3.00 short (closes by itself),
 * one 40.00 over (waits for a supervisor) and the refusals around them. The tests share one
 * server and run in order: the second day starts where the first left the vault.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ScenarioSteps.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrawerIT {

    private static final String MEMBER = "100001";
    private static final String DRAFT = "100001-S10";
    private static final String LOAN = "100001-L01";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private static URL signedInAt;

    private static Api rep1;
    private static Api rep2;
    private static Api super1;
    private static Api super2;
    private static Api audit1;
    private static Api admin1;
    private static Calls calls;
    /** The drawer left open at the end of day one (flagged when the day ends). */
    private static long leftOpen;

    private void signIn() {
        // a rerun of the class gets a new server on another port: sign in again there
        if (rep1 == null || !deployment.equals(signedInAt)) {
            signedInAt = deployment;
            Api anonymous = Api.at(deployment);
            rep1 = anonymous.signIn("rep1");
            rep2 = anonymous.signIn("rep2");
            super1 = anonymous.signIn("super1");
            super2 = anonymous.signIn("super2");
            audit1 = anonymous.signIn("audit1");
            admin1 = anonymous.signIn("admin1");
            calls = new Calls(super1, admin1);
        }
    }

    @Test
    @Order(1)
    void a_whole_day_in_balance_with_every_kind_of_cash_movement() {
        signIn();
        JsonObject glBefore = overview(null);
        BigDecimal vault = money(glBefore.getString("vaultCash"));
        BigDecimal overShortGl = money(glBefore.getString("cashOverShort"));
        BigDecimal draft = balance(DRAFT);

        // no drawer: cash is refused, nothing posts
        String visit = calls.verifiedVisit(rep1, MEMBER);
        Api.Reply noDrawer = cash(rep1, visit, "DEPOSIT", "toAccount", DRAFT, "10.00");
        assertProblem(422, "DRAWER_NOT_OPEN", noDrawer);

        // open with a count that matches the vault's issue: 20 × 100
        JsonObject opened = open(rep1, "2000.00", "{\"100\": 20}");
        long drawer = id(opened);
        String gl = opened.getString("glAccount");
        assertEquals("1010-D" + drawer, gl);
        assertEquals("OPEN", opened.getString("state"));
        assertEquals("0.00", opened.getString("openingDifference"));
        assertEquals("2000.00", opened.getString("openingTotal"));
        assertEquals("25000.00", opened.getString("cashLimit"), "the default cash limit");
        assertProblem(409, "DRAWER_ALREADY_OPENED", rep1.post("api/drawers", openBody("2000.00", "{\"100\": 20}")));

        // the day's cash: deposit, withdrawal, loan payment, money order bought with cash
        // the notes taken in may be recorded with the posting; they must add up to the cash
        JsonObject depositBody = Json.createObjectBuilder().add("sessionId", visit).add("type", "DEPOSIT")
                .add("tender", "CASH").add("toAccount", DRAFT).add("amount", "500.00").build();
        assertProblem(422, "DENOMINATIONS_MISMATCH", post(rep1, Json.createObjectBuilder(depositBody)
                .add("denominations", Json.createObjectBuilder().add("100", 4))));
        assertProblem(400, "FIELD_NOT_ALLOWED", post(rep1, Json.createObjectBuilder().add("sessionId", visit).add("type", "TRANSFER")
                .add("fromAccount", DRAFT).add("toAccount", "100001-S00").add("amount", "1.00")
                .add("denominations", Json.createObjectBuilder().add("1", 1))));
        assertProblem(400, "DENOMINATION_UNKNOWN", post(rep1, Json.createObjectBuilder(depositBody)
                .add("denominations", Json.createObjectBuilder().add("500", 1))));
        JsonObject deposit = posted(post(rep1, Json.createObjectBuilder(depositBody).add("denominations", Json.createObjectBuilder().add("100", 4).add("50", 2))));
        assertEquals(List.of(gl + " DEBIT 500.00", DRAFT + " CREDIT 500.00"), lines(deposit));
        JsonObject withdrawal = posted(cash(rep1, visit, "WITHDRAWAL", "fromAccount", DRAFT, "120.00"));
        assertEquals(List.of(DRAFT + " DEBIT 120.00", gl + " CREDIT 120.00"), lines(withdrawal));
        JsonObject loanPayment = posted(cash(rep1, visit, "LOAN_PAYMENT", "loanAccount", LOAN, "50.00"));
        assertEquals(gl + " DEBIT 50.00", lines(loanPayment).get(0));
        JsonObject moneyOrder = posted(post(rep1, Json.createObjectBuilder().add("sessionId", visit).add("type", "OFFICIAL_CHECK")
                .add("tender", "CASH").add("instrument", "MONEY_ORDER").add("amount", "25.00")));
        assertEquals(List.of(gl + " DEBIT 30.00", "2100 CREDIT 25.00", "4100 CREDIT 5.00"), lines(moneyOrder));
        assertEquals(draft.add(new BigDecimal("380.00")), balance(DRAFT), "the member's draft moved by 500.00 − 120.00");

        // the vault: buy 1,000.00 in hundreds, sell 300.00 in twenties
        JsonObject bought = vault(rep1, drawer, "buy", "{\"100\": 10}");
        JsonObject sold = vault(rep1, drawer, "sell", "{\"20\": 15}");

        // before the close count nothing shows what the drawer should hold (2,000 + 460 + 1,000 − 300)
        String expected = "3160.00";
        List<String> beforeCount = new ArrayList<>(List.of(opened.toString(), deposit.toString(), withdrawal.toString(),
                loanPayment.toString(), moneyOrder.toString(), bought.toString(), sold.toString(),
                rep1.get("api/drawers/current").body(), rep1.get("api/drawers/" + drawer).body(),
                super1.get("api/drawers/" + drawer).body(), super1.get("api/drawers").body(),
                audit1.get("api/drawers/" + drawer).body()));
        for (String response : beforeCount) {
            assertFalse(response.contains(expected), "the expected total is hidden before the count: " + response);
            assertFalse(response.contains("\"expected"), "no expected figure before the count: " + response);
            assertFalse(response.contains("\"glBalance\""), "no GL balance before the count: " + response);
            assertFalse(response.contains("\"movements\""), "no movements to add up before the count: " + response);
        }

        // blind close in balance: 31 × 100 + 3 × 20 = 3,160.00
        JsonObject closed = close(rep1, drawer, "{\"100\": 31, \"20\": 3}");
        assertEquals("CLOSED", closed.getString("state"));
        assertEquals(expected, closed.getString("expected"));
        assertEquals(expected, closed.getString("closingTotal"));
        assertEquals("0.00", closed.getString("overShort"));
        assertEquals("0.00", closed.getString("glBalance"), "the counted cash went back to the vault");
        List<String> movements = closed.getJsonArray("movements").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("kind") + " " + m.getString("direction") + " " + m.getString("amount") + " " + m.getString("expectedAfter"))
                .toList();
        assertEquals(List.of("OPENING_ISSUE IN 2000.00 2000.00", "CASH_POSTING IN 500.00 2500.00", "CASH_POSTING OUT 120.00 2380.00",
                "CASH_POSTING IN 50.00 2430.00", "CASH_POSTING IN 30.00 2460.00", "VAULT_BUY IN 1000.00 3460.00",
                "VAULT_SELL OUT 300.00 3160.00", "CLOSING_RETURN OUT 3160.00 0.00"), movements);
        assertEquals(entryId(deposit), closed.getJsonArray("movements").getJsonObject(1).getJsonNumber("entryId").longValue(),
                "each cash movement names its journal entry");
        assertEquals("{\"100\":10}", closed.getJsonArray("movements").getJsonObject(5).getJsonObject("denominations").toString());
        assertEquals("{\"100\":4,\"50\":2}", closed.getJsonArray("movements").getJsonObject(1).getJsonObject("denominations").toString());

        // the vault gave 2,000 + 1,000, took back 300 + 3,160: up by the 460.00 of member cash
        JsonObject glAfter = overview(null);
        assertEquals(cents(vault.add(new BigDecimal("460.00"))), glAfter.getString("vaultCash"));
        assertEquals(cents(overShortGl), glAfter.getString("cashOverShort"));

        // a closed drawer takes nothing
        assertProblem(409, "DRAWER_CLOSED", cash(rep1, visit, "DEPOSIT", "toAccount", DRAFT, "10.00"));
        assertProblem(409, "DRAWER_CLOSED", rep1.post("api/drawers/" + drawer + "/vault/buy", "{\"count\":{\"100\":1}}"));
        assertProblem(409, "DRAWER_CLOSED", rep1.post("api/drawers/" + drawer + "/close", "{\"count\":{\"100\":1}}"));
        assertProblem(409, "DRAWER_ALREADY_OPENED", rep1.post("api/drawers", openBody("100.00", "{\"100\": 1}")));
        // and an entry whose cash went through it can no longer be reversed
        Api.Reply reversal = super1.post("api/transactions/" + entryId(deposit) + "/reversal", "{\"reasonCode\":\"POSTING_ERROR\"}");
        assertProblem(409, "DRAWER_CLOSED", reversal);
        assertInvariantsHold();
    }

    @Test
    @Order(2)
    void another_reps_drawer_the_cash_limit_and_a_short_drawer_are_refused() {
        signIn();
        // rep2 runs a small drawer: a withdrawal larger than it holds is refused, and says nothing of what it holds
        long small = id(open(rep2, "100.00", "{\"50\": 2}"));
        String visit = calls.verifiedVisit(rep2, MEMBER);
        BigDecimal draft = balance(DRAFT);
        Api.Reply tooMuch = cash(rep2, visit, "WITHDRAWAL", "fromAccount", DRAFT, "150.00");
        assertProblem(422, "DRAWER_CASH_SHORT", tooMuch);
        assertFalse(tooMuch.body().contains("100.00"), tooMuch.body());
        assertProblem(422, "DRAWER_CASH_SHORT", rep2.post("api/drawers/" + small + "/vault/sell", "{\"count\":{\"100\":2}}"));
        assertEquals(draft, balance(DRAFT), "nothing moved");
        posted(cash(rep2, visit, "WITHDRAWAL", "fromAccount", DRAFT, "100.00"));

        // a drawer belongs to its rep: no one else moves, counts or closes it
        assertProblem(403, "DRAWER_NOT_YOURS", rep1.post("api/drawers/" + small + "/vault/buy", "{\"count\":{\"100\":1}}"));
        assertProblem(403, "DRAWER_NOT_YOURS", rep1.post("api/drawers/" + small + "/vault/sell", "{\"count\":{\"100\":1}}"));
        assertProblem(403, "DRAWER_NOT_YOURS", super1.post("api/drawers/" + small + "/close", "{\"count\":{\"100\":1}}"));
        assertProblem(403, "DRAWER_NOT_YOURS", rep1.get("api/drawers/" + small));
        assertEquals(200, super1.get("api/drawers/" + small).status(), "supervisors read every drawer");

        // bad counts change nothing
        for (String count : List.of("{\"100\": -1}", "{\"100\": 1.5}", "{\"3\": 1}", "{\"100\": \"1\"}", "{}")) {
            Api.Reply bad = rep2.post("api/drawers/" + small + "/vault/buy", "{\"count\":" + count + "}");
            assertEquals(400, bad.status(), count + " -> " + bad);
            assertTrue(bad.isProblem());
        }
        assertProblem(400, "FIELD_UNKNOWN", rep2.post("api/drawers/" + small + "/vault/buy", "{\"count\":{\"100\":1},\"expected\":\"5.00\"}"));

        // super2's drawer at its limit: one more deposit goes over, then cash in waits for a sale to the vault
        // (its opening count is 50.00 short of the vault's issue: flagged to supervisors; the books follow the issue)
        JsonObject fullOpened = open(super2, "25000.00", "{\"100\": 249, \"20\": 2}");
        long full = id(fullOpened);
        assertEquals("-60.00", fullOpened.getString("openingDifference"));
        assertTrue(drawerIn(overview(null), full).getJsonArray("flags").toString().contains("OPENING_DIFFERENCE"));
        String superVisit = calls.verifiedVisit(super2, MEMBER);
        posted(cash(super2, superVisit, "DEPOSIT", "toAccount", DRAFT, "10.00"));
        assertProblem(422, "DRAWER_OVER_LIMIT", cash(super2, superVisit, "DEPOSIT", "toAccount", DRAFT, "10.00"));
        assertProblem(422, "DRAWER_OVER_LIMIT", super2.post("api/drawers/" + full + "/vault/buy", "{\"count\":{\"100\":1}}"));
        posted(cash(super2, superVisit, "WITHDRAWAL", "fromAccount", DRAFT, "5.00"));
        vault(super2, full, "sell", "{\"100\": 1}");
        posted(cash(super2, superVisit, "DEPOSIT", "toAccount", DRAFT, "10.00"));
        leftOpen = full;

        // rep2 closes in balance; super2's drawer stays open into the next day
        assertEquals("0.00", close(rep2, small, "{}").getString("overShort"));
        assertInvariantsHold();
    }

    @Test
    @Order(3)
    void next_day_a_drawer_three_short_closes_and_one_forty_over_waits_for_a_supervisor() throws Exception {
        signIn();
        JsonObject glBefore = overview(null);
        BigDecimal vault = money(glBefore.getString("vaultCash"));
        BigDecimal overShortGl = money(glBefore.getString("cashOverShort"));
        String dayOne = glBefore.getString("businessDate");

        Api.Reply advanced = admin1.post("api/business-date/advance", "");
        assertEquals(200, advanced.status(), advanced.toString());
        String dayTwo = advanced.json().getString("businessDate");

        // the drawer left open is flagged to supervisors, not closed
        JsonObject flagged = drawerIn(overview(dayOne), leftOpen);
        assertEquals("OPEN", flagged.getString("state"));
        assertTrue(flagged.getJsonArray("flags").toString().contains("OPEN_AT_DAY_END"), flagged.toString());
        assertEquals(403, rep1.get("api/drawers?businessDate=" + dayOne).status(), "the overview is for supervisors");

        // yesterday's drawer is not today's: rep1 has no drawer for the new day
        String visit = calls.verifiedVisit(rep1, MEMBER);
        assertProblem(422, "DRAWER_NOT_OPEN", cash(rep1, visit, "DEPOSIT", "toAccount", DRAFT, "10.00"));

        // rep1: 1,000.00 opening; eight deposits of 25.00 racing on one drawer; one deposit reversed while open
        JsonObject opened = open(rep1, "1000.00", "{\"100\": 9, \"20\": 5}");
        long drawer = id(opened);
        assertEquals(dayTwo, opened.getString("businessDate"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Reply>> racing = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int i = 0; i < 8; i++) {
                racing.add(pool.submit(() -> {
                    start.await();
                    return cash(rep1, visit, "DEPOSIT", "toAccount", DRAFT, "25.00");
                }));
            }
            start.countDown();
            for (Future<Api.Reply> reply : racing) {
                posted(reply.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject mistaken = posted(cash(rep1, visit, "DEPOSIT", "toAccount", DRAFT, "15.00"));
        Api.Reply reversed = super1.post("api/transactions/" + entryId(mistaken) + "/reversal", "{\"reasonCode\":\"POSTING_ERROR\"}");
        assertEquals(201, reversed.status(), reversed.toString());

        // counted 1,197.00 against 1,200.00: 3.00 short, within tolerance, closes and posts the short
        JsonObject short3 = close(rep1, drawer, "{\"100\": 11, \"20\": 4, \"10\": 1, \"5\": 1, \"1\": 2}");
        assertEquals("CLOSED", short3.getString("state"));
        assertEquals("1200.00", short3.getString("expected"));
        assertEquals("1197.00", short3.getString("closingTotal"));
        assertEquals("-3.00", short3.getString("overShort"));
        assertEquals("0.00", short3.getString("glBalance"));
        List<String> kinds = short3.getJsonArray("movements").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("kind") + " " + m.getString("amount")).toList();
        assertEquals(8, kinds.stream().filter("CASH_POSTING 25.00"::equals).count(), kinds.toString());
        assertTrue(kinds.containsAll(List.of("REVERSAL 15.00", "OVER_SHORT 3.00", "CLOSING_RETURN 1197.00")), kinds.toString());

        // rep2: 500.00 opening, a 100.00 deposit, counted 640.00: 40.00 over waits for a supervisor
        long over = id(open(rep2, "500.00", "{\"100\": 5}"));
        String rep2Visit = calls.verifiedVisit(rep2, MEMBER);
        posted(cash(rep2, rep2Visit, "DEPOSIT", "toAccount", DRAFT, "100.00"));
        JsonObject waiting = close(rep2, over, "{\"100\": 6, \"20\": 2}");
        assertEquals("AWAITING_APPROVAL", waiting.getString("state"));
        assertEquals("40.00", waiting.getString("overShort"));
        assertEquals("600.00", waiting.getString("expected"));
        assertProblem(409, "DRAWER_CLOSED", cash(rep2, rep2Visit, "DEPOSIT", "toAccount", DRAFT, "1.00"));
        assertEquals(cents(overShortGl.add(new BigDecimal("3.00"))), overview(null).getString("cashOverShort"),
                "only the 3.00 short is posted so far: a short debits cash over/short");

        // super1's own drawer, 10.00 short: super1 may not approve it, super2 may
        long own = id(open(super1, "100.00", "{\"100\": 1}"));
        assertEquals("AWAITING_APPROVAL", close(super1, own, "{\"50\": 1, \"20\": 2}").getString("state"));
        // the close waits in the supervisors' approval queue, and the drawer names the request
        assertProblem(403, "SELF_APPROVAL", super1.post("api/approvals/" + closeApproval(own) + "/approve", "{\"reason\":\"counted twice\"}"));
        assertEquals(403, rep1.post("api/approvals/" + closeApproval(over) + "/approve", "{\"reason\":\"ok\"}").status(), "reps do not approve");
        assertProblem(400, "FIELD_REQUIRED", super1.post("api/approvals/" + closeApproval(over) + "/approve", "{}"));
        assertProblem(409, "APPROVAL_PENDING", rep2.post("api/drawers/" + over + "/close/approval-request", ""));
        JsonObject queued = super2.get("api/approvals/" + closeApproval(over)).json();
        assertEquals("DRAWER_CLOSE", queued.getString("kind"));
        assertEquals("PENDING", queued.getString("status"));
        assertEquals("CLOSE_OUT_OF_TOLERANCE", queued.getJsonArray("reasons").getJsonObject(0).getString("reason"));
        JsonObject approvedOwn = approve(super2, own, "Recounted with super1; a 10 was paid out as a 20 earlier.");
        assertEquals("CLOSED", approvedOwn.getString("state"));
        List<String> scoredBefore = drawerScore(rep2);
        JsonObject approved = approve(super1, over, "Member returned 40.00 paid out twice; recounted with rep2.");
        assertEquals("CLOSED", approved.getString("state"));
        List<String> scoredAfter = drawerScore(rep2);
        assertEquals(List.of(cents(new BigDecimal(scoredBefore.get(0)).add(new BigDecimal("40.00"))),
                        String.valueOf(Integer.parseInt(scoredBefore.get(1)) + 1), String.valueOf(Integer.parseInt(scoredBefore.get(2)) + 1)),
                scoredAfter, "rep2's scorecard: the drawer closed 40.00 over, out of tolerance");
        assertEquals("super1", approved.getString("closeApprovedBy"));
        assertEquals("0.00", approved.getString("glBalance"));
        assertProblem(409, "APPROVAL_ALREADY_DECIDED", super2.post("api/approvals/" + closeApproval(over) + "/approve", "{\"reason\":\"again\"}"));
        assertProblem(409, "DRAWER_NOT_AWAITING_APPROVAL", rep2.post("api/drawers/" + over + "/close/approval-request", ""));

        // GL: over/short debited 3.00 (short) and 10.00 (short), credited 40.00 (over); the vault got every count back
        JsonObject glAfter = overview(dayTwo);
        assertEquals(cents(overShortGl.add(new BigDecimal("3.00")).add(new BigDecimal("10.00")).subtract(new BigDecimal("40.00"))),
                glAfter.getString("cashOverShort"));
        assertEquals(cents(vault.subtract(new BigDecimal("1000.00")).add(new BigDecimal("1197.00"))
                        .subtract(new BigDecimal("500.00")).add(new BigDecimal("640.00"))
                        .subtract(new BigDecimal("100.00")).add(new BigDecimal("90.00"))),
                glAfter.getString("vaultCash"));
        Map<Long, String> states = new java.util.HashMap<>();
        glAfter.getJsonArray("drawers").getValuesAs(JsonObject.class).forEach(d -> states.put(d.getJsonNumber("id").longValue(),
                d.getString("state") + " " + d.getString("overShort", "-")));
        assertEquals(Map.of(drawer, "CLOSED -3.00", over, "CLOSED 40.00", own, "CLOSED -10.00"), states);

        // over/short history: a rep sees their own, supervisors anyone's
        JsonObject history = rep1.get("api/drawers/over-short").json();
        assertEquals("-3.00", history.getString("totalOverShort"));
        assertEquals(List.of("-3.00", "0.00"), history.getJsonArray("drawers").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("overShort")).toList());
        assertEquals(403, rep1.get("api/drawers/over-short?rep=rep2").status());
        assertEquals("40.00", super1.get("api/drawers/over-short?rep=rep2").json().getString("totalOverShort"));
        assertInvariantsHold();
    }

    // ------------------------------------------------------------------ helpers

    private static JsonObject open(Api rep, String issue, String count) {
        Api.Reply opened = rep.post("api/drawers", openBody(issue, count));
        assertEquals(201, opened.status(), opened.toString());
        assertFalse(opened.json().containsKey("expected"), opened.toString());
        return opened.json();
    }

    private static String openBody(String issue, String count) {
        return "{\"vaultIssue\":\"" + issue + "\",\"count\":" + count + "}";
    }

    private static JsonObject vault(Api rep, long drawer, String way, String count) {
        Api.Reply moved = rep.post("api/drawers/" + drawer + "/vault/" + way, "{\"count\":" + count + "}");
        assertEquals(200, moved.status(), moved.toString());
        return moved.json();
    }

    private static JsonObject close(Api rep, long drawer, String count) {
        Api.Reply closed = rep.post("api/drawers/" + drawer + "/close", "{\"count\":" + count + "}");
        assertEquals(200, closed.status(), closed.toString());
        return closed.json();
    }

    @Test
    @Order(4)
    void the_vault_never_issues_cash_it_does_not_hold_nor_more_than_a_drawer_may_hold() {
        signIn();
        BigDecimal vault = vaultCash();
        int entries = entriesChecked();
        Api rep = newRep("vault");

        // an opening issue beyond what the vault holds: 422, no drawer, nothing posted
        String beyondVault = cents(vault.add(new BigDecimal("0.01")));
        assertProblem(422, "VAULT_CASH_SHORT", rep.post("api/drawers", openBody(beyondVault, Drawers.count(beyondVault).build().toString())));
        assertEquals(404, rep.get("api/drawers/current").status(), "no drawer was opened");
        assertEquals(cents(vault), cents(vaultCash()));
        assertEquals(entries, entriesChecked(), "nothing posted");

        // an issue the vault holds but above the drawer's cash limit is refused as cash in above it is
        assertProblem(422, "DRAWER_OVER_LIMIT", rep.post("api/drawers", openBody("25000.01", Drawers.count("25000.01").build().toString())));
        assertEquals(404, rep.get("api/drawers/current").status(), "no drawer was opened");

        // a buy that would put the drawer above its limit, and one beyond the vault, post nothing
        long drawer = id(open(rep, "20000.00", Drawers.count("20000.00").build().toString()));
        BigDecimal afterOpening = vault.subtract(new BigDecimal("20000.00"));
        assertEquals(cents(afterOpening), cents(vaultCash()));
        assertProblem(422, "DRAWER_OVER_LIMIT", rep.post("api/drawers/" + drawer + "/vault/buy", Drawers.countBody("5000.01")));
        String beyondVaultNow = cents(afterOpening.add(new BigDecimal("0.01")));
        assertProblem(422, "VAULT_CASH_SHORT", rep.post("api/drawers/" + drawer + "/vault/buy", Drawers.countBody(beyondVaultNow)));
        assertEquals(cents(afterOpening), cents(vaultCash()), "nothing moved");
        vault(rep, drawer, "buy", Drawers.count("5000.00").build().toString());

        // the drawer closes in balance and gives its cash back
        assertEquals("0.00", close(rep, drawer, Drawers.count("25000.00").build().toString()).getString("overShort"));
        assertEquals(cents(vault), cents(vaultCash()));
        assertInvariantsHold();
    }

    @Test
    @Order(5)
    void two_vault_issues_at_once_that_together_exceed_the_vault_cannot_both_succeed() throws Exception {
        signIn();
        BigDecimal vault = vaultCash();
        BigDecimal left = new BigDecimal("30000.00");
        assertTrue(vault.compareTo(left) > 0, "the vault holds more than " + left + ": " + vault);
        record Opened(Api rep, long drawer, String issue) {
        }
        List<Opened> opened = new ArrayList<>();
        try {
            // other reps' drawers take the vault down to 30,000.00, 25,000.00 (their limit) at a time
            for (BigDecimal holds = vault; holds.compareTo(left) > 0; holds = vaultCash()) {
                String issue = cents(holds.subtract(left).min(new BigDecimal("25000.00")));
                Api rep = newRep("drain");
                opened.add(new Opened(rep, id(open(rep, issue, Drawers.count(issue).build().toString())), issue));
            }
            assertEquals(cents(left), cents(vaultCash()));

            // four reps open a 20,000.00 drawer at the same moment: the vault has cash for one
            List<Api> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(newRep("race"));
            }
            String body = openBody("20000.00", Drawers.count("20000.00").build().toString());
            ExecutorService pool = Executors.newFixedThreadPool(racers.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (Api racer : racers) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return racer.post("api/drawers", body);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < racers.size(); i++) {
                Api.Reply reply = replies.get(i).get(60, TimeUnit.SECONDS);
                outcomes.add(reply.status() == 201 ? "201" : reply.status() + " " + reply.code());
                if (reply.status() == 201) {
                    opened.add(new Opened(racers.get(i), id(reply.json()), "20000.00"));
                }
            }
            pool.shutdown();
            assertEquals(List.of("201", "422 VAULT_CASH_SHORT", "422 VAULT_CASH_SHORT", "422 VAULT_CASH_SHORT"),
                    outcomes.stream().sorted().toList());
            assertEquals("10000.00", cents(vaultCash()));
            assertInvariantsHold();
        } finally {
            // every drawer opened here closes in balance, so that the vault holds what it held before
            for (Opened drawer : opened) {
                close(drawer.rep(), drawer.drawer(), Drawers.count(drawer.issue()).build().toString());
            }
        }
        assertEquals(cents(vault), cents(vaultCash()));
    }

    /** A new rep, signed in: a rep opens one drawer a business day, so each of these tests brings its own. */
    private static Api newRep(String purpose) {
        String username = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = admin1.post("api/staff", Json.createObjectBuilder().add("username", username)
                .add("displayName", "Vault test " + username).add("roles", Json.createArrayBuilder().add("REP"))
                .add("password", Api.DEMO_PASSWORD).build().toString());
        assertEquals(201, created.status(), created.toString());
        return Api.at(signedInAt).signIn(username);
    }

    private static BigDecimal vaultCash() {
        return money(overview(null).getString("vaultCash"));
    }

    private static int entriesChecked() {
        return audit1.get("api/ledger/invariants").json().getInt("entriesChecked");
    }

    /** The drawer figure of the rep's scorecard this month: net over/short, drawers closed, closed out of tolerance. */
    private static List<String> drawerScore(Api rep) {
        Api.Reply card = rep.get("api/scorecards/" + (rep == rep2 ? "rep2" : "rep1"));
        assertEquals(200, card.status(), card.toString());
        JsonObject drawer = card.json().getJsonObject("drawerOverShort");
        if ("NO_DRAWER_DATA".equals(drawer.getString("status"))) {
            return List.of("0.00", "0", "0");
        }
        return List.of(drawer.getString("net"), String.valueOf(drawer.getInt("drawersClosed")),
                String.valueOf(drawer.getInt("outOfTolerance")));
    }

    /** The approval request a drawer's close waits for, as the drawer names it. */
    private static long closeApproval(long drawer) {
        Api.Reply read = super1.get("api/drawers/" + drawer);
        assertEquals(200, read.status(), read.toString());
        return read.json().getJsonNumber("closeApproval").longValue();
    }

    /** A supervisor approves the close in the approval queue; returns the drawer's day as it then stands. */
    private static JsonObject approve(Api supervisor, long drawer, String reason) {
        Api.Reply approved = supervisor.post("api/approvals/" + closeApproval(drawer) + "/approve",
                Json.createObjectBuilder().add("reason", reason).build().toString());
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("EXECUTED", approved.json().getJsonObject("outcome").getString("result"), approved.toString());
        Api.Reply read = supervisor.get("api/drawers/" + drawer);
        assertEquals(200, read.status(), read.toString());
        return read.json();
    }

    private static JsonObject overview(String businessDate) {
        Api.Reply reply = super1.get("api/drawers" + (businessDate == null ? "" : "?businessDate=" + businessDate));
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject drawerIn(JsonObject overview, long drawer) {
        return overview.getJsonArray("drawers").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getJsonNumber("id").longValue() == drawer).findFirst()
                .orElseThrow(() -> new AssertionError("no drawer " + drawer + " in " + overview));
    }

    private static Api.Reply cash(Api staff, String session, String type, String accountField, String account, String amount) {
        return post(staff, Json.createObjectBuilder().add("sessionId", session).add("type", type).add("tender", "CASH")
                .add(accountField, account).add("amount", amount));
    }

    private static Api.Reply post(Api staff, jakarta.json.JsonObjectBuilder body) {
        return staff.post("api/transactions", body.build().toString(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static JsonObject posted(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private static long id(JsonObject drawer) {
        return drawer.getJsonNumber("id").longValue();
    }

    private static long entryId(JsonObject posted) {
        return posted.getJsonObject("entry").getJsonNumber("id").longValue();
    }

    private static List<String> lines(JsonObject posted) {
        return posted.getJsonObject("entry").getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(line -> line.getString("account") + " " + line.getString("side") + " " + line.getString("amount"))
                .toList();
    }

    private static BigDecimal balance(String account) {
        JsonObject member = super1.get("api/members/" + account.substring(0, 6)).json();
        return money(member.getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("accountNumber").equals(account)).findFirst().orElseThrow().getString("ledgerBalance"));
    }

    private static BigDecimal money(String text) {
        return new BigDecimal(text);
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static void assertProblem(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals(code, reply.code(), reply.toString());
    }

    private static void assertInvariantsHold() {
        Api.Reply report = audit1.get("api/ledger/invariants");
        assertEquals(200, report.status(), report.toString());
        assertTrue(report.json().getBoolean("ok"), report.toString());
        assertNotNull(report.json().getJsonArray("unbalancedEntries"));
        assertEquals(0, report.json().getJsonArray("unbalancedEntries").size(), report.toString());
        assertEquals(0, report.json().getJsonArray("negativeCash").size(), "no cash account is below zero: " + report);
    }
}
