package coop.tally.enrolment;

import coop.tally.approval.Desk;
import coop.tally.support.Api;
import coop.tally.support.Browser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The requests {@link EnrolmentIT} sends and the answers it reads. */
final class Enrolling {

    /** SSNs of these tests: area 7xx, never a demo member's (the demo uses 9xx, which is never issued). */
    private static final AtomicInteger SERIAL = new AtomicInteger(1000 + (int) (System.nanoTime() % 5000));

    private Enrolling() {
    }

    static void signIn(Browser browser, String username) {
        browser.waitFor(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD, Keys.ENTER);
        browser.waitFor(By.id("sign-out"));
    }

    static JsonObject review(Api.Reply reply) {
        assertEquals(202, reply.status(), reply.toString());
        assertEquals("SANCTIONS_REVIEW", reply.json().getString("code"), reply.toString());
        JsonObject approval = reply.json().getJsonObject("approval");
        assertEquals("SANCTIONS_REVIEW", approval.getString("kind"));
        assertEquals("PENDING", approval.getString("status"));
        assertTrue(Desk.reasons(approval).contains("SANCTIONS_POSSIBLE_MATCH"), approval.toString());
        assertNotNull(approval.getJsonObject("request").getJsonObject("match"), approval.toString());
        return approval;
    }

    static String nextSsn() {
        int serial = SERIAL.incrementAndGet();
        return String.format("7%02d-%02d-%04d", serial % 100, 10 + serial % 89, serial);
    }

    static JsonObjectBuilder cashDeposit(String visit, String account) {
        return Json.createObjectBuilder().add("sessionId", visit).add("type", "DEPOSIT").add("tender", "CASH")
                .add("toAccount", account).add("amount", "25.00");
    }

    static JsonObjectBuilder moneyOrder(String visit, String account, String payee) {
        return Json.createObjectBuilder().add("sessionId", visit).add("type", "OFFICIAL_CHECK").add("tender", "ACCOUNT")
                .add("fromAccount", account).add("instrument", "MONEY_ORDER").add("amount", "20.00").add("payee", payee);
    }

    static String name(String first, String last) {
        return Json.createObjectBuilder().add("firstName", first).add("lastName", last).build().toString();
    }
}
