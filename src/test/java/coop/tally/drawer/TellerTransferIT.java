package coop.tally.drawer;

import coop.tally.support.Api;
import coop.tally.support.Browser;
import coop.tally.support.ScenarioSteps;
import coop.tally.support.TallyDeployment;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.net.URL;
import java.util.List;

import static coop.tally.drawer.TellerTransferCalls.acceptTwiceAtOnce;
import static coop.tally.drawer.TellerTransferCalls.assertBlind;
import static coop.tally.drawer.TellerTransferCalls.assertInvariantsHold;
import static coop.tally.drawer.TellerTransferCalls.assertProblem;
import static coop.tally.drawer.TellerTransferCalls.close;
import static coop.tally.drawer.TellerTransferCalls.id;
import static coop.tally.drawer.TellerTransferCalls.newRep;
import static coop.tally.drawer.TellerTransferCalls.open;
import static coop.tally.drawer.TellerTransferCalls.path;
import static coop.tally.drawer.TellerTransferCalls.propose;
import static coop.tally.drawer.TellerTransferCalls.transferMoves;
import static coop.tally.drawer.TellerTransferCalls.transfers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cash handed from rep1's drawer to rep2's and back over HTTP and in the console: nothing moves
 * until the receiver accepts a matching count of their own, then one entry moves both drawers;
 * a rejected or withdrawn transfer moves nothing; every refusal; two accepts at once; and the
 * closes, which alone show what each drawer should hold. The steps share one server, in order.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ScenarioSteps.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TellerTransferIT {

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
    private static long drawer1;
    private static long drawer2;
    /** The transfer accepted over HTTP (500.00 in hundreds, rep1 to rep2). */
    private static long accepted;
    /** The one accepted in the console (200.00 in hundreds, rep1 to rep2). */
    private static long acceptedInConsole;

    private void signIn() {
        if (rep1 == null || !deployment.equals(signedInAt)) {
            signedInAt = deployment;
            Api anonymous = Api.at(deployment);
            rep1 = anonymous.signIn("rep1");
            rep2 = anonymous.signIn("rep2");
            super1 = anonymous.signIn("super1");
            super2 = anonymous.signIn("super2");
            audit1 = anonymous.signIn("audit1");
            admin1 = anonymous.signIn("admin1");
        }
    }

    @Test
    @Order(1)
    void cash_moves_only_when_the_receiver_accepts_a_matching_count_and_only_once() throws Exception {
        signIn();
        drawer1 = open(rep1, "2000.00", "{\"100\": 20}");
        drawer2 = open(rep2, "500.00", "{\"20\": 25}");

        // refusals of the proposal: nothing is proposed
        assertProblem(422, "TRANSFER_TO_SELF", propose(rep1, "rep1", "{\"100\": 1}"));
        assertProblem(409, "RECEIVER_DRAWER_NOT_OPEN", propose(rep1, "super2", "{\"100\": 1}"));
        assertProblem(404, "NO_DRAWER", propose(super2, "rep1", "{\"100\": 1}"));
        Api.Reply notHeld = propose(rep1, "rep2", "{\"100\": 21, \"50\": 1}");
        assertProblem(422, "DENOMINATIONS_NOT_HELD", notHeld);
        assertEquals(List.of("100", "50"), notHeld.json().getJsonArray("denominations").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertProblem(400, "COUNT_EMPTY", propose(rep1, "rep2", "{}"));
        assertProblem(400, "FIELD_UNKNOWN", rep1.post("api/teller-transfers", "{\"toRep\":\"rep2\",\"count\":{\"100\":1},\"amount\":\"100.00\"}"));
        assertEquals(403, audit1.post("api/teller-transfers", "{\"toRep\":\"rep2\",\"count\":{\"100\":1}}").status());
        assertEquals(List.of(), transfers(rep1).getJsonArray("outgoing"));

        // rep1 hands 5 × 100 to rep2: proposed, nothing moves yet
        Api.Reply proposed = propose(rep1, "rep2", "{\"100\": 5}");
        assertEquals(201, proposed.status(), proposed.toString());
        accepted = id(proposed.json());
        assertEquals("PROPOSED", proposed.json().getString("state"));
        assertEquals("500.00", proposed.json().getString("amount"));
        assertEquals("{\"100\":5}", proposed.json().getJsonObject("count").toString());
        assertBlind(proposed);
        // the 15 hundreds left are all rep1 may still promise
        assertProblem(422, "DENOMINATIONS_NOT_HELD", propose(rep1, "rep2", "{\"100\": 16}"));

        // rep2 sees the amount handed over, not its pieces: the count that accepts it is rep2's own
        JsonObject incoming = transfers(rep2).getJsonArray("incoming").getJsonObject(0);
        assertEquals(accepted, id(incoming));
        assertEquals("500.00", incoming.getString("amount"));
        assertFalse(incoming.containsKey("count"), incoming.toString());
        assertEquals("rep1", transfers(rep2).getJsonArray("openDrawers").getJsonObject(0).getString("rep"));

        // only rep2 accepts or rejects, only rep1 withdraws
        String count = "{\"count\":{\"100\":5}}";
        assertProblem(403, "TRANSFER_NOT_YOURS", super1.post(path(accepted, "accept"), count));
        assertProblem(403, "TRANSFER_NOT_YOURS", rep1.post(path(accepted, "accept"), count));
        assertProblem(403, "TRANSFER_NOT_YOURS", rep1.post(path(accepted, "reject"), "{}"));
        assertProblem(403, "TRANSFER_NOT_YOURS", rep2.post(path(accepted, "withdraw"), ""));
        assertProblem(404, "TRANSFER_NOT_FOUND", rep2.post(path(999_999, "accept"), count));

        // the same 500.00 in other notes is not what was handed over: refused, nothing changes
        Api.Reply mismatch = rep2.post(path(accepted, "accept"), "{\"count\":{\"100\":4,\"20\":5}}");
        assertProblem(422, "TRANSFER_COUNT_MISMATCH", mismatch);
        assertBlind(mismatch);
        assertEquals("PROPOSED", rep2.get("api/teller-transfers/" + accepted).json().getString("state"));

        // neither drawer closes while the transfer waits: the count could not know where the cash is
        for (Api rep : List.of(rep1, rep2)) {
            long drawer = rep == rep1 ? drawer1 : drawer2;
            Api.Reply close = rep.post("api/drawers/" + drawer + "/close", "{\"count\":{\"100\":1}}");
            assertProblem(409, "TRANSFERS_PENDING", close);
            assertEquals("[" + accepted + "]", close.json().getJsonArray("transfers").toString());
            assertEquals("OPEN", rep.get("api/drawers/current").json().getString("state"));
        }

        // two accepts at once: one posts, the other finds it accepted
        assertEquals(List.of("200", "409 TRANSFER_ALREADY_ACCEPTED"), acceptTwiceAtOnce(rep2, accepted, count));
        JsonObject done = rep2.get("api/teller-transfers/" + accepted).json();
        assertEquals("ACCEPTED", done.getString("state"));
        assertEquals("rep2", done.getString("decidedBy"));
        assertTrue(done.containsKey("entryId"), done.toString());
        assertEquals("{\"100\":5}", done.getJsonObject("count").toString(), "decided, the pieces show to the receiver too");

        // a decided transfer takes no further step
        assertProblem(409, "TRANSFER_ALREADY_ACCEPTED", rep2.post(path(accepted, "accept"), count));
        assertProblem(409, "TRANSFER_ALREADY_ACCEPTED", rep2.post(path(accepted, "reject"), "{}"));
        assertProblem(409, "TRANSFER_ALREADY_ACCEPTED", rep1.post(path(accepted, "withdraw"), ""));
        assertInvariantsHold(audit1);
    }

    @Test
    @Order(2)
    void a_rejected_or_withdrawn_transfer_moves_nothing_and_takes_no_further_step() {
        signIn();
        long rejected = id(propose(rep2, "rep1", "{\"20\": 5}").json());
        Api.Reply reject = rep1.post(path(rejected, "reject"), "{\"reason\":\"not counted in front of me\"}");
        assertEquals(200, reject.status(), reject.toString());
        assertEquals("REJECTED", reject.json().getString("state"));
        assertEquals("not counted in front of me", reject.json().getString("reason"));
        assertProblem(409, "TRANSFER_ALREADY_REJECTED", rep1.post(path(rejected, "accept"), "{\"count\":{\"20\":5}}"));
        assertProblem(409, "TRANSFER_ALREADY_REJECTED", rep2.post(path(rejected, "withdraw"), ""));

        long withdrawn = id(propose(rep1, "rep2", "{\"100\": 1}").json());
        Api.Reply withdraw = rep1.post(path(withdrawn, "withdraw"), "");
        assertEquals(200, withdraw.status(), withdraw.toString());
        assertEquals("WITHDRAWN", withdraw.json().getString("state"));
        assertEquals("rep1", withdraw.json().getString("decidedBy"));
        assertProblem(409, "TRANSFER_ALREADY_WITHDRAWN", rep2.post(path(withdrawn, "accept"), "{\"count\":{\"100\":1}}"));
        assertProblem(409, "TRANSFER_ALREADY_WITHDRAWN", rep2.post(path(withdrawn, "reject"), "{}"));

        // a transfer is shown to its two reps, supervisors and auditors only
        assertProblem(403, "TRANSFER_NOT_YOURS", newRep(admin1, signedInAt).get("api/teller-transfers/" + withdrawn));
        assertEquals(200, super2.get("api/teller-transfers/" + withdrawn).status());
        assertEquals(200, audit1.get("api/teller-transfers/" + withdrawn).status());
        assertInvariantsHold(audit1);
    }

    @Test
    @Order(3)
    void in_the_console_rep1_hands_cash_over_and_rep2_counts_it_in() {
        signIn();
        try (Browser sender = Browser.start(); Browser receiver = Browser.start()) {
            signIn(sender, "rep1");
            signIn(receiver, "rep2");
            sender.waitFor(By.linkText("Drawer")).click();
            new org.openqa.selenium.support.ui.Select(sender.waitFor(By.id("transfer-to"))).selectByValue("rep2");
            sender.driver().findElement(By.id("transfer-bill-100")).sendKeys("2");
            sender.driver().findElement(By.id("transfer-button")).click();
            sender.waitForText(By.id("drawer-result"), "Handed $200.00");
            acceptedInConsole = id(transfers(rep1).getJsonArray("outgoing").getJsonObject(0));
            sender.waitForText(By.id("outgoing-" + acceptedInConsole), "proposed");
            sender.screenshot("teller-transfer-1-handed-over");

            // rep2 sees 200.00 to count, not the pieces; a wrong count is refused and nothing changes
            receiver.waitFor(By.linkText("Drawer")).click();
            String line = receiver.waitForText(By.id("incoming-" + acceptedInConsole), "$200.00").getText();
            assertFalse(line.contains("× $100"), line);
            receiver.driver().findElement(By.id("accept-" + acceptedInConsole + "-bill-20")).sendKeys("10");
            receiver.driver().findElement(By.id("accept-button-" + acceptedInConsole)).click();
            receiver.waitForText(By.id("drawer-result"), "TRANSFER_COUNT_MISMATCH");
            // what was typed stays, to be corrected
            receiver.driver().findElement(By.id("accept-" + acceptedInConsole + "-bill-20")).clear();
            receiver.driver().findElement(By.id("accept-" + acceptedInConsole + "-bill-100")).sendKeys("2");
            receiver.driver().findElement(By.id("accept-button-" + acceptedInConsole)).click();
            receiver.waitForText(By.id("drawer-result"), "Accepted $200.00 from rep1");
            receiver.waitForText(By.id("incoming-" + acceptedInConsole), "accepted");
            receiver.screenshot("teller-transfer-2-accepted");

            // rep1 hands over 100.00 twice: rep2 rejects the first, rep1 withdraws the second
            for (int i = 0; i < 2; i++) {
                int listed = transfers(rep1).getJsonArray("outgoing").size();
                sender.driver().findElement(By.id("transfer-bill-100")).sendKeys("1");
                sender.driver().findElement(By.id("transfer-button")).click();
                // the panel is drawn again, with the new transfer and an empty count
                sender.until(driver -> driver.findElements(By.cssSelector("#outgoing-transfers li")).size() == listed + 1);
                sender.waitForText(By.id("drawer-result"), "Handed $100.00");
            }
            sender.waitForText(By.id("outgoing-" + acceptedInConsole), "accepted");
            List<JsonObject> outgoing = transfers(rep1).getJsonArray("outgoing").getValuesAs(JsonObject.class);
            long toReject = id(outgoing.get(1));
            long toWithdraw = id(outgoing.get(0));
            receiver.driver().findElement(By.id("transfers-reload")).click();
            receiver.waitFor(By.id("reject-reason-" + toReject)).sendKeys("wrong drawer", Keys.TAB);
            receiver.driver().findElement(By.id("reject-button-" + toReject)).click();
            receiver.waitForText(By.id("drawer-result"), "Rejected the cash from rep1");
            sender.driver().findElement(By.id("withdraw-button-" + toWithdraw)).click();
            sender.waitForText(By.id("drawer-result"), "Withdrew the transfer to rep2");
            sender.waitForText(By.id("outgoing-" + toReject), "rejected: wrong drawer");
            sender.waitForText(By.id("outgoing-" + toWithdraw), "withdrawn");
            sender.screenshot("teller-transfer-3-rejected-and-withdrawn");
            for (Browser page : List.of(sender, receiver)) {
                assertFalse(page.driver().findElement(By.id("drawer-page")).getText().toLowerCase().contains("expected"),
                        "the drawer page says nothing of what the drawer should hold");
                assertEquals(List.of(), page.policyViolations());
            }
        }
    }

    @Test
    @Order(4)
    void the_closes_show_both_drawers_moved_by_the_accepted_transfers_alone() {
        signIn();
        // rep1: 2,000.00 less 500.00 and 200.00 handed over; rep2: 500.00 and both received
        JsonObject closed1 = close(rep1, drawer1, "{\"100\": 13}");
        assertEquals("1300.00", closed1.getString("expected"));
        assertEquals("0.00", closed1.getString("overShort"));
        assertEquals("CLOSED", closed1.getString("state"));
        JsonObject closed2 = close(rep2, drawer2, "{\"100\": 7, \"20\": 25}");
        assertEquals("1200.00", closed2.getString("expected"));
        assertEquals("CLOSED", closed2.getString("state"));
        List<String> out = transferMoves(closed1);
        List<String> in = transferMoves(closed2);
        long entry = rep1.get("api/teller-transfers/" + accepted).json().getJsonNumber("entryId").longValue();
        long consoleEntry = rep1.get("api/teller-transfers/" + acceptedInConsole).json().getJsonNumber("entryId").longValue();
        assertEquals(List.of(entry + " OUT 500.00", consoleEntry + " OUT 200.00"), out);
        assertEquals(List.of(entry + " IN 500.00", consoleEntry + " IN 200.00"), in, "one entry moved both drawers");

        // a closed drawer neither hands nor takes cash
        assertProblem(409, "DRAWER_CLOSED", propose(rep1, "rep2", "{\"100\": 1}"));
        Api late = newRep(admin1, signedInAt);
        long lateDrawer = open(late, "1.00", "{\"1\": 1}");
        assertProblem(409, "RECEIVER_DRAWER_NOT_OPEN", propose(late, "rep1", "{\"1\": 1}"));
        close(late, lateDrawer, "{\"1\": 1}");
        assertInvariantsHold(audit1);
    }

    private void signIn(Browser in, String username) {
        in.open(deployment.toString());
        in.waitFor(By.id("username")).sendKeys(username);
        in.driver().findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD, Keys.ENTER);
        in.waitFor(By.id("sign-out"));
    }
}
