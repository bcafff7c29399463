package coop.tally.enrolment;

import coop.tally.approval.Desk;
import coop.tally.posting.Calls;
import coop.tally.support.Api;
import coop.tally.support.Browser;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static coop.tally.enrolment.Enrolling.cashDeposit;
import static coop.tally.enrolment.Enrolling.moneyOrder;
import static coop.tally.enrolment.Enrolling.name;
import static coop.tally.enrolment.Enrolling.nextSsn;
import static coop.tally.enrolment.Enrolling.review;
import static coop.tally.enrolment.Enrolling.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * New members over HTTP: enrolment in a visit with a photo ID, refusal of a duplicate SSN and of
 * bad input, and sanctions screening of new members, name changes and official check payees: a
 * possible match waits as a SANCTIONS_REVIEW that another supervisor clears or rejects.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.MethodName.class)
class EnrolmentIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private Desk desk;
    private LocalDate today;

    @BeforeEach
    void desk() {
        desk = new Desk(deployment);
        today = LocalDate.parse(desk.rep1.get("api/business-date").json().getString("businessDate"));
    }

    @Test
    void a_enrols_a_member_in_a_visit_and_refuses_duplicates_and_bad_input() {
        String visit = newVisit(desk.rep1);
        String ssn = nextSsn();

        // bad input: each a 400 problem naming the field, and nothing written
        Map<String, JsonObjectBuilder> bad = Map.of(
                "FIELD_UNKNOWN", enrolment(visit, "Ada", "Quint", ssn).add("middleName", "X"),
                "SSN_INVALID", enrolment(visit, "Ada", "Quint", "123-45-678"),
                "FIELD_REQUIRED", enrolment(visit, "Ada", "Quint", ssn).remove("lastName"),
                "DATE_OF_BIRTH_INVALID", enrolment(visit, "Ada", "Quint", ssn).add("dateOfBirth", today.plusDays(1).toString()),
                "MALFORMED_TEXT", enrolment(visit, "Ada\u0007", "Quint", ssn),
                "FIELD_INVALID", enrolment(visit, "Ada\tB", "Quint", ssn),
                "NAME_INVALID", enrolment(visit, "Ada1", "Quint", ssn),
                "PHONE_INVALID", enrolment(visit, "Ada", "Quint", ssn).add("phone", "12345"),
                "EMAIL_INVALID", enrolment(visit, "Ada", "Quint", ssn).add("email", "ada@"),
                "ZIP_INVALID", enrolment(visit, "Ada", "Quint", ssn).add("zip", "6060"));
        bad.forEach((code, body) -> {
            Api.Reply refused = desk.rep1.post("api/enrolments", body.build().toString());
            assertEquals(400, refused.status(), code + ": " + refused);
            assertTrue(refused.isProblem(), refused.toString());
            assertEquals(code, refused.code(), refused.toString());
        });
        for (String never : List.of("000-12-3456", "666-12-3456", "912-12-3456", "712-00-3456", "712-12-0000")) {
            assertEquals("SSN_INVALID", desk.rep1.post("api/enrolments", enrolment(visit, "Ada", "Quint", never).build().toString()).code(), never);
        }
        Api.Reply expired = desk.rep1.post("api/enrolments", enrolment(visit, "Ada", "Quint", ssn)
                .add("photoIdExpires", today.minusDays(1).toString()).build().toString());
        assertEquals(422, expired.status(), expired.toString());
        assertEquals("PHOTO_ID_EXPIRED", expired.code());
        assertEquals(0, desk.super1.get("api/members?q=Quint").json().getInt("total"), "nothing enrolled by a refusal");
        Api.Reply auditor = desk.audit1.post("api/enrolments", enrolment(visit, "Ada", "Quint", ssn).build().toString());
        assertEquals(403, auditor.status(), "an auditor never enrols: " + auditor);

        Api.Reply enrolled = desk.rep1.post("api/enrolments", enrolment(visit, "Ada", "Quint", ssn).build().toString());
        assertEquals(201, enrolled.status(), enrolled.toString());
        JsonObject member = enrolled.json();
        String number = member.getString("memberNumber");
        assertTrue(number.startsWith("7"), number);
        assertEquals("***-**-" + ssn.substring(7), member.getString("ssn"));
        assertFalse(enrolled.body().contains(ssn.substring(0, 6)), "never the whole SSN: " + enrolled.body());
        assertEquals(number + "-S00", member.getString("shareAccount"));

        // the visit now names the new member, verified STRONG by the photo ID: the first deposit posts at once
        JsonObject session = desk.rep1.get("api/calls/current").json();
        assertEquals(number, session.getString("memberNumber"));
        assertEquals("STRONG", session.getString("level"));
        JsonObject file = desk.member(number);
        assertEquals("Ada", file.getString("firstName"));
        assertEquals("0.00", desk.account(number + "-S00").getString("ledgerBalance"));
        Api.Reply deposit = transaction(cashDeposit(visit, number + "-S00"));
        assertEquals(201, deposit.status(), deposit.toString());
        assertEquals("25.00", desk.account(number + "-S00").getString("ledgerBalance"));

        // the same SSN again, under another name and without dashes: refused, nothing written
        String again = newVisit(desk.rep2);
        Api.Reply duplicate = desk.rep2.post("api/enrolments", enrolment(again, "Adeline", "Quintero", ssn.replace("-", "")).build().toString());
        assertEquals(409, duplicate.status(), duplicate.toString());
        assertEquals("SSN_ALREADY_ENROLLED", duplicate.code());
        assertFalse(duplicate.body().contains(number), "the refusal does not say whose SSN it is: " + duplicate);
        assertEquals(0, desk.super1.get("api/members?q=Quintero").json().getInt("total"));

        // a visit about a member already is not the place to enrol someone
        Api.Reply taken = desk.rep1.post("api/enrolments", enrolment(visit, "Bo", "Quint", nextSsn()).build().toString());
        assertEquals(409, taken.status(), taken.toString());
        assertEquals("MEMBER_ALREADY_IDENTIFIED", taken.code());
        desk.calls.endCall(desk.rep1);
        desk.calls.endCall(desk.rep2);
    }

    @Test
    void b_a_possible_sanctions_match_waits_for_another_supervisor() {
        String visit = newVisit(desk.rep1);
        String ssn = nextSsn();
        Api.Reply held = desk.rep1.post("api/enrolments", enrolment(visit, "Kestrel", "Zorvat", ssn).build().toString());
        JsonObject review = review(held);
        assertFalse(held.body().contains(ssn.substring(0, 6)), "the review never shows the SSN: " + held.body());
        assertEquals(0, desk.super1.get("api/members?q=Zorvat").json().getInt("total"), "no member while the review waits");

        // a supervisor who enrols a possible match cannot clear their own request
        String ownVisit = newVisit(desk.super1);
        JsonObject own = review(desk.super1.post("api/enrolments", enrolment(ownVisit, "Tamsin", "Abarghoul", nextSsn()).build().toString()));
        Api.Reply self = desk.approve(desk.super1, Desk.id(own), "looks fine");
        assertEquals(403, self.status(), self.toString());
        assertEquals("SELF_APPROVAL", self.code());

        // another supervisor clears it: the member is written now
        Api.Reply cleared = desk.approve(desk.super2, Desk.id(review), "Different date of birth from the listed person");
        assertEquals(200, cleared.status(), cleared.toString());
        JsonObject decided = desk.approval(desk.rep1, Desk.id(review));
        assertEquals("APPROVED", decided.getString("status"), decided.toString());
        assertTrue(Desk.events(decided).contains("EXECUTED"), decided.toString());
        JsonObject found = desk.super1.get("api/members?q=Zorvat").json();
        assertEquals(1, found.getInt("total"), found.toString());

        // the other is rejected with a reason: nothing is enrolled
        Api.Reply rejected = desk.deny(desk.super2, Desk.id(own), "Same person as the listed entry");
        assertEquals(200, rejected.status(), rejected.toString());
        assertEquals("DENIED", desk.approval(desk.super1, Desk.id(own)).getString("status"));
        assertEquals(0, desk.super1.get("api/members?q=Abarghoul").json().getInt("total"));

        // every screening is logged, hit or not, with the list's version and the score, never an SSN
        String clearVisit = newVisit(desk.rep1);
        assertEquals(201, desk.rep1.post("api/enrolments", enrolment(clearVisit, "Marlo", "Fennimore", nextSsn()).build().toString()).status());
        Api.Reply log = desk.admin1.get("api/security-log?type=SANCTIONS_SCREENED&size=200");
        assertEquals(200, log.status(), log.toString());
        assertTrue(log.body().contains("POSSIBLE_MATCH"), log.body());
        assertTrue(log.body().contains("CLEAR"), log.body());
        assertTrue(log.body().contains("sha256:"), log.body());
        assertFalse(log.body().contains(ssn.substring(0, 6)), log.body());
        desk.calls.endCall(desk.rep1);
        desk.calls.endCall(desk.super1);
    }

    @Test
    void c_a_name_change_and_an_official_check_payee_are_screened() {
        JsonObject member = desk.claimActive("name change and payee");
        String number = member.getString("memberNumber");
        String share = Desk.numberOf(member, "SHARE", "ACTIVE");
        String visit = desk.cashSession(desk.rep1, number);
        desk.fund(share, "200.00");

        Api.Reply clear = desk.rep1.post("api/calls/" + visit + "/name", name(member.getString("firstName"), "Brightwater"));
        assertEquals(200, clear.status(), clear.toString());
        assertEquals("Brightwater", desk.member(number).getString("lastName"));
        Api.Reply badName = desk.rep1.post("api/calls/" + visit + "/name", name("Ann", "<script>"));
        assertEquals(400, badName.status(), badName.toString());

        JsonObject renaming = review(desk.rep1.post("api/calls/" + visit + "/name", name("Oberon", "Quilmarsh")));
        assertEquals("Brightwater", desk.member(number).getString("lastName"), "unchanged while the review waits");
        assertEquals(200, desk.approve(desk.super1, Desk.id(renaming), "Member's marriage certificate seen; not the listed person").status());
        assertEquals("Quilmarsh", desk.member(number).getString("lastName"));

        int entries = desk.entries();
        JsonObject check = review(transaction(moneyOrder(visit, share, "Blackfen Trading Ltd")));
        assertEquals(entries, desk.entries(), "nothing posts while the review waits");
        assertEquals(200, desk.approve(desk.super1, Desk.id(check), "Payee confirmed as a local business of that name").status());
        JsonObject posted = desk.approval(desk.rep1, Desk.id(check));
        assertTrue(Desk.events(posted).contains("EXECUTED"), posted.toString());
        assertEquals(entries + 1, desk.entries());

        Api.Reply plain = transaction(moneyOrder(visit, share, "Lakeside Plumbing"));
        assertEquals(201, plain.status(), plain.toString());
        Api.Reply payeeOnDeposit = transaction(cashDeposit(visit, share).add("payee", "Someone"));
        assertEquals(400, payeeOnDeposit.status(), payeeOnDeposit.toString());
        desk.calls.endCall(desk.rep1);
    }

    @Test
    void d_the_desk_enrols_a_member_and_the_supervisor_reads_a_sanctions_review() {
        desk.calls.endCall(desk.rep1);
        String ssn = nextSsn();
        try (Browser browser = Browser.start()) {
            browser.open(deployment.toString());
            signIn(browser, "rep1");
            browser.waitFor(By.id("start-visit-button")).click();
            browser.waitFor(By.id("enrol-open")).click();
            String[] typed = {"enrol-first-name", "Wren", "enrol-last-name", "Halloway", "enrol-date-of-birth", today.minusYears(41).toString(),
                "enrol-ssn", ssn, "enrol-line1", "8 Orchard Lane", "enrol-city", "Springfield", "enrol-state", "il", "enrol-zip", "62704",
                "enrol-phone", "217-555-0188", "enrol-id-last4", "7788", "enrol-id-expires", Calls.unexpiredOn(desk.rep1)};
            for (int i = 0; i < typed.length; i += 2) {
                browser.driver().findElement(By.id(typed[i])).sendKeys(typed[i + 1]);
            }
            browser.screenshot("enrolment-01-form");
            browser.driver().findElement(By.id("enrol-button")).click();
            browser.until(driver -> driver.findElement(By.id("call-member")).getText().startsWith("7"));
            browser.waitForText(By.id("call-level"), "STRONG");
            browser.waitForText(By.id("identify-result"), "Enrolled member");
            assertFalse(browser.driver().getPageSource().contains(ssn.substring(0, 6)), "the SSN is not on the page after enrolment");
            browser.screenshot("enrolment-02-enrolled");
            String number = browser.driver().findElement(By.id("call-member")).getText();
            assertEquals("Halloway", desk.member(number).getString("lastName"));

            // a possible match raised by another rep, read by a supervisor in words
            String visit = newVisit(desk.rep2);
            long held = Desk.id(review(desk.rep2.post("api/enrolments", enrolment(visit, "Drazen", "Velkanovich", nextSsn()).build().toString())));
            browser.driver().findElement(By.id("sign-out")).click();
            signIn(browser, "super1");
            browser.waitFor(By.partialLinkText("Approvals")).click();
            WebElement request = browser.waitFor(By.cssSelector("article[data-approval='" + held + "']"));
            assertTrue(request.getText().contains("Enrol new member Drazen Velkanovich"), request.getText());
            assertTrue(request.getText().contains("possible match of VELKANOVIC, Drazen Ostrog"), request.getText());
            assertFalse(request.getText().contains("sealed"), "the held SSN is not shown, not even sealed: " + request.getText());
            browser.screenshot("enrolment-03-sanctions-review");
            browser.driver().findElement(By.id("decision-reason-" + held)).sendKeys("Born in another decade than the listed person.", Keys.ENTER);
            browser.waitForText(By.id("approval-decided"), "carried out");
            browser.driver().findElement(By.id("sign-out")).click();
        }
        assertEquals(1, desk.super1.get("api/members?q=Velkanovich").json().getInt("total"));
        desk.calls.endCall(desk.rep1);
        desk.calls.endCall(desk.rep2);
    }

    // ---------------------------------------------------------------- helpers

    private String newVisit(Api staff) {
        desk.calls.endCall(staff);
        Api.Reply started = staff.post("api/visits", "");
        assertEquals(201, started.status(), started.toString());
        return started.json().getString("id");
    }

    private JsonObjectBuilder enrolment(String visit, String first, String last, String ssn) {
        return Json.createObjectBuilder().add("sessionId", visit).add("firstName", first).add("lastName", last)
                .add("dateOfBirth", today.minusYears(34).toString()).add("ssn", ssn)
                .add("line1", "12 Lakeview Ave").add("city", "Springfield").add("state", "IL").add("zip", "62701")
                .add("phone", "(217) 555-0142").add("email", "member@example.org")
                .add("photoIdType", "DRIVERS_LICENSE").add("photoIdLast4", "4321")
                .add("photoIdExpires", Calls.unexpiredOn(desk.rep1));
    }

    private Api.Reply transaction(JsonObjectBuilder body) {
        return desk.rep1.post("api/transactions", body.build().toString(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

}
