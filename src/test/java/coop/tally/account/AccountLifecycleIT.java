package coop.tally.account;

import coop.tally.approval.Desk;
import coop.tally.support.Api;
import coop.tally.support.Browser;
import coop.tally.support.TallyDeployment;
import jakarta.json.Json;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.UUID;

import static coop.tally.account.AccountRequests.account;
import static coop.tally.account.AccountRequests.callEvents;
import static coop.tally.account.AccountRequests.certificate;
import static coop.tally.account.AccountRequests.close;
import static coop.tally.account.AccountRequests.open;
import static coop.tally.account.AccountRequests.opened;
import static coop.tally.account.AccountRequests.payout;
import static coop.tally.account.AccountRequests.transferTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts opened and closed at the desk, over HTTP against the shipped WAR: each type opened with
 * its deposit, each way a closing pays out, each refusal, the early-withdrawal penalty and its
 * waiver by another supervisor, referral auto-conversion, certificate maturity when business days
 * open, and the rep's desk in a browser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountLifecycleIT {

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
        if (desk == null || !deployment.equals(signedInAt)) {
            signedInAt = deployment;
            desk = new Desk(deployment);
        }
    }

    private static String phoneCall(Api staff, String member) {
        return desk.calls.verifiedCall(staff, member, "STRONG");
    }

    // ------------------------------------------------------------------------- opening

    @Test
    @Order(1)
    void a_rep_opens_each_type_with_its_deposit_for_the_member_verified_strong() {
        String member = desk.claimActive("opening each type").getString("memberNumber");
        String visit = desk.cashSession(desk.rep1, member);
        String share = Desk.numberOf(desk.member(member), "SHARE", "ACTIVE");
        BigDecimal shareBefore = desk.available(share);

        Api.Reply draft = open(desk.rep1, account("SHARE_DRAFT", "CASH", "200.00", null));
        assertEquals(201, draft.status(), draft.toString());
        JsonObject drafted = draft.json().getJsonObject("account");
        assertTrue(drafted.getString("accountNumber").matches(member + "-S1[1-9]"), drafted.toString());
        assertEquals("200.00", drafted.getString("ledgerBalance"));
        assertEquals("CASH", draft.json().getJsonObject("deposit").getJsonObject("entry").getString("tender", "CASH"));

        String secondShare = opened(desk.rep1, account("SHARE", "CHECK", "50.00", null));
        assertTrue(secondShare.matches(member + "-S0[1-9]"), secondShare);
        assertEquals("50.00", desk.balance(secondShare).split("/")[0]);

        String key = UUID.randomUUID().toString();
        Api.Reply cd = open(desk.rep1, key, certificate(12, "0.0425", "100.00", share));
        assertEquals(201, cd.status(), cd.toString());
        JsonObject certificate = cd.json().getJsonObject("account");
        LocalDate today = LocalDate.parse(desk.businessDate());
        assertEquals(today.plusMonths(12).toString(), certificate.getString("maturityDate"), "maturity: the business date plus the term");
        assertEquals(12, certificate.getInt("termMonths"));
        assertEquals("100.00", certificate.getString("ledgerBalance"));
        assertEquals(0, shareBefore.subtract(new BigDecimal("100.00")).compareTo(desk.available(share)), "funded by a transfer from the share");

        // the same request again opens nothing new
        int entries = desk.entries();
        Api.Reply again = open(desk.rep1, key, certificate(12, "0.0425", "100.00", share));
        assertEquals(200, again.status(), again.toString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(certificate.getString("accountNumber"), again.json().getJsonObject("account").getString("accountNumber"));
        assertEquals(entries, desk.entries());

        String log = callEvents(desk.rep1, visit);
        assertTrue(log.contains("ACCOUNT_OPENED") && log.contains(certificate.getString("accountNumber")), log);

        // refusals: a loan, a certificate without terms, a bad rate, a BASIC phone call
        assertEquals("TYPE_NOT_OPENED_HERE", open(desk.rep1, account("LOAN", "CASH", "10.00", null)).code());
        assertEquals("FIELD_REQUIRED", open(desk.rep1, account("CERTIFICATE", "ACCOUNT", "10.00", share)).code());
        assertEquals("RATE_INVALID", open(desk.rep1, certificate(12, "0.25", "10.00", share)).code());
        desk.calls.verifiedCall(desk.rep1, member, "BASIC");
        Api.Reply basic = open(desk.rep1, account("SHARE_DRAFT", "CHECK", "10.00", null));
        assertEquals(403, basic.status(), basic.toString());
        assertEquals("VERIFICATION_REQUIRED", basic.code());
        assertEquals(entries, desk.entries(), "refusals post nothing");
    }

    // ------------------------------------------------------------------------- closing

    @Test
    @Order(2)
    void the_balance_leaves_by_transfer_official_check_or_cash_and_a_closed_account_takes_nothing() {
        String member = desk.claimActive("closing paths").getString("memberNumber");
        String visit = desk.cashSession(desk.rep1, member);
        String share = Desk.numberOf(desk.member(member), "SHARE", "ACTIVE");

        String byCash = opened(desk.rep1, account("SHARE_DRAFT", "CASH", "100.00", null));
        Api.Reply cash = close(desk.rep1, byCash, payout("CASH"));
        assertEquals(200, cash.status(), cash.toString());
        assertEquals("CASH", cash.json().getString("payout"));
        assertEquals("100.00", cash.json().getString("paidOut"));
        assertEquals("CLOSED", desk.account(byCash).getString("status"));

        String byCheck = opened(desk.rep1, account("SHARE_DRAFT", "CASH", "60.00", null));
        Api.Reply check = close(desk.rep1, byCheck, payout("OFFICIAL_CHECK"));
        assertEquals(200, check.status(), check.toString());
        assertEquals("60.00", check.json().getString("paidOut"));

        BigDecimal shareBefore = desk.available(share);
        String byTransfer = opened(desk.rep1, account("SHARE_DRAFT", "CASH", "80.00", null));
        Api.Reply transfer = close(desk.rep1, byTransfer, transferTo(share));
        assertEquals(200, transfer.status(), transfer.toString());
        assertEquals(0, shareBefore.add(new BigDecimal("80.00")).compareTo(desk.available(share)));

        String log = callEvents(desk.rep1, visit);
        assertTrue(log.contains("ACCOUNT_CLOSED") && log.contains(byTransfer), log);

        // cash beyond the rep's limit: the closing as a whole waits for a supervisor, then runs once
        String large = opened(desk.rep1, account("SHARE_DRAFT", "CASH", "3000.00", null));
        Api.Reply asked = close(desk.rep1, large, payout("CASH"));
        assertEquals(202, asked.status(), asked.toString());
        assertTrue(asked.body().contains("CASH_LIMIT") || asked.body().contains("LIMIT"), asked.toString());
        assertEquals("ACTIVE", desk.account(large).getString("status"));
        Api.Reply approved = desk.approve(desk.super1, asked.json().getJsonObject("approval").getJsonNumber("id").longValue(), "ID checked");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("CLOSED", desk.account(large).getString("status"));
        assertEquals("0.00", desk.account(large).getString("ledgerBalance"));

        // a CLOSED account takes nothing, and does not close twice
        Api.Reply deposit = desk.post(desk.rep1, member, Json.createObjectBuilder().add("type", "DEPOSIT").add("tender", "CASH")
                .add("toAccount", byCash).add("amount", "5.00"));
        assertEquals(422, deposit.status(), deposit.toString());
        assertEquals("ACCOUNT_CLOSED", deposit.code());
        assertEquals("ACCOUNT_ALREADY_CLOSED", close(desk.rep1, byCash, payout("CASH")).code());
        assertEquals("0.00", desk.account(byCash).getString("ledgerBalance"));
    }

    @Test
    @Order(3)
    void holds_a_waiting_approval_a_loan_balance_and_the_last_share_keep_an_account_open() {
        String member = desk.claimActive("closing refusals").getString("memberNumber");
        desk.cashSession(desk.rep1, member);
        JsonObject file = desk.member(member);
        String share = Desk.numberOf(file, "SHARE", "ACTIVE");

        String held = opened(desk.rep1, account("SHARE_DRAFT", "CHECK", "5000.00", null));
        assertEquals("ACCOUNT_HAS_HOLDS", close(desk.rep1, held, transferTo(share)).code());

        String waiting = opened(desk.rep1, account("SHARE_DRAFT", "CASH", "3000.00", null));
        Api.Reply withdrawal = desk.post(desk.rep1, member, Json.createObjectBuilder().add("type", "WITHDRAWAL").add("tender", "CASH")
                .add("fromAccount", waiting).add("amount", "2600.00"));
        assertEquals(202, withdrawal.status(), withdrawal.toString());
        Api.Reply pending = close(desk.rep1, waiting, transferTo(share));
        assertEquals(422, pending.status(), pending.toString());
        assertEquals("APPROVAL_PENDING", pending.code());

        assertEquals("LAST_SHARE_WITH_OPEN_ACCOUNTS", close(desk.rep1, share, transferTo(waiting)).code());
        String small = opened(desk.rep1, account("SHARE_DRAFT", "CASH", "10.00", null));
        assertEquals("PAYOUT_REQUIRED", close(desk.rep1, small, Json.createObjectBuilder()).code());
        Api.Reply stranger = close(desk.rep1, "100001-S10", payout("CASH"));
        assertEquals(404, stranger.status(), stranger.toString());
        assertEquals("ACCOUNT_NOT_FOUND", stranger.code());

        String borrower = desk.claim("loan close", candidate -> "ACTIVE".equals(candidate.getString("status"))
                && Desk.accountOf(candidate, "LOAN", "ACTIVE").filter(loan -> !"0.00".equals(loan.getString("ledgerBalance"))).isPresent())
                .getString("memberNumber");
        String loan = Desk.numberOf(desk.member(borrower), "LOAN", "ACTIVE");
        phoneCall(desk.rep1, borrower);
        Api.Reply owed = close(desk.rep1, loan, Json.createObjectBuilder());
        assertEquals(422, owed.status(), owed.toString());
        assertEquals("LOAN_HAS_BALANCE", owed.code());
        assertEquals("ACTIVE", desk.account(held).getString("status"));
        assertEquals("ACTIVE", desk.account(waiting).getString("status"));
    }

    @Test
    @Order(4)
    void a_certificate_closed_early_pays_its_penalty_unless_another_supervisor_waives_it() {
        String member = desk.claimActive("certificate penalty").getString("memberNumber");
        phoneCall(desk.rep1, member);
        String share = Desk.numberOf(desk.member(member), "SHARE", "ACTIVE");
        String draft = Desk.numberOf(desk.member(member), "SHARE_DRAFT", "ACTIVE");
        BigDecimal draftBefore = desk.available(draft);

        String early = opened(desk.rep1, certificate(12, "0.05", "400.00", draft));
        Api.Reply closed = close(desk.rep1, early, transferTo(draft));
        assertEquals(200, closed.status(), closed.toString());
        // 90 days of interest at 5 % on 400.00: 4.93
        assertEquals("4.93", closed.json().getString("penalty"));
        assertEquals("395.07", closed.json().getString("paidOut"));
        assertEquals(0, draftBefore.subtract(new BigDecimal("4.93")).compareTo(desk.available(draft)));

        // a supervisor's own waiver request waits for another supervisor
        phoneCall(desk.super1, member);
        String waived = opened(desk.super1, certificate(24, "0.05", "200.00", share));
        Api.Reply asked = close(desk.super1, waived, transferTo(share).add("waivePenalty", true));
        assertEquals(202, asked.status(), asked.toString());
        long approvalId = asked.json().getJsonObject("approval").getJsonNumber("id").longValue();
        assertEquals("ACTIVE", desk.account(waived).getString("status"), "nothing happens before the decision");
        assertEquals("APPROVAL_PENDING", close(desk.super1, waived, transferTo(share)).code());

        Api.Reply self = desk.approve(desk.super1, approvalId, "my own");
        assertEquals(403, self.status(), self.toString());
        assertEquals("SELF_APPROVAL", self.code());

        BigDecimal shareBefore = desk.available(share);
        Api.Reply approved = desk.approve(desk.super2, approvalId, "long-standing member, medical expense");
        assertEquals(200, approved.status(), approved.toString());
        JsonObject approval = desk.approval(desk.super2, approvalId);
        assertTrue(Desk.events(approval).contains("EXECUTED"), approval.toString());
        assertEquals("CLOSED", desk.account(waived).getString("status"));
        assertEquals(0, shareBefore.add(new BigDecimal("200.00")).compareTo(desk.available(share)), "paid out whole: penalty waived");
    }

    @Test
    @Order(5)
    void opening_a_referred_product_converts_the_referral_for_the_referring_rep() {
        String member = desk.claimActive("referral conversion").getString("memberNumber");
        String draft = Desk.numberOf(desk.member(member), "SHARE_DRAFT", "ACTIVE");
        phoneCall(desk.rep2, member);
        Api.Reply referred = desk.rep2.post("api/referrals", Json.createObjectBuilder().add("memberNumber", member)
                .add("product", "SHARE_CERTIFICATE").add("disposition", "REFERRED").build().toString());
        assertEquals(201, referred.status(), referred.toString());
        long referralId = referred.json().getJsonNumber("id").longValue();
        Api.Reply elsewhere = desk.rep2.post("api/referrals", Json.createObjectBuilder().add("memberNumber", member)
                .add("product", "AUTO_LOAN").add("disposition", "REFERRED").build().toString());
        assertEquals(201, elsewhere.status(), elsewhere.toString());

        phoneCall(desk.rep1, member);
        String certificate = opened(desk.rep1, certificate(6, "0.04", "50.00", draft));
        JsonObject referral = desk.super1.get("api/referrals/" + referralId).json();
        assertEquals("CONVERTED", referral.getString("status"), referral.toString());
        assertTrue(referral.toString().contains("\"recordedBy\":\"system\""), referral.toString());
        assertTrue(referral.toString().contains(certificate), "the conversion names the account: " + referral);
        assertEquals("rep2", referral.getString("referredBy"));

        // a product opened elsewhere is still converted by a supervisor
        long loanReferral = elsewhere.json().getJsonNumber("id").longValue();
        assertEquals("OPEN", desk.super1.get("api/referrals/" + loanReferral).json().getString("status"));
        Api.Reply manual = desk.super1.post("api/referrals/" + loanReferral + "/conversion",
                Json.createObjectBuilder().add("note", "auto loan funded by lending").build().toString());
        assertEquals(201, manual.status(), manual.toString());
    }

    // ------------------------------------------------------------------------- the console

    @Test
    @Order(6)
    void the_desk_opens_and_closes_an_account_for_the_verified_member() {
        String member = desk.claimActive("desk browser").getString("memberNumber");
        String draft = Desk.numberOf(desk.member(member), "SHARE_DRAFT", "ACTIVE");
        phoneCall(desk.rep1, member);
        try (Browser browser = Browser.start()) {
            browser.open(deployment.toString());
            browser.waitFor(By.id("username")).sendKeys("rep1");
            browser.driver().findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD, Keys.ENTER);
            browser.waitForText(By.id("call-member"), member);
            browser.waitFor(By.cssSelector("#accounts tr[data-account='" + draft + "']"));
            browser.waitFor(By.id("open-button"));
            new Select(browser.driver().findElement(By.id("open-type"))).selectByValue("SHARE_DRAFT");
            new Select(browser.driver().findElement(By.id("open-tender"))).selectByValue("ACCOUNT");
            new Select(browser.driver().findElement(By.id("open-from"))).selectByValue(draft);
            browser.driver().findElement(By.id("open-amount")).sendKeys("25.00", Keys.ENTER);
            String text = answerIn(browser, "open-result");
            assertTrue(text.startsWith("Opened"), text);
            String opened = text.substring("Opened ".length(), text.indexOf(' ', "Opened ".length()));
            browser.waitFor(By.cssSelector("#accounts tr[data-account='" + opened + "']"));
            browser.screenshot("account-opened");

            browser.until(driver -> !driver.findElements(By.cssSelector("#close-account option[value='" + opened + "']")).isEmpty());
            new Select(browser.driver().findElement(By.id("close-account"))).selectByValue(opened);
            new Select(browser.driver().findElement(By.id("close-payout"))).selectByValue("TRANSFER");
            new Select(browser.driver().findElement(By.id("close-to"))).selectByValue(draft);
            browser.driver().findElement(By.id("close-button")).click();
            assertTrue(answerIn(browser, "close-result").startsWith("Closed " + opened));
            browser.waitForText(By.cssSelector("#accounts tr[data-account='" + opened + "']"), "CLOSED");
            browser.screenshot("account-closed");
            assertFalse(browser.driver().findElement(By.id("call-log")).getText().isEmpty());
        }
        desk.calls.endCall(desk.rep1);
    }

    /**
     * The answer shown in {@code id}: the panel is drawn again when the accounts it changed are read
     * back, so the element may be replaced while it is read.
     */
    private static String answerIn(Browser browser, String id) {
        java.util.concurrent.atomic.AtomicReference<String> answer = new java.util.concurrent.atomic.AtomicReference<>("");
        browser.until(driver -> {
            try {
                answer.set(driver.findElement(By.id(id)).getText());
                return !answer.get().isEmpty();
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException redrawn) {
                return false;
            }
        });
        return answer.get();
    }

    // ------------------------------------------------------------------------- maturity (moves the business date: last)

    @Test
    @Order(7)
    void at_maturity_a_certificate_pays_into_the_share_unless_marked_to_renew() {
        String member = desk.claimActive("maturity").getString("memberNumber");
        phoneCall(desk.rep1, member);
        String share = Desk.numberOf(desk.member(member), "SHARE", "ACTIVE");
        String maturing = opened(desk.rep1, certificate(1, "0.03", "40.00", share));
        String renewing = opened(desk.rep1, certificate(1, "0.03", "30.00", share));
        Api.Reply marked = desk.rep1.post("api/desk/accounts/" + renewing + "/renewal", "{\"renew\":true}");
        assertEquals(200, marked.status(), marked.toString());
        assertTrue(marked.json().getBoolean("renewAtMaturity"));
        LocalDate maturity = LocalDate.parse(marked.json().getString("maturityDate"));
        BigDecimal shareBefore = desk.available(share);
        desk.calls.endCall(desk.rep1);

        LocalDate date = LocalDate.parse(desk.businessDate());
        while (date.isBefore(maturity)) {
            Api.Reply advanced = desk.admin1.post("api/business-date/advance", "");
            assertEquals(200, advanced.status(), advanced.toString());
            date = LocalDate.parse(advanced.json().getString("businessDate"));
        }
        assertEquals("CLOSED", desk.account(maturing).getString("status"));
        assertEquals(0, shareBefore.add(new BigDecimal("40.00")).compareTo(desk.available(share)), "paid into the share");
        JsonObject renewed = desk.account(renewing);
        assertEquals("ACTIVE", renewed.getString("status"));
        assertEquals("30.00", renewed.getString("ledgerBalance"));
        assertNotEquals(maturity.toString(), renewed.getString("maturityDate", maturity.toString()));
        desk.entries(); // the ledger's invariants still hold: every balance replays from the journal
    }
}
