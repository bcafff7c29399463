package coop.tally.console;

import coop.tally.posting.Calls;
import coop.tally.support.Api;
import coop.tally.support.Browser;
import coop.tally.support.TallyDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real headless Chromium against the shipped WAR: a rep's whole call with a
 * posting, text that tries to become HTML, signing out, and an auditor's verification. Each test
 * asserts what the page shows, and leaves screenshots in target/screenshots for a reviewer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";
    private static final Pattern PASSCODE = Pattern.compile("\\b(\\d{6})\\b");

    private static Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void noOpenCalls() {
        // a call left open by an earlier test would be resumed by the desk; start each test clean
        Api anonymous = Api.at(deployment);
        for (String staff : List.of("rep1", "super1")) {
            Api signedIn = anonymous.signIn(staff);
            Api.Reply current = signedIn.get("api/calls/current");
            if (current.status() == 200) {
                signedIn.post("api/calls/" + current.json().getString("id") + "/end", "{\"disposition\":\"RESOLVED\"}");
            }
        }
    }

    @AfterEach
    void signOutAndCheckPolicy() {
        List<String> violations = browser.policyViolations();
        if (!browser.driver().findElements(By.id("sign-out")).isEmpty()
                && browser.driver().findElement(By.id("sign-out")).isDisplayed()) {
            browser.driver().findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("sign-in"));
        }
        assertEquals(List.of(), violations, "the console's own pages break none of its Content-Security-Policy");
    }

    @Test
    void a_reps_whole_call_with_a_posting_a_note_and_its_end() {
        browser.open(deployment.toString());
        browser.waitFor(By.id("sign-in"));
        browser.screenshot("01-sign-in");
        signIn("rep1");

        // the rep's home is the call desk; the caller's number and the member are typed, Enter starts the call
        WebElement ani = browser.waitFor(By.id("ani"));
        assertEquals("ani", browser.focused().getAttribute("id"), "the desk opens with the caller's number ready to type");
        ani.sendKeys("(312) 555-0101");
        browser.driver().findElement(By.id("member-number")).sendKeys("100001", Keys.ENTER);
        assertEquals("100001", browser.waitFor(By.id("call-member")).getText());
        assertEquals("NONE", browser.driver().findElement(By.id("call-level")).getText());
        assertTrue(browser.driver().findElement(By.id("call-ani")).getText().contains("(on file)"));
        assertTrue(browser.driver().findElement(By.id("member")).getText().contains("Verify the caller"),
                "no accounts before the caller is verified");

        // two knowledge answers make the call BASIC and open the member's accounts
        browser.driver().findElement(By.id("kba-dob")).sendKeys("1978-04-12");
        browser.driver().findElement(By.id("kba-zip")).sendKeys("60657", Keys.ENTER);
        browser.waitForText(By.id("verify-result"), "passed");
        assertEquals("verify-result", browser.focused().getAttribute("id"), "the answer takes the focus");
        browser.waitForText(By.id("call-level"), "BASIC");
        assertEquals("", browser.driver().findElement(By.id("kba-dob")).getAttribute("value"), "answers are cleared from the page");
        browser.waitForText(By.id("member-name"), "Eleanor Whitfield");
        assertTrue(browser.driver().findElement(By.id("member-name")).getText().contains("***-**-1234"), "the SSN is masked");
        BigDecimal before = balance("100001-S00");
        assertEquals("KNOWLEDGE passed", browser.driver().findElement(By.id("call-factors")).getText());
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("WITHDRAWAL");
        assertEquals("Needs STRONG verification: this call is BASIC.", browser.driver().findElement(By.id("posting-level")).getText());

        // a passcode sent to a phone on file, read out by the caller (here: from the demo outbox), makes it STRONG
        String callId = browser.driver().findElement(By.id("call-id")).getAttribute("data-call-id");
        assertEquals(callId.substring(0, 8), browser.driver().findElement(By.id("call-id")).getText(), "the desk shows the call's short reference");
        browser.driver().findElement(By.id("send-passcode")).click();
        browser.waitForText(By.id("passcode-sent"), "Passcode sent to");
        // the field takes the focus once the call is read again after the send
        browser.until(driver -> "passcode".equals(browser.focused().getAttribute("id")));
        browser.focused().sendKeys(outboxCode(callId), Keys.ENTER);
        browser.waitForText(By.id("call-level"), "STRONG");
        browser.waitForText(By.id("call-factors"), "PASSCODE passed");
        assertEquals("Needs STRONG verification.", browser.driver().findElement(By.id("posting-level")).getText());
        // a STRONG caller's verification forms fold away: accounts, the posting form and the log fit 1400×1000 unscrolled
        browser.until(driver -> !driver.findElement(By.id("knowledge")).isDisplayed());
        browser.script("window.scrollTo(0, 0)");
        for (String wanted : List.of("#accounts tbody tr:last-child", "#posting-form button[type='submit']", "#call-log h2", "#call-log li")) {
            Number bottom = (Number) browser.script("const box = document.querySelector(arguments[0]).getBoundingClientRect();"
                    + " return box.bottom <= window.innerHeight ? 0 : box.bottom - window.innerHeight", wanted);
            assertEquals(0, bottom.intValue(), wanted + " is below the screen by " + bottom + " px");
        }
        browser.screenshot("02-desk-verified");
        browser.driver().findElement(By.id("unfold-verification")).click();
        assertTrue(browser.driver().findElement(By.id("knowledge")).isDisplayed(), "the rep can unfold the forms");
        browser.driver().findElement(By.id("unfold-verification")).click();

        // the loan's payoff is quoted before a payment is typed
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("LOAN_PAYMENT");
        browser.driver().findElement(By.id("payoff-button")).click();
        assertTrue(browser.waitFor(By.id("payoff-amount")).getText().matches("\\$[0-9,]+\\.\\d\\d"),
                browser.driver().findElement(By.id("payoff")).getText());

        // a transfer between the member's own accounts, the amount typed as money
        keyOwnTransfer("savings top-up", "1,234.5");
        WebElement posted = browser.waitForText(By.id("post-result"), "Posted");
        String expected = before.add(new BigDecimal("1234.50")).toPlainString();
        assertTrue(posted.getText().contains("100001-S00"), posted.getText());
        assertTrue(posted.getText().replace(",", "").contains("$" + expected), "the new balance " + expected + " in: " + posted.getText());
        assertEquals("post-result", browser.focused().getAttribute("id"));
        browser.until(driver -> balance("100001-S00").compareTo(new BigDecimal(expected)) == 0);
        browser.screenshot("03-desk-posted");

        // the member's receipt: masked accounts, the rep, the time in the credit union's zone, the new available
        // balance; printing it is on the security log
        String entryId = browser.driver().findElement(By.id("posted-entry")).getText();
        browser.script("window.printed = 0; window.print = () => { window.printed += 1; };");
        browser.driver().findElement(By.id("print-receipt")).click();
        WebElement receipt = browser.waitFor(By.id("receipt"));
        browser.until(driver -> ((Number) browser.script("return window.printed")).intValue() == 1);
        assertEquals(entryId, receipt.findElement(By.id("receipt-entry")).getText());
        assertFalse(receipt.getText().contains("100001-S"), "account numbers are masked: " + receipt.getText());
        assertTrue(receipt.getText().contains("••••01-S00") && receipt.getText().contains("••••01-S10"), receipt.getText());
        String zone = Api.at(deployment).signIn("rep1").get("api/me").json().getString("zone");
        JsonObject entry = Api.at(deployment).signIn("audit1").get("api/transactions/" + entryId).json();
        assertEquals(browser.script("return new Date(arguments[0]).toLocaleString('en-US', {timeZone: arguments[1], timeZoneName: 'short'})",
                entry.getString("postedAt"), zone), receipt.findElement(By.id("receipt-time")).getText());
        assertEquals(browser.driver().findElement(By.id("who-name")).getText(), receipt.findElement(By.id("receipt-rep")).getText());
        String available = Api.at(deployment).signIn("super1").get("api/members/100001").json().getJsonArray("accounts").stream()
                .map(account -> account.asJsonObject()).filter(account -> account.getString("accountNumber").equals("100001-S00"))
                .findFirst().orElseThrow().getString("availableBalance");
        assertTrue(receipt.getText().replace(",", "").contains("••••01-S00 $" + available), receipt.getText());
        browser.screenshot("03b-desk-receipt");
        Api.Reply printed = Api.at(deployment).signIn("audit1").get("api/security-log?staff=rep1&type=RECEIPT_PRINTED&size=500");
        assertTrue(printed.body().contains("entry " + entryId), printed.toString());

        // the history shows the entry; a note is appended; the log names the posting
        browser.driver().findElement(By.cssSelector("#accounts tr[data-account='100001-S00'] .history-button")).click();
        WebElement history = browser.waitForText(By.id("history"), "savings top-up");
        assertTrue(history.getText().contains("1,234.50"), history.getText());
        new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys("o").keyUp(Keys.ALT).perform();
        WebElement note = browser.focused();
        assertEquals("note-text", note.getAttribute("id"), "Alt+O goes to the note");
        note.sendKeys("Member asked to move money to savings.");
        note.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.waitForText(By.id("note-list"), "Member asked to move money to savings.");
        browser.waitForText(By.id("call-log"), "posting");
        browser.screenshot("04-desk-note");

        // the call ends with a disposition and the desk is ready for the next call
        new Select(browser.driver().findElement(By.id("disposition"))).selectByValue("RESOLVED");
        browser.driver().findElement(By.id("end-call")).click();
        WebElement ended = browser.waitForText(By.id("start-result"), "ended");
        assertEquals("Call " + callId.substring(0, 8) + " ended: RESOLVED.", ended.getText());
        browser.waitFor(By.id("ani"));
        browser.screenshot("05-desk-ended");
    }

    @Test
    void markup_in_a_memo_and_a_note_is_shown_as_text() {
        browser.open(deployment.toString());
        // amounts typed as money become the API's decimal strings, or nothing
        browser.waitFor(By.id("sign-in"));
        Object parsed = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "import('./js/money.js').then(m => done(['1,234.5', '$12', '0.07', '007.10', '0', '0.00', '-5', '1e3', '1.234', 'abc', '']"
                + ".map(t => String(m.parseAmount(t)))));");
        assertEquals(List.of("1234.50", "12.00", "0.07", "7.10", "null", "null", "null", "null", "null", "null", "null"), parsed);
        // each final answer of GET /api/approvals/{id} (ApprovalJson) in the words the waiting rep reads
        Object decisions = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "import('./js/approval-wait.js').then(m => done(["
                + "{status: 'PENDING', events: [{type: 'REQUESTED', actor: 'rep1'}]},"
                + "{status: 'APPROVED', events: [{type: 'APPROVED', actor: 'super1', reason: 'ok'}]},"
                + "{status: 'APPROVED', events: [{type: 'APPROVED', actor: 'super1', reason: 'ok'}, {type: 'EXECUTED', entryId: 42}],"
                + " outcome: {result: 'EXECUTED', entryId: 42}},"
                + "{status: 'APPROVED', events: [{type: 'APPROVED', actor: 'super2'}, {type: 'REFUSED', code: 'INSUFFICIENT_FUNDS'}],"
                + " outcome: {result: 'REFUSED', code: 'INSUFFICIENT_FUNDS'}},"
                + "{status: 'DENIED', events: [{type: 'DENIED', actor: 'super2', reason: 'Call the member back first'}]},"
                + "{status: 'EXPIRED', events: [{type: 'EXPIRED', actor: 'system'}]}"
                + "].map(a => { const d = m.decisionOf(a); return d.done ? (d.ok ? 'ok: ' : 'not: ') + d.text : 'waiting'; })));");
        assertEquals(List.of("waiting", "waiting",
                "ok: Approved by super1 (ok) and posted: entry 42",
                "not: Approved by super2 but refused when re-checked (INSUFFICIENT_FUNDS): nothing was posted",
                "not: Denied by super2: Call the member back first",
                "not: Expired: no supervisor decided in time; nothing was posted"), decisions);
        signIn("rep1");
        browser.waitFor(By.id("ani")).sendKeys("+13125550101");
        browser.driver().findElement(By.id("member-number")).sendKeys("100001", Keys.ENTER);
        browser.waitFor(By.id("kba-dob")).sendKeys("1978-04-12");
        browser.driver().findElement(By.id("kba-ssn")).sendKeys("1234", Keys.ENTER);
        browser.waitForText(By.id("call-level"), "BASIC");
        browser.waitFor(By.id("posting-form"));

        String memo = SCRIPT + IMG;
        keyOwnTransfer(memo, "1.00");
        browser.waitForText(By.id("post-result"), "Posted");
        assertEquals(memo, browser.driver().findElement(By.cssSelector("#post-result q.memo")).getText());

        browser.driver().findElement(By.cssSelector("#accounts tr[data-account='100001-S00'] .history-button")).click();
        browser.waitForText(By.id("history"), SCRIPT);
        assertTrue(browser.driver().findElement(By.id("history")).getText().contains(memo));

        String note = IMG + " and " + SCRIPT;
        browser.driver().findElement(By.id("note-text")).sendKeys(note);
        browser.driver().findElement(By.id("add-note")).click();
        browser.waitForText(By.id("note-list"), "onerror");
        assertEquals(note, browser.driver().findElement(By.cssSelector("#note-list .note-text")).getText());

        // a referral note is shown as text too, in the desk's list of referrals made in the call
        String referralNote = SCRIPT + " " + IMG;
        browser.until(driver -> !driver.findElements(By.cssSelector("#referral-product option")).isEmpty());
        new Select(browser.driver().findElement(By.id("referral-product"))).selectByIndex(0);
        new Select(browser.driver().findElement(By.id("referral-disposition"))).selectByValue("REFERRED");
        browser.driver().findElement(By.id("referral-notes")).sendKeys(referralNote);
        browser.driver().findElement(By.id("referral-button")).click();
        browser.waitForText(By.id("referral-result"), "logged");
        assertEquals("referral-result", browser.focused().getAttribute("id"), "the answer takes the focus");
        assertEquals(referralNote, browser.driver().findElement(By.cssSelector("#referral-list .referral-notes")).getText());
        browser.waitForText(By.id("call-log"), "referral");
        browser.screenshot("06-markup-as-text");

        // nothing became an element, and nothing ran
        assertEquals(0L, browser.script("return document.querySelectorAll('img').length"), "no injected image");
        assertEquals(0L, browser.script("return Array.from(document.scripts).filter(s => s.textContent.includes('alert')).length"),
                "no injected script");
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }

    @Test
    void signing_out_revokes_the_token_and_leaves_nothing_in_the_browser() {
        browser.open(deployment.toString());
        signIn("super1");
        browser.waitFor(By.id("member-search")).sendKeys("Whitfield", Keys.ENTER);
        browser.waitForText(By.id("member-hits"), "Eleanor Whitfield");
        browser.screenshot("07-supervisor");
        browser.driver().findElement(By.id("member-search")).sendKeys(Keys.SHIFT, Keys.TAB);
        new Actions(browser.driver()).sendKeys("?").perform();
        WebElement shortcuts = browser.waitFor(By.id("shortcuts"));
        assertTrue(shortcuts.getText().contains("Alt+F") && shortcuts.getText().contains("find a member"), shortcuts.getText());
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.waitUntilGone(By.id("shortcuts"));
        String token = (String) browser.script("return sessionStorage.getItem('tally.token')");
        assertEquals(200, Api.at(deployment).as(token).get("api/me").status());
        assertEquals(0L, browser.script("return localStorage.length"), "nothing in localStorage");
        assertEquals(1L, browser.script("return sessionStorage.length"), "only the token in sessionStorage");
        assertFalse(browser.driver().getCurrentUrl().contains("100001"), "no member data in the address");

        String policy = Api.at(deployment).get("index.html").header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self';") && policy.contains("require-trusted-types-for 'script'")
                && !policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);

        browser.driver().findElement(By.id("sign-out")).click();
        browser.waitForText(By.id("sign-in-result"), "signed out");
        assertNull(browser.script("return sessionStorage.getItem('tally.token')"));
        assertEquals(401, Api.at(deployment).as(token).get("api/me").status(), "the server revoked the token");

        // a token revoked elsewhere (or expired) ends the console's session at its next request
        signIn("super1");
        String second = (String) browser.script("return sessionStorage.getItem('tally.token')");
        assertEquals(204, Api.at(deployment).as(second).post("api/auth/logout", "").status());
        browser.waitFor(By.id("member-search")).sendKeys("Whitfield", Keys.ENTER);
        browser.waitForText(By.id("sign-in-result"), "Your session has ended");
        assertNull(browser.script("return sessionStorage.getItem('tally.token')"));
    }

    @Test
    void the_third_failed_verification_locks_phone_access_and_a_supervisor_unlocks_it() {
        browser.open(deployment.toString());
        signIn("rep1");
        browser.waitFor(By.id("ani")).sendKeys("+13125550000");
        browser.driver().findElement(By.id("member-number")).sendKeys("100007", Keys.ENTER);
        assertTrue(browser.waitFor(By.id("red-flags")).getText().contains("caller number not on file"),
                browser.driver().findElement(By.id("red-flags")).getText());
        for (int attempt = 1; attempt <= 3; attempt++) {
            browser.driver().findElement(By.id("kba-dob")).sendKeys("1900-01-01");
            browser.driver().findElement(By.id("kba-zip")).sendKeys("00000", Keys.ENTER);
            browser.waitForText(By.id("call-factors"), attempt == 1 ? "KNOWLEDGE failed" : "KNOWLEDGE failed " + attempt + "×");
        }
        assertTrue(browser.driver().findElement(By.id("verify-result")).getText().contains("Phone access is now locked"),
                browser.driver().findElement(By.id("verify-result")).getText());
        browser.driver().findElement(By.id("kba-dob")).sendKeys("1978-04-12");
        browser.driver().findElement(By.id("kba-zip")).sendKeys("60657", Keys.ENTER);
        browser.waitForText(By.id("verify-result"), "PHONE_ACCESS_LOCKED");
        browser.waitForText(By.id("red-flags"), "phone access locked: a supervisor must unlock it");
        assertEquals("NONE", browser.driver().findElement(By.id("call-level")).getText());
        browser.screenshot("11-desk-locked");

        // the rep asks a supervisor to unlock it, inside the call; the request waits in the approval queue
        // a request withdrawn by its maker is shown as cancelled; then the rep asks again
        browser.driver().findElement(By.id("unlock-reason")).sendKeys("Caller sounded right.", Keys.ENTER);
        browser.waitForText(By.id("unlock-result"), "Waiting for a supervisor");
        browser.driver().findElement(By.cssSelector("#unlock-result .withdraw-request")).click();
        browser.waitForText(By.id("unlock-result"), "Cancelled by rep1");
        assertEquals("CANCELLED", browser.driver().findElement(By.cssSelector("#unlock-result .approval-status")).getText());
        browser.driver().findElement(By.id("unlock-reason")).sendKeys("Identity confirmed in branch with photo ID.", Keys.ENTER);
        WebElement waiting = browser.waitForText(By.id("unlock-result"), "Waiting for a supervisor");
        assertTrue(waiting.getText().contains("PHONE_UNLOCK"), waiting.getText());
        String approvalId = browser.driver().findElement(By.cssSelector("#unlock-result .approval-id")).getText();
        browser.driver().findElement(By.id("sign-out")).click();

        signIn("super1");
        browser.waitFor(By.partialLinkText("Approvals")).click();
        WebElement request = browser.waitFor(By.cssSelector("article[data-approval='" + approvalId + "']"));
        assertTrue(request.getText().contains("member 100007") && request.getText().contains("Identity confirmed"), request.getText());
        browser.driver().findElement(By.id("decision-reason-" + approvalId)).sendKeys("Checked the branch visit.", Keys.ENTER);
        WebElement decided = browser.waitForText(By.id("approval-decided"), "carried out");
        assertTrue(decided.getText().contains("Approved by super1"), decided.getText());
        JsonObject approval = Api.at(deployment).signIn("super2").get("api/approvals/" + approvalId).json();
        assertEquals("APPROVED", approval.getString("status"));
        assertEquals("EXECUTED", approval.getJsonObject("outcome").getString("result"));
        browser.screenshot("12-supervisor-unlock");
    }

    @Test
    void an_auditor_verifies_the_ledger_and_searches_the_trail() {
        // a posting made over the API in rep2's call, for the auditor to find
        Api anonymous = Api.at(deployment);
        Api rep2 = anonymous.signIn("rep2");
        Calls calls = new Calls(anonymous.signIn("super1"), anonymous.signIn("admin1"));
        String callId = calls.verifiedCall(rep2, "100001", "BASIC");
        Api.Reply posted = rep2.post("api/transactions", "{\"type\":\"TRANSFER\",\"fromAccount\":\"100001-S10\","
                + "\"toAccount\":\"100001-S00\",\"amount\":\"7.00\",\"memo\":\"for the auditor\",\"sessionId\":\"" + callId + "\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, posted.status(), posted.toString());
        long entryId = posted.json().getJsonObject("entry").getJsonNumber("id").longValue();
        calls.endCall(rep2);

        browser.open(deployment.toString());
        signIn("audit1");
        browser.waitFor(By.id("trail-form"));
        browser.driver().findElement(By.id("trail-staff")).sendKeys("rep2", Keys.ENTER);
        WebElement found = browser.waitForText(By.id("trail-results"), "for the auditor");
        assertTrue(found.getText().contains("TRANSFER") && found.getText().contains("$7.00"), found.getText());
        // the call column shows the call's short reference; the whole id is in its title
        WebElement callButton = browser.driver().findElement(By.xpath("//div[@id='trail-results']//button[@title='" + callId + "']"));
        assertEquals(callId.substring(0, 8), callButton.getText());
        // every time is in the credit union's zone and says so; the page bar names the zone
        Api auditor = anonymous.signIn("audit1");
        String zone = auditor.get("api/me").json().getString("zone");
        assertEquals("Times: " + zone, browser.driver().findElement(By.id("zone")).getText());
        String postedAt = browser.driver().findElement(By.cssSelector("#trail-results tbody tr td:nth-child(3)")).getText();
        assertEquals(browser.script("return new Date(arguments[0]).toLocaleString('en-US', {timeZone: arguments[1], timeZoneName: 'short'})",
                posted.json().getJsonObject("entry").getString("postedAt"), zone), postedAt);
        // at 1400 px no identifier wraps: what the entry, date, type, staff and call cells hold is one line high
        for (int column : new int[] {1, 2, 4, 5, 6}) {
            WebElement cell = browser.driver().findElement(By.cssSelector("#trail-results tbody tr td:nth-child(" + column + ")"));
            assertTrue(contentHeight(cell) < 2 * lineHeight(cell), "column " + column + " wraps: " + cell.getText());
        }
        // the same search downloads as CSV: one row per journal line, the entry's header on each
        browser.driver().findElement(By.id("trail-csv")).click();
        Api.Reply csv = auditor.get("api/audit/trail.csv?staff=rep2", "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> csvRows = List.of(csv.body().split("\r\n"));
        assertEquals("entry_id,business_date,posted_at_utc,type,posted_by,approved_by,call_or_visit,memo,reverses_entry,"
                + "reason_code,line,side,account,amount", csvRows.get(0));
        assertEquals(2, csvRows.stream().filter(row -> row.startsWith(entryId + ",") && row.contains(",TRANSFER,rep2,,"
                + callId + ",for the auditor,") && row.endsWith(",7.00")).count(), csv.body());
        assertEquals("Downloaded tally-trail.csv: " + (csvRows.size() - 1) + " journal lines.",
                browser.waitForText(By.id("trail-csv-result"), "Downloaded").getText());
        callButton.click();
        WebElement trail = browser.waitForText(By.id("call-trail"), "entry");
        assertTrue(trail.getText().contains("KNOWLEDGE PASS") && trail.getText().contains("for the auditor"), trail.getText());
        browser.screenshot("08-audit-trail");

        // an entry with many lines (the showcase member's opening balances: four accounts and GL 3900) is folded
        int lines = auditor.get("api/audit/trail?member=100001&type=OPENING_BALANCE").json().getJsonArray("items")
                .getJsonObject(0).getJsonArray("lines").size();
        assertTrue(lines > 3, "the showcase member's opening entry has " + lines + " lines");
        browser.driver().findElement(By.id("trail-staff")).clear();
        browser.driver().findElement(By.id("trail-member")).sendKeys("100001");
        new Select(browser.driver().findElement(By.id("trail-type"))).selectByValue("OPENING_BALANCE");
        browser.driver().findElement(By.id("trail-search")).click();
        WebElement folded = browser.waitFor(By.cssSelector("#trail-results details.more-lines"));
        assertEquals((lines - 2) + " more lines", folded.findElement(By.tagName("summary")).getText());
        assertFalse(folded.getAttribute("open") != null, "folded until asked");
        assertEquals(2, browser.driver().findElements(By.cssSelector("#trail-results tbody tr td:nth-child(8) > .line")).size());
        folded.findElement(By.tagName("summary")).click();
        browser.until(driver -> folded.findElements(By.cssSelector(".line")).stream().allMatch(WebElement::isDisplayed));
        assertEquals(lines - 2, folded.findElements(By.cssSelector(".line")).size());

        browser.driver().findElement(By.linkText("Verify")).click();
        browser.waitFor(By.id("verify-button")).click();
        // the verdict says what was verified: entries, checkpoints and log rows, and what waits for sealing
        String verdict = browser.waitFor(By.id("verify-verdict")).getText();
        assertFalse(verdict.contains("OK"), verdict);
        String journal = browser.driver().findElement(By.id("verify-journal")).getText();
        Matcher sealed = Pattern.compile("^(\\d+) of (\\d+) journal entr(y|ies) sealed and recomputed").matcher(journal);
        assertTrue(sealed.find(), journal);
        long waitingEntries = Long.parseLong(sealed.group(2)) - Long.parseLong(sealed.group(1));
        assertEquals(waitingEntries > 0, journal.contains("; " + waitingEntries + " waiting for sealing"), journal);
        String signed = browser.driver().findElement(By.id("verify-checkpoints")).getText();
        assertTrue(signed.matches("\\d+ journal checkpoints?: signature and root checked; the newest signs \\d+ of the \\d+ sealed entries.*")
                || signed.equals("No journal checkpoint checked: none is signed yet, so no signature was verified"), signed);
        List<WebElement> logs = browser.driver().findElements(By.cssSelector("#verify-what .verify-log"));
        assertEquals(2, logs.size(), "the call log and the security log");
        long waitingRows = waitingEntries;
        for (WebElement log : logs) {
            Matcher rows = Pattern.compile("^(Call|Security) log: (\\d+) of (\\d+) rows? sealed and recomputed").matcher(log.getText());
            assertTrue(rows.find(), log.getText());
            waitingRows += Long.parseLong(rows.group(3)) - Long.parseLong(rows.group(2));
        }
        assertEquals(waitingRows > 0, verdict.contains(waitingRows + (waitingRows == 1 ? " row waits" : " rows wait") + " for sealing"), verdict);
        assertEquals(waitingRows == 0 && !signed.startsWith("No"), verdict.startsWith("Verified: every entry and log row is sealed"), verdict);
        browser.driver().findElement(By.id("replay-button")).click();
        assertEquals("Replay: every stored balance matches the journal", browser.waitFor(By.id("replay-verdict")).getText());
        int before = browser.driver().findElements(By.cssSelector("#checkpoints tbody tr")).size();
        browser.driver().findElement(By.id("checkpoint-button")).click();
        browser.until(driver -> driver.findElements(By.cssSelector("#checkpoints tbody tr")).size() == before + 1);
        assertTrue(browser.driver().findElement(By.cssSelector("#checkpoints tbody tr")).getText().contains("ON_DEMAND"),
                browser.driver().findElement(By.id("checkpoints")).getText());
        browser.driver().findElement(By.id("as-of-account")).sendKeys("100001-S00", Keys.ENTER);
        assertTrue(browser.waitFor(By.id("as-of-balance")).getText().matches("\\$[0-9,]+\\.\\d\\d"));
        browser.driver().findElement(By.id("proof-entry")).sendKeys(String.valueOf(entryId), Keys.ENTER);
        assertTrue(browser.waitForText(By.id("proof-result"), "Entry " + entryId).getText().contains("Entry " + entryId + " is included"),
                browser.driver().findElement(By.id("proof-result")).getText());
        browser.screenshot("09-audit-verify");

        browser.driver().findElement(By.linkText("Export")).click();
        browser.waitFor(By.id("export-form"));
        browser.until(driver -> !driver.findElement(By.id("export-from")).getAttribute("value").isEmpty());
        browser.driver().findElement(By.id("export-button")).click();
        String exported = browser.waitForText(By.id("export-result"), "Downloaded").getText();
        assertTrue(exported.matches("(?s)Downloaded tally-export-\\d{4}-\\d\\d-\\d\\d-\\d{4}-\\d\\d-\\d\\d\\.jsonl: [1-9]\\d* lines.*"), exported);
        browser.screenshot("10-audit-export");
    }

    @Test
    void a_drawer_day_with_a_cash_withdrawal_a_supervisor_approves_in_another_session() {
        browser.open(deployment.toString());
        signIn(browser, "rep1");

        // the drawer opens with the vault's issue and a count whose total shows as it is typed
        browser.waitFor(By.linkText("Drawer")).click();
        browser.waitFor(By.id("vault-issue")).sendKeys("5,000");
        browser.driver().findElement(By.id("open-bill-100")).sendKeys("50");
        assertEquals("$5,000.00", browser.driver().findElement(By.id("open-total")).getText());
        assertEquals("The count matches the issue.", browser.driver().findElement(By.id("open-difference")).getText());
        browser.screenshot("13-drawer-open");
        browser.driver().findElement(By.id("open-drawer")).click();
        browser.waitForText(By.id("drawer-state"), "OPEN");
        assertEquals("drawer-result", browser.focused().getAttribute("id"));
        browser.driver().findElement(By.id("vault-bill-20")).sendKeys("10", Keys.ENTER);
        browser.waitForText(By.id("drawer-result"), "Bought from the vault: $200.00");

        // a branch visit: the member's photo ID makes it STRONG, and only a visit offers cash
        browser.driver().findElement(By.linkText("Call desk")).click();
        browser.waitFor(By.id("visit-member")).sendKeys("100001", Keys.ENTER);
        assertEquals("branch visit (counter)", browser.waitFor(By.id("call-channel")).getText());
        new Select(browser.waitFor(By.id("photo-id-type"))).selectByValue("DRIVERS_LICENSE");
        browser.driver().findElement(By.id("photo-id-last4")).sendKeys("4321");
        browser.driver().findElement(By.id("photo-id-expires")).sendKeys(Calls.unexpiredOn(Api.at(deployment).signIn("rep1")));
        browser.driver().findElement(By.id("photo-id-in-name")).click();
        browser.driver().findElement(By.id("check-photo-id")).click();
        browser.waitForText(By.id("call-level"), "STRONG");
        browser.waitFor(By.id("posting-form"));
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("DEPOSIT");
        new Select(browser.driver().findElement(By.id("posting-tender"))).selectByValue("CASH");
        browser.driver().findElement(By.id("posting-to")).sendKeys("100001-S00");
        browser.driver().findElement(By.id("posting-amount")).sendKeys("2,000", Keys.ENTER);
        browser.waitForText(By.id("post-result"), "Posted");
        // a money order bought with 3,000.00 in cash (and its 5.00 fee): a BSA record names the photo ID as the buyer's
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("OFFICIAL_CHECK");
        new Select(browser.driver().findElement(By.id("posting-tender"))).selectByValue("CASH");
        new Select(browser.driver().findElement(By.id("posting-instrument"))).selectByValue("MONEY_ORDER");
        browser.driver().findElement(By.id("posting-amount")).sendKeys("3000", Keys.ENTER);
        browser.waitForText(By.id("post-result"), "official check");

        // 3,000.00 in cash is above a rep's cash limit: the page waits for a supervisor
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("WITHDRAWAL");
        new Select(browser.driver().findElement(By.id("posting-tender"))).selectByValue("CASH");
        new Select(browser.driver().findElement(By.id("posting-from"))).selectByValue("100001-S00");
        browser.driver().findElement(By.id("posting-amount")).sendKeys("3,000.00", Keys.ENTER);
        WebElement waiting = browser.waitForText(By.id("post-result"), "Waiting for a supervisor");
        assertTrue(waiting.getText().contains("CASH_LIMIT"), waiting.getText());
        String approvalId = browser.driver().findElement(By.cssSelector("#post-result .approval-id")).getText();
        assertEquals("PENDING", browser.driver().findElement(By.cssSelector("#post-result .approval-status")).getText());
        browser.screenshot("14-desk-waiting-for-override");

        // meanwhile super1 asks an override of their own (only another supervisor may decide it), and rep2's
        // drawer is counted 80.00 short, beyond tolerance
        Api anonymous = Api.at(deployment);
        Api super1 = anonymous.signIn("super1");
        Calls calls = new Calls(anonymous.signIn("super2"), anonymous.signIn("admin1"));
        String superCall = calls.verifiedCall(super1, "100001", "STRONG");
        Api.Reply own = super1.post("api/transactions", "{\"type\":\"TRANSFER\",\"fromAccount\":\"100001-S10\","
                + "\"toAccount\":\"100003-S00\",\"amount\":\"1500.00\",\"sessionId\":\"" + superCall + "\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(202, own.status(), own.toString());
        long ownId = own.json().getJsonObject("approval").getJsonNumber("id").longValue();
        calls.endCall(super1);
        Api rep2 = anonymous.signIn("rep2");
        Api.Reply opened = rep2.post("api/drawers", "{\"vaultIssue\":\"100.00\",\"count\":{\"100\":1}}");
        assertEquals(201, opened.status(), opened.toString());
        long shortDrawer = opened.json().getJsonNumber("id").longValue();
        Api.Reply counted = rep2.post("api/drawers/" + shortDrawer + "/close", "{\"count\":{\"20\":1}}");
        assertEquals("AWAITING_APPROVAL", counted.json().getString("state"), counted.toString());

        // a supervisor, in a second browser session, finds it in the queue (read by itself) and approves it
        Browser supervisor = Browser.start();
        try {
            supervisor.open(deployment.toString());
            signIn(supervisor, "super1");
            // on every page the bar counts the requests waiting for this supervisor: others', not their own
            long waitingForSuper1 = super1.get("api/approvals?status=PENDING&limit=100").json().getJsonArray("items").stream()
                    .filter(item -> !item.asJsonObject().getString("requestedBy").equals("super1")).count();
            assertTrue(waitingForSuper1 >= 2, "rep1's withdrawal and rep2's drawer close wait: " + waitingForSuper1);
            supervisor.waitForText(By.id("pending-count"), String.valueOf(waitingForSuper1));
            supervisor.driver().findElement(By.linkText("Drawers")).click();
            assertEquals(String.valueOf(waitingForSuper1), supervisor.waitFor(By.id("pending-count")).getText());
            supervisor.driver().findElement(By.partialLinkText("Approvals")).click();
            WebElement request = supervisor.waitFor(By.cssSelector("article[data-approval='" + approvalId + "']"));
            // what the supervisor decides on, in words and money: whose money, which account, who asked and why
            assertEquals("Cash withdrawal of $3,000.00 from share …S00 of Eleanor Whitfield (member 100001), requested by rep1",
                    request.findElement(By.cssSelector(".approval-sentence")).getText());
            String why = request.findElement(By.cssSelector(".approval-reasons li[data-reason='CASH_LIMIT']")).getText();
            assertTrue(why.matches("Above rep1's cash limit of \\$[0-9,]+\\.\\d\\d \\(CASH_LIMIT\\)"), why);
            for (String apiWord : List.of("fromAccount", "sessionId", "ledgerBalance", "availableBalance", "your", "3000.00")) {
                assertFalse(request.getText().contains(apiWord), apiWord + " in " + request.getText());
            }
            assertTrue(request.getText().contains("Ledger balance") && request.getText().contains("From"), request.getText());
            WebElement mine = supervisor.waitFor(By.cssSelector("article[data-approval='" + ownId + "']"));
            assertTrue(mine.getText().contains("Your own request: another supervisor must decide it.")
                    && mine.getText().contains("TRANSFER_TO_OTHER_MEMBER"), mine.getText());
            assertTrue(mine.findElements(By.cssSelector("button.approve")).isEmpty(), "no approve button on one's own request");
            WebElement close = supervisor.waitFor(By.xpath("//article[@data-maker='rep2']"
                    + "[h3[text()='Close drawer " + shortDrawer + " with $20.00 counted, $100.00 expected, requested by rep2']]"));
            assertTrue(close.getText().contains("The count is short $80.00, beyond the close tolerance of $"), close.getText());
            supervisor.screenshot("15-approval-queue");
            supervisor.driver().findElement(By.id("decision-reason-" + approvalId)).sendKeys("Member known, ID seen at the counter", Keys.ENTER);
            WebElement decided = supervisor.waitForText(By.id("approval-decided"), "posted");
            assertTrue(decided.getText().contains("Approved by super1"), decided.getText());
            supervisor.waitUntilGone(By.cssSelector("article[data-approval='" + approvalId + "']"));
            supervisor.waitForText(By.id("pending-count"), String.valueOf(waitingForSuper1 - 1));

            // the rep's page shows the decision and the posted entry without being asked
            WebElement posted = browser.waitForText(By.id("post-result"), "Posted");
            assertTrue(posted.getText().contains("Approved by super1") && posted.getText().contains("withdrawal"), posted.getText());
            browser.screenshot("16-desk-override-posted");
            new Select(browser.driver().findElement(By.id("disposition"))).selectByValue("RESOLVED");
            browser.driver().findElement(By.id("end-call")).click();
            browser.waitForText(By.id("start-result"), "ended");

            // the blind close: nothing says what the drawer should hold until the count is in
            browser.driver().findElement(By.linkText("Drawer")).click();
            browser.waitFor(By.id("close-form"));
            assertFalse(browser.driver().findElement(By.id("main")).getText().toLowerCase().contains("expected"),
                    "no expected cash before the close count");
            // Enter in an empty count sends nothing: the drawer stays open, its expected cash unseen
            browser.driver().findElement(By.id("close-bill-100")).sendKeys(Keys.ENTER);
            WebElement empty = browser.waitForText(By.id("drawer-result"), "The count is empty");
            assertFalse(empty.getText().toLowerCase().contains("expected"), empty.getText());
            assertEquals("OPEN", browser.driver().findElement(By.id("drawer-state")).getText());
            browser.driver().findElement(By.id("close-bill-100")).sendKeys("70");
            browser.driver().findElement(By.id("close-bill-20")).sendKeys("10");
            browser.driver().findElement(By.id("close-bill-5")).sendKeys("1");
            assertEquals("$7,205.00", browser.driver().findElement(By.id("close-total")).getText());
            browser.driver().findElement(By.id("close-button")).click();
            // a close is confirmed with the total counted before it is sent
            WebElement confirm = browser.waitForText(By.id("close-confirm-text"), "$7,205.00");
            assertTrue(confirm.getText().startsWith("Close the drawer with $7,205.00 counted"), confirm.getText());
            assertEquals("OPEN", browser.driver().findElement(By.id("drawer-state")).getText());
            browser.driver().findElement(By.id("close-confirm-button")).click();
            WebElement closed = browser.waitForText(By.id("drawer-result"), "in balance");
            assertEquals("Counted $7,205.00, expected $7,205.00: in balance. The drawer is closed.", closed.getText());
            assertEquals("CLOSED", browser.driver().findElement(By.id("drawer-state")).getText());
            browser.screenshot("17-drawer-closed");

            // the supervisor's day: the drawer closed in balance; the team's scorecard and a new target
            supervisor.driver().findElement(By.linkText("Drawers")).click();
            WebElement row = supervisor.waitFor(By.xpath("//div[@id='drawers-list']//tr[td[2]='rep1']"));
            assertTrue(row.getText().contains("CLOSED") && row.getText().contains("$0.00"), row.getText());
            // each drawer's cash in and out: what the drawer's own movements (members' cash and reversals) add up to
            long rep1Drawer = Long.parseLong(row.getAttribute("data-drawer"));
            JsonObject day = super1.get("api/drawers/" + rep1Drawer).json();
            BigDecimal in = BigDecimal.ZERO;
            BigDecimal out = BigDecimal.ZERO;
            for (JsonValue movement : day.getJsonArray("movements")) {
                JsonObject line = movement.asJsonObject();
                if (List.of("CASH_POSTING", "REVERSAL").contains(line.getString("kind"))) {
                    BigDecimal amount = new BigDecimal(line.getString("amount"));
                    in = line.getString("direction").equals("IN") ? in.add(amount) : in;
                    out = line.getString("direction").equals("OUT") ? out.add(amount) : out;
                }
            }
            assertTrue(in.signum() > 0 && out.signum() > 0, day.toString());
            assertEquals("$" + String.format(java.util.Locale.US, "%,.2f", in), row.findElement(By.cssSelector(".cash-in")).getText());
            assertEquals("$" + String.format(java.util.Locale.US, "%,.2f", out), row.findElement(By.cssSelector(".cash-out")).getText());
            WebElement waitingDrawer = supervisor.waitFor(By.cssSelector("#drawers-list tr[data-drawer='" + shortDrawer + "']"));
            assertTrue(waitingDrawer.getText().contains("AWAITING_APPROVAL") && waitingDrawer.getText().contains("-$80.00"),
                    waitingDrawer.getText());
            supervisor.screenshot("18-drawers");
            supervisor.driver().findElement(By.id("close-reason-" + shortDrawer)).sendKeys("Recounted with rep2: a misplaced bill.", Keys.ENTER);
            supervisor.waitForText(By.id("drawers-result"), "APPROVED, EXECUTED");
            supervisor.waitFor(By.cssSelector("#drawers-list tr[data-drawer='" + shortDrawer + "'][data-state='CLOSED']"));
            supervisor.driver().findElement(By.linkText("Team")).click();
            WebElement target = supervisor.waitFor(By.id("target-rep1"));
            target.clear();
            target.sendKeys("7", Keys.ENTER);
            supervisor.waitForText(By.id("team-result"), "Referral target of rep1");
            assertTrue(supervisor.driver().findElement(By.id("team-result")).getText().endsWith(": 7."));
            // the table is read again after the change; read the field as it is then, not an element found before
            supervisor.until(driver -> "7".equals(supervisor.script("return document.getElementById('target-rep1')?.value")));
            assertFalse(supervisor.driver().findElements(By.cssSelector("figure[data-figure='CALLS_HANDLED'] svg rect.bar")).isEmpty(),
                    "a bar per rep with a value");
            // a zero is drawn (a hairline), not left out, and every value is labelled next to its bar
            for (WebElement bar : supervisor.driver().findElements(By.cssSelector("svg rect.bar"))) {
                assertTrue(Double.parseDouble(bar.getAttribute("width")) > 0, "value " + bar.getAttribute("data-value") + " has no bar");
            }
            assertFalse(supervisor.driver().findElements(By.cssSelector("svg rect.bar.zero")).isEmpty(), "some rep has a zero this month");
            for (WebElement value : supervisor.driver().findElements(By.cssSelector("svg text.bar-value"))) {
                assertTrue(value.getText().matches("(no value|-?\\$?[0-9,.]+( min \\d\\d s)? \\(#\\d+\\)|\\d+ min \\d\\d s \\(#\\d+\\))"), value.getText());
            }
            supervisor.screenshot("19-team-scorecard");
            supervisor.driver().findElement(By.linkText("BSA")).click();
            WebElement bought = supervisor.waitForText(By.id("bsa-purchases"), "MONEY_ORDER");
            assertTrue(bought.getText().contains("$3,000.00") && bought.getText().contains("ending 4321"), bought.getText());
            supervisor.screenshot("21-bsa");
            assertEquals(List.of(), supervisor.policyViolations());
        } finally {
            supervisor.close();
        }

        // the rep's own scorecard: referrals against the new target as a progress bar
        browser.driver().findElement(By.linkText("Scorecard")).click();
        WebElement progress = browser.waitFor(By.id("referral-progress"));
        assertEquals("7", progress.getAttribute("max"));
        assertTrue(browser.driver().findElement(By.id("referral-figure")).getText().contains(" of 7 referrals"));
        assertTrue(Integer.parseInt(browser.driver().findElement(By.id("calls-handled")).getText()) >= 1);
        browser.screenshot("20-scorecard");
    }

    @Test
    void a_waiting_override_stays_on_the_desk_after_leaving_it_and_a_repeat_must_be_confirmed() {
        Api anonymous = Api.at(deployment);
        Api rep1 = anonymous.signIn("rep1");
        Api super2 = anonymous.signIn("super2");
        String callId = new Calls(anonymous.signIn("super1"), anonymous.signIn("admin1")).verifiedCall(rep1, "100001", "STRONG");
        browser.open(deployment.toString());
        signIn("rep1");
        assertEquals(callId, browser.waitFor(By.id("call-id")).getAttribute("data-call-id"), "the desk resumes the open call");
        browser.waitFor(By.id("posting-form"));

        // 1,500.00 to another member is above a rep's authority: it waits for a supervisor
        transferToAnotherMember("1500");
        browser.waitForText(By.id("post-result"), "Waiting for a supervisor");
        String first = browser.driver().findElement(By.cssSelector("#post-result .approval-id")).getText();
        By firstItem = By.cssSelector("#call-requests li[data-approval='" + first + "']");
        assertTrue(browser.waitForText(firstItem, "waiting for a supervisor").getText()
                .startsWith("Transfer of $1,500.00 from share draft …S10 of Eleanor Whitfield (member 100001) to account …S00 of member 100003"),
                browser.driver().findElement(firstItem).getText());

        // another page and back, then a reload: the desk reads the call's requests from the server again
        browser.driver().findElement(By.linkText("Drawer")).click();
        browser.waitFor(By.cssSelector("main[data-page='drawer']"));
        browser.driver().findElement(By.linkText("Call desk")).click();
        browser.waitForText(firstItem, "waiting for a supervisor");
        browser.driver().navigate().refresh();
        browser.waitForText(firstItem, "waiting for a supervisor");
        browser.screenshot("22-desk-waiting-after-reload");

        // the same posting keyed again: a warning the rep must confirm, nothing sent until then
        browser.waitFor(By.id("posting-form"));
        transferToAnotherMember("1,500.00");
        WebElement warning = browser.waitForText(By.id("repeat-warning"), "request " + first);
        assertTrue(warning.getText().startsWith("This repeats a waiting request."), warning.getText());
        assertEquals("post-again", browser.focused().getAttribute("id"), "the choice takes the focus");
        assertEquals(1, requestsOfCall(rep1, callId), "nothing was sent");
        browser.driver().findElement(By.id("post-keep")).click();
        browser.waitForText(By.id("post-result"), "Not posted");
        assertEquals(1, requestsOfCall(rep1, callId));
        browser.driver().findElement(By.id("posting-amount")).sendKeys(Keys.ENTER);
        browser.waitFor(By.id("post-again")).click();
        browser.waitForText(By.id("post-result"), "Waiting for a supervisor");
        String second = browser.driver().findElement(By.cssSelector("#post-result .approval-id")).getText();
        assertFalse(first.equals(second));
        browser.until(driver -> driver.findElements(By.cssSelector("#call-requests li")).size() == 2);

        // a supervisor elsewhere denies the first: the desk, reloaded since, still shows the decision
        assertEquals(200, super2.post("api/approvals/" + first + "/deny", "{\"reason\":\"Asked twice\"}").status());
        assertTrue(browser.waitForText(firstItem, "Denied by super2: Asked twice").getText().contains("DENIED"),
                browser.driver().findElement(firstItem).getText());
        browser.driver().findElement(By.cssSelector("#call-requests li[data-approval='" + second + "'] .withdraw-request")).click();
        browser.waitForText(By.cssSelector("#call-requests li[data-approval='" + second + "']"), "Cancelled by rep1");
        browser.screenshot("23-desk-requests-decided");
    }

    @Test
    void a_number_a_household_shares_offers_every_member_on_file() {
        // a new member enrolled at the counter with Eleanor Whitfield's mobile number: a household phone
        Api anonymous = Api.at(deployment);
        Api rep2 = anonymous.signIn("rep2");
        Calls calls = new Calls(anonymous.signIn("super1"), anonymous.signIn("admin1"));
        calls.endCall(rep2);
        Api.Reply visit = rep2.post("api/visits", "");
        assertEquals(201, visit.status(), visit.toString());
        String today = rep2.get("api/business-date").json().getString("businessDate");
        Api.Reply enrolled = rep2.post("api/enrolments", Json.createObjectBuilder()
                .add("sessionId", visit.json().getString("id")).add("firstName", "Marta").add("lastName", "Whitfield")
                .add("dateOfBirth", java.time.LocalDate.parse(today).minusYears(40).toString()).add("ssn", "701-23-4567")
                .add("line1", "1234 W Belmont Ave").add("city", "Chicago").add("state", "IL").add("zip", "60657")
                .add("phone", "(312) 555-0101").add("photoIdType", "DRIVERS_LICENSE").add("photoIdLast4", "4321")
                .add("photoIdExpires", Calls.unexpiredOn(rep2)).build().toString());
        assertEquals(201, enrolled.status(), enrolled.toString());
        String marta = enrolled.json().getString("memberNumber");
        calls.endCall(rep2);

        browser.open(deployment.toString());
        signIn("rep1");
        browser.waitFor(By.id("ani")).sendKeys("+13125550101", Keys.ENTER);
        WebElement pop = browser.waitForText(By.id("screen-pop"), "2 members have this number on file");
        assertTrue(pop.getText().contains("100001 — Eleanor Whitfield") && pop.getText().contains(marta + " — Marta Whitfield"), pop.getText());
        browser.screenshot("24-desk-screen-pop");
        pop.findElement(By.cssSelector("button[data-member='" + marta + "']")).click();
        assertEquals(marta, browser.waitForText(By.id("call-member"), marta).getText());
        assertEquals("NONE", browser.driver().findElement(By.id("call-level")).getText(), "caller ID alone never verifies");
    }

    @Test
    void the_desk_keeps_an_open_history_and_the_chosen_posting_type_without_keeping_member_data() {
        Api anonymous = Api.at(deployment);
        Api rep1 = anonymous.signIn("rep1");
        Api super1 = anonymous.signIn("super1");
        Calls calls = new Calls(super1, anonymous.signIn("admin1"));
        // an earlier call of the member, with a note, handled by another rep
        Api rep2 = anonymous.signIn("rep2");
        String earlier = calls.verifiedCall(rep2, "100001", "BASIC");
        String earlierNote = "Asked about a car loan " + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply noted = rep2.post("api/calls/" + earlier + "/notes", "{\"text\":\"" + earlierNote + "\"}");
        assertTrue(noted.status() < 300, noted.toString());
        calls.endCall(rep2);
        calls.verifiedCall(rep1, "100001", "BASIC");
        browser.open(deployment.toString());
        signIn("rep1");
        browser.waitFor(By.id("posting-form"));

        // the member snapshot: the last calls and visits with their notes, and each loan's next payment
        WebElement contacts = browser.waitFor(By.id("recent-contacts"));
        contacts.findElement(By.tagName("summary")).click();
        WebElement contact = browser.waitFor(By.cssSelector("#recent-contacts li[data-contact='" + earlier + "']"));
        assertTrue(contact.getText().contains(earlierNote) && contact.getText().contains("rep2")
                && contact.getText().contains("call " + earlier.substring(0, 8)), contact.getText());
        assertEquals(contact, browser.driver().findElements(By.cssSelector("#recent-contacts > ol > li")).get(0), "newest first");
        assertTrue(browser.driver().findElements(By.cssSelector("#recent-contacts > ol > li")).size() <= 5);
        JsonObject loan = super1.get("api/members/100001").json().getJsonArray("accounts").stream().map(JsonValue::asJsonObject)
                .filter(account -> account.getString("accountNumber").equals("100001-L01")).findFirst().orElseThrow();
        assertEquals("$" + String.format(java.util.Locale.US, "%,.2f", new BigDecimal(loan.getString("paymentAmount"))) + " due " + loan.getString("nextDueDate"),
                browser.driver().findElement(By.cssSelector("#accounts tr[data-account='100001-L01'] .due")).getText());

        browser.driver().findElement(By.cssSelector("#accounts tr[data-account='100001-S00'] .history-button")).click();
        browser.waitForText(By.id("history"), "History of 100001-S00");

        // a posting draws the accounts again: the history stays open, read anew with the posting in it
        String memo = "kept open " + UUID.randomUUID().toString().substring(0, 8);
        keyOwnTransfer(memo, "1.00");
        browser.waitForText(By.id("post-result"), "Posted");
        assertTrue(browser.waitForText(By.id("history"), memo).isDisplayed());

        // the posting type and tender chosen are kept when the rep leaves the desk and comes back, and over a reload
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("DEPOSIT");
        List<WebElement> tenders = new Select(browser.driver().findElement(By.id("posting-tender"))).getOptions();
        assertTrue(tenders.size() > 1, "a deposit by phone offers more than one tender");
        String tender = tenders.get(tenders.size() - 1).getAttribute("value");
        new Select(browser.driver().findElement(By.id("posting-tender"))).selectByValue(tender);
        browser.driver().findElement(By.linkText("Scorecard")).click();
        browser.waitFor(By.cssSelector("main[data-page='scorecard']"));
        browser.driver().findElement(By.linkText("Call desk")).click();
        browser.waitFor(By.id("posting-form"));
        assertEquals("DEPOSIT", new Select(browser.driver().findElement(By.id("posting-type"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals(tender, new Select(browser.driver().findElement(By.id("posting-tender"))).getFirstSelectedOption().getAttribute("value"));
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("LOAN_PAYMENT");
        browser.driver().findElement(By.linkText("Scorecard")).click();
        browser.waitFor(By.cssSelector("main[data-page='scorecard']"));
        browser.driver().findElement(By.linkText("Call desk")).click();
        browser.waitFor(By.id("posting-form"));
        assertEquals("LOAN_PAYMENT", new Select(browser.driver().findElement(By.id("posting-type"))).getFirstSelectedOption().getAttribute("value"));
        assertTrue(browser.driver().findElement(By.id("payoff-button")).isDisplayed(), "the form is arranged for the type kept");
        assertTrue(browser.waitForText(By.id("history"), memo).isDisplayed());
        browser.driver().navigate().refresh();
        browser.waitFor(By.id("posting-form"));
        assertEquals("LOAN_PAYMENT", new Select(browser.driver().findElement(By.id("posting-type"))).getFirstSelectedOption().getAttribute("value"));
        browser.waitForText(By.id("history"), memo);

        // what is kept names no member, account or balance
        String stored = (String) browser.script("return Object.keys(sessionStorage).filter(k => k !== 'tally.token')"
                + ".map(k => k + '=' + sessionStorage.getItem(k)).join(' ')");
        assertTrue(stored.contains("LOAN_PAYMENT"), stored);
        for (String memberData : List.of("100001", "S00", "Whitfield", "Eleanor", "$", "1.00")) {
            assertFalse(stored.contains(memberData), memberData + " in " + stored);
        }

        // a history closed stays closed
        browser.driver().findElement(By.id("history-close")).click();
        browser.waitUntilGone(By.id("history"));
        assertEquals("history-button", browser.focused().getAttribute("class").replace("link ", ""));
        browser.driver().findElement(By.linkText("Scorecard")).click();
        browser.waitFor(By.cssSelector("main[data-page='scorecard']"));
        browser.driver().findElement(By.linkText("Call desk")).click();
        browser.waitFor(By.id("posting-form"));
        assertFalse(browser.driver().findElement(By.id("history")).isDisplayed());
    }

    /** Keys a transfer from member 100001's share draft to their share on the desk, and sends it with Enter. */
    private void keyOwnTransfer(String memo, String amount) {
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("TRANSFER");
        new Select(browser.driver().findElement(By.id("posting-from"))).selectByValue("100001-S10");
        browser.driver().findElement(By.id("posting-to")).sendKeys("100001-S00");
        browser.driver().findElement(By.id("posting-memo")).sendKeys(memo);
        browser.driver().findElement(By.id("posting-amount")).sendKeys(amount, Keys.ENTER);
    }

    private void transferToAnotherMember(String amount) {
        new Select(browser.driver().findElement(By.id("posting-type"))).selectByValue("TRANSFER");
        new Select(browser.driver().findElement(By.id("posting-from"))).selectByValue("100001-S10");
        WebElement to = browser.driver().findElement(By.id("posting-to"));
        to.clear();
        to.sendKeys("100003-S00");
        WebElement field = browser.driver().findElement(By.id("posting-amount"));
        field.clear();
        field.sendKeys(amount, Keys.ENTER);
    }

    private static int requestsOfCall(Api staff, String callId) {
        Api.Reply reply = staff.get("api/approvals?sessionId=" + callId);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").size();
    }

    /** The passcode last sent for the call, as the demo outbox shows it to an admin. */
    private String outboxCode(String callId) {
        Api.Reply outbox = Api.at(deployment).signIn("admin1").get("api/outbox");
        assertEquals(200, outbox.status(), outbox.toString());
        for (JsonObject message : outbox.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            Matcher code = PASSCODE.matcher(message.getString("body"));
            if (callId.equals(message.getString("callId", null)) && code.find()) {
                return code.group(1);
            }
        }
        throw new AssertionError("no passcode in the outbox for call " + callId);
    }

    /** The height of what an element holds (not of the element, which a table row stretches), in pixels. */
    private static double contentHeight(WebElement element) {
        Object height = browser.script("const range = document.createRange(); range.selectNodeContents(arguments[0]); "
                + "return range.getBoundingClientRect().height", element);
        return ((Number) height).doubleValue();
    }

    /** The computed line height of an element's text, in pixels. */
    private static double lineHeight(WebElement element) {
        Object height = browser.script("const style = getComputedStyle(arguments[0]); "
                + "return style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.2 : parseFloat(style.lineHeight)", element);
        return ((Number) height).doubleValue();
    }

    private void signIn(String username) {
        signIn(browser, username);
    }

    private static void signIn(Browser in, String username) {
        in.waitFor(By.id("username")).sendKeys(username);
        in.driver().findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD, Keys.ENTER);
        in.waitFor(By.id("sign-out"));
    }

    private BigDecimal balance(String account) {
        String text = browser.driver().findElement(By.cssSelector("#accounts tr[data-account='" + account + "'] .ledger")).getText();
        return new BigDecimal(text.replace("$", "").replace(",", ""));
    }
}
