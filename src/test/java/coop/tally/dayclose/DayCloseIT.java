package coop.tally.dayclose;

import coop.tally.posting.Calls;
import coop.tally.posting.Drawers;
import coop.tally.support.Api;
import coop.tally.support.Browser;
import coop.tally.support.ScenarioSteps;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static coop.tally.dayclose.DayCloseRequests.assertProblem;
import static coop.tally.dayclose.DayCloseRequests.close;
import static coop.tally.dayclose.DayCloseRequests.csv;
import static coop.tally.dayclose.DayCloseRequests.posted;
import static coop.tally.dayclose.DayCloseRequests.transaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The close of the business day over HTTP and in the console: refused while a drawer is open
 * (naming it), closed once the drawer is, the day's report and CTR export, the holds released as
 * later days close, two supervisors closing at once, and the supervisor's page. The steps share one
 * server and run in order: each starts on the business day the one before opened.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ScenarioSteps.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DayCloseIT {

    private static final String MEMBER = "100001";
    private static final String SHARE = "100001-S00";
    private static final String DRAFT = "100001-S10";

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
    /** When the check deposited on the first day is released, and the share's available balance before that. */
    private static LocalDate holdReleaseOn;
    private static BigDecimal availableWhileHeld;

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
            calls = new Calls(super1, admin1);
        }
    }

    @Test
    @Order(1)
    void a_day_with_an_open_drawer_is_refused_then_closes_with_its_report() {
        signIn();
        LocalDate day = businessDate();

        // a check held for two business days, a drawer, and a cash deposit above 10,000.00 (a CTR; an override)
        String call = calls.verifiedCall(rep1, MEMBER, "BASIC");
        JsonObject check = posted(transaction(rep1, Json.createObjectBuilder().add("sessionId", call).add("type", "DEPOSIT")
                .add("tender", "CHECK").add("toAccount", SHARE).add("amount", "1275.00")));
        holdReleaseOn = LocalDate.parse(check.getJsonArray("holds").getJsonObject(0).getString("releaseOn"));
        assertTrue(holdReleaseOn.isAfter(day.plusDays(1)), "held for two business days");
        availableWhileHeld = available(SHARE);
        long drawer = Drawers.open(rep1, "2000.00").getJsonNumber("id").longValue();
        String visit = calls.verifiedVisit(rep1, MEMBER);
        Api.Reply waiting = transaction(rep1, Json.createObjectBuilder().add("sessionId", visit).add("type", "DEPOSIT")
                .add("tender", "CASH").add("toAccount", DRAFT).add("amount", "10500.00"));
        assertEquals(202, waiting.status(), waiting.toString());
        long approval = waiting.json().getJsonObject("approval").getJsonNumber("id").longValue();
        Api.Reply approved = super1.post("api/approvals/" + approval + "/approve", "{\"reason\":\"member known, cash counted twice\"}");
        assertEquals(200, approved.status(), approved.toString());

        // refused while the drawer is open, naming it; nothing changes
        Api.Reply refused = close(super1, day);
        assertProblem(409, "BUSINESS_DAY_NOT_READY", refused);
        assertEquals(1, refused.json().getJsonArray("blockers").size(), refused.toString());
        JsonObject blocker = refused.json().getJsonArray("blockers").getJsonObject(0);
        assertEquals("DRAWER_OPEN", blocker.getString("code"));
        assertEquals(drawer, blocker.getJsonNumber("id").longValue());
        assertEquals("rep1", blocker.getString("owner"));
        assertEquals(day, businessDate(), "the day is still open");
        JsonObject preview = super1.get("api/business-day/report").json();
        assertFalse(preview.getBoolean("closed"));
        assertTrue(preview.getJsonObject("trialBalance").getString("withheld").contains("drawer(s) " + drawer),
                "the blind close: no drawer's cash account before its count");
        assertFalse(preview.toString().contains("12500.00"), "nothing shows what the open drawer should hold");

        // who may close, and what the request must say
        assertProblem(403, null, close(rep1, day));
        assertProblem(403, null, close(admin1, day));
        assertProblem(403, null, close(audit1, day));
        assertProblem(400, null, super1.post("api/business-day/close", "{}"));
        assertProblem(400, "FIELD_UNKNOWN", super1.post("api/business-day/close",
                "{\"businessDate\":\"" + day + "\",\"force\":true}"));
        assertProblem(409, "BUSINESS_DATE_NOT_CURRENT", close(super1, day.plusYears(1)));

        // the drawer counted exactly: 2,000.00 + 10,500.00; then the day closes
        calls.endCall(rep1);
        Api.Reply counted = rep1.post("api/drawers/" + drawer + "/close", Drawers.countBody("12500.00"));
        assertEquals(200, counted.status(), counted.toString());
        assertEquals("CLOSED", counted.json().getString("state"));
        Api.Reply closed = close(super1, day);
        assertEquals(201, closed.status(), closed.toString());
        LocalDate next = LocalDate.parse(closed.json().getString("nextBusinessDate"));
        assertTrue(next.isAfter(day) && closed.json().getString("businessDate").equals(day.toString()), closed.toString());
        assertEquals(next, businessDate(), "the next business day is open");
        assertFalse(closed.json().getBoolean("replayed"));

        // asked again: the same close, nothing more
        Api.Reply again = close(super2, day);
        assertEquals(200, again.status(), again.toString());
        assertTrue(again.json().getBoolean("replayed"));
        assertEquals(next.toString(), again.json().getString("nextBusinessDate"));
        assertEquals(next, businessDate());

        // the stored report
        JsonObject report = super1.get("api/business-day/report?date=" + day).json();
        assertTrue(report.getBoolean("closed"));
        assertEquals("super1", report.getString("closedBy"));
        JsonObject trial = report.getJsonObject("trialBalance");
        assertTrue(trial.getBoolean("balanced"), trial.toString());
        assertEquals(trial.getString("totalDebits"), trial.getString("totalCredits"));
        assertTrue(trial.getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .anyMatch(a -> a.getString("code").equals("1000")), "the vault is in the trial balance");
        JsonObject line = report.getJsonArray("drawers").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getJsonNumber("id").longValue() == drawer).findFirst().orElseThrow();
        assertEquals(List.of("rep1", "CLOSED", "2000.00", "10500.00", "0.00", "12500.00", "12500.00", "0.00"),
                List.of(line.getString("owner"), line.getString("state"), line.getString("opening"), line.getString("cashIn"),
                        line.getString("cashOut"), line.getString("expected"), line.getString("counted"), line.getString("overShort")));
        JsonObject ctr = report.getJsonArray("ctrs").getJsonObject(0);
        assertEquals(List.of(MEMBER, "IN", "10500.00"), List.of(ctr.getString("memberNumber"), ctr.getString("direction"), ctr.getString("total")));
        JsonObject override = report.getJsonArray("overrides").getJsonObject(0);
        assertEquals(List.of("DEPOSIT", "10500.00", "rep1", "super1"), List.of(override.getString("type"),
                override.getString("amount"), override.getString("postedBy"), override.getString("approvedBy")));
        assertEquals(approval, override.getJsonNumber("approvalId").longValue());
        assertEquals(403, rep1.get("api/business-day/report?date=" + day).status(), "reps do not read the day's report");

        // the same as CSV, for auditors too
        Api.Reply csv = csv(audit1, "api/business-day/report/csv?date=" + day);
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().contains("\r\nsection,trial_balance\r\n"), csv.body());
        assertTrue(csv.body().contains(",balanced\r\n"), csv.body());
        assertTrue(csv.body().contains("\r\n" + drawer + ",rep1,CLOSED,2000.00,2000.00,10500.00,0.00,"), csv.body());
        assertTrue(csv.body().contains("\r\n" + ctr.getJsonNumber("id") + "," + MEMBER + ",IN,10500.00,"), csv.body());

        // the CTRs for filing: supervisors only, the SSN masked, what Tally does not hold named
        Api.Reply ctrs = csv(super1, "api/business-day/ctrs/csv?date=" + day);
        assertEquals(200, ctrs.status(), ctrs.toString());
        assertEquals("no-store", ctrs.header("Cache-Control"));
        List<String> lines = List.of(ctrs.body().split("\r\n"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# Form 112 fields Tally does not hold")), ctrs.body());
        String row = lines.stream().filter(l -> l.startsWith(ctr.getJsonNumber("id") + "," + day + ",IN,10500.00,,OWN_BEHALF," + MEMBER + ","))
                .findFirst().orElseThrow(() -> new AssertionError(ctrs.body()));
        assertTrue(row.contains(",Whitfield,Eleanor,1978-04-12,"), row);
        assertTrue(row.contains(",***-**-1234,SSN,"), row);
        assertTrue(row.contains(",DRIVERS_LICENSE,4321,"), row);
        assertFalse(ctrs.body().matches("(?s).*\\b\\d{3}-\\d{2}-\\d{4}\\b.*"), "no full SSN");
        assertEquals(403, csv(audit1, "api/business-day/ctrs/csv?date=" + day).status());
        assertEquals(403, csv(rep1, "api/business-day/ctrs/csv?date=" + day).status());
    }

    @Test
    @Order(2)
    void the_holds_due_are_released_when_their_day_opens() {
        signIn();
        int released = 0;
        while (businessDate().isBefore(holdReleaseOn)) {
            Api.Reply closed = close(super2, businessDate());
            assertEquals(201, closed.status(), closed.toString());
            released += closed.json().getInt("holdsReleased");
        }
        assertTrue(released >= 1 && holdReleaseOn.equals(businessDate()), "the check's hold was released");
        assertEquals(availableWhileHeld.add(new BigDecimal("1000.00")), available(SHARE), "1,275.00 less the 275.00 available at once");
    }

    @Test
    @Order(3)
    void two_supervisors_closing_at_once_close_the_day_once() throws Exception {
        signIn();
        LocalDate day = businessDate();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (Api supervisor : List.of(super1, super2)) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return close(supervisor, day);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> nexts = new ArrayList<>();
            for (Future<Api.Reply> reply : replies) {
                Api.Reply answer = reply.get(60, TimeUnit.SECONDS);
                statuses.add(answer.status());
                nexts.add(answer.json().getString("nextBusinessDate"));
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 201), statuses, "one closes, the other is told of that close");
            assertEquals(List.of(nexts.get(0), businessDate().toString()), List.of(nexts.get(1), nexts.get(0)),
                    "both name the same next day, and the business date moved once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void a_supervisor_closes_the_day_in_the_console() {
        signIn();
        LocalDate day = businessDate();
        long drawer = Drawers.open(rep2, "100.00").getJsonNumber("id").longValue();
        try (Browser browser = Browser.start()) {
            browser.open(deployment.toString());
            browser.waitFor(By.id("username")).sendKeys("super1");
            browser.driver().findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD, Keys.ENTER);
            browser.waitFor(By.linkText("Business day")).click();
            browser.waitForText(By.id("day-close-button"), "Close business day " + day);
            browser.waitForText(By.id("day-report-state"), "is not closed");

            // refused: the open drawer is listed
            browser.driver().findElement(By.id("day-close-button")).click();
            browser.waitForText(By.id("day-close-result"), "BUSINESS_DAY_NOT_READY");
            String listed = browser.waitFor(By.cssSelector("#day-close-blockers li[data-code='DRAWER_OPEN']")).getText();
            assertTrue(listed.contains("Drawer " + drawer + " of rep2"), listed);
            assertTrue(browser.driver().findElement(By.id("day-trial-withheld")).getText().contains("drawer(s) " + drawer));
            browser.screenshot("day-close-refused");

            // the drawer closes; the day closes and its report shows
            assertEquals(200, rep2.post("api/drawers/" + drawer + "/close", Drawers.countBody("100.00")).status());
            browser.driver().findElement(By.id("day-close-button")).click();
            browser.waitForText(By.id("day-close-result"), "Business day " + day + " closed");
            browser.waitForText(By.id("day-report-state"), "closed by super1");
            assertEquals("Balanced", browser.driver().findElement(By.id("day-trial-balanced")).getText());
            String drawers = browser.driver().findElement(By.id("day-drawers")).getText();
            assertTrue(drawers.contains("rep2") && drawers.contains("$100.00"), drawers);
            browser.driver().findElement(By.id("day-csv")).click();
            browser.waitForText(By.id("day-download-name"), "tally-day-" + day + ".csv");
            browser.screenshot("day-close-report");
            assertEquals(List.of(), browser.policyViolations());
        }
        assertTrue(businessDate().isAfter(day));
    }

    private static LocalDate businessDate() {
        return LocalDate.parse(super1.get("api/business-date").json().getString("businessDate"));
    }

    private static BigDecimal available(String account) {
        return super1.get("api/members/" + MEMBER).json().getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("accountNumber").equals(account))
                .map(a -> new BigDecimal(a.getString("availableBalance"))).findFirst().orElseThrow();
    }

}
