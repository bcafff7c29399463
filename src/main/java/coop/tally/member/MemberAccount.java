package coop.tally.member;

import coop.tally.money.Money;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's share, share draft, certificate or loan account, with its materialized balances.
 *
 * <p>Balances: for a deposit account the ledger balance is what the member has; for a loan it is
 * the principal owed, as a positive amount. The available balance is the ledger balance less
 * active holds. Only the posting path (one balanced journal entry per movement) may call
 * {@link #applyCredit}, {@link #applyDebit}, {@link #placeHold} and {@link #releaseHold}, so that
 * replaying the journal always gives the stored balances. These methods check arithmetic
 * invariants only; business rules (account status, funds, limits) are the posting rules' job,
 * because, for example, the opening entry of a FROZEN demo account must still post.
 */
@Entity
@Table(name = "member_account")
@Access(AccessType.FIELD)
public class MemberAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_number", nullable = false, updatable = false)
    private String accountNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    private Member member;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, updatable = false)
    private AccountType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private AccountStatus status;

    @Column(name = "ledger_balance", nullable = false)
    private Money ledgerBalance;

    @Column(name = "available_balance", nullable = false)
    private Money availableBalance;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    /** Loans and certificates: 0.065000 is 6.5 % a year. */
    @Column(name = "annual_rate", precision = 9, scale = 6)
    private BigDecimal annualRate;

    /** Loans: interest is accrued from this date (the last payment's date). */
    @Column(name = "interest_paid_to")
    private LocalDate interestPaidTo;

    @Column(name = "late_fees_due", nullable = false)
    private Money lateFeesDue;

    /** Interest settled through interestPaidTo that a payment smaller than it left unpaid. */
    @Column(name = "unpaid_interest", nullable = false)
    private Money unpaidInterest = Money.ZERO;

    @Column(name = "next_due_date")
    private LocalDate nextDueDate;

    @Column(name = "payment_amount")
    private Money paymentAmount;

    @Column(name = "maturity_date")
    private LocalDate maturityDate;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MemberAccount() {
        // for JPA
    }

    private MemberAccount(Member member, String accountNumber, AccountType type, LocalDate openedOn) {
        this.member = Objects.requireNonNull(member, "member");
        this.accountNumber = Member.requireText(accountNumber, "account number");
        this.type = Objects.requireNonNull(type, "account type");
        this.openedOn = Objects.requireNonNull(openedOn, "opened on");
        this.status = AccountStatus.ACTIVE;
        this.ledgerBalance = Money.ZERO;
        this.availableBalance = Money.ZERO;
        this.lateFeesDue = Money.ZERO;
    }

    /** A share or share draft account, opened at zero. */
    public static MemberAccount openDeposit(Member member, String accountNumber, AccountType type, LocalDate openedOn) {
        if (type != AccountType.SHARE && type != AccountType.SHARE_DRAFT) {
            throw new IllegalArgumentException("Certificates and loans have terms; use their own factory");
        }
        return new MemberAccount(member, accountNumber, type, openedOn);
    }

    public static MemberAccount openCertificate(Member member, String accountNumber, LocalDate openedOn,
                                                BigDecimal annualRate, LocalDate maturityDate) {
        MemberAccount certificate = new MemberAccount(member, accountNumber, AccountType.CERTIFICATE, openedOn);
        certificate.annualRate = requireRate(annualRate);
        certificate.maturityDate = Objects.requireNonNull(maturityDate, "maturity date");
        return certificate;
    }

    /** A loan record at zero principal; the disbursement is a journal entry debiting it. */
    public static MemberAccount openLoan(Member member, String accountNumber, LocalDate openedOn,
                                         BigDecimal annualRate, Money paymentAmount, LocalDate firstDueDate) {
        MemberAccount loan = new MemberAccount(member, accountNumber, AccountType.LOAN, openedOn);
        loan.annualRate = requireRate(annualRate);
        loan.paymentAmount = requirePositive(paymentAmount);
        loan.nextDueDate = Objects.requireNonNull(firstDueDate, "first due date");
        loan.interestPaidTo = openedOn;
        return loan;
    }

    // --- balance movements: the posting path only -----------------------------------------

    /**
     * Applies the credit side of a journal line. A deposit account grows; a loan's principal
     * shrinks (a payment), and may not go below zero: paying more than is owed is refused earlier,
     * with the payoff quoted.
     */
    public void applyCredit(Money amount) {
        move(type.isCreditNormal() ? requirePositive(amount) : requirePositive(amount).negate());
    }

    /**
     * Applies the debit side of a journal line. A deposit account shrinks (it may go negative: an
     * approved overdraft); a loan's principal grows (a disbursement, or a payment reversed).
     */
    public void applyDebit(Money amount) {
        move(type.isCreditNormal() ? requirePositive(amount).negate() : requirePositive(amount));
    }

    /** Ledger and available move together: a movement neither places nor releases holds. */
    private void move(Money change) {
        Money newLedger = ledgerBalance.plus(change);
        if (type.isLoan() && newLedger.isNegative()) {
            throw new IllegalStateException("A loan's principal cannot go below zero (" + accountNumber + ")");
        }
        ledgerBalance = newLedger;
        availableBalance = availableBalance.plus(change);
    }

    /** Holds part of the ledger balance (e.g. a deposited check): the available balance drops. */
    public void placeHold(Money amount) {
        if (type.isLoan()) {
            throw new IllegalStateException("Loans carry no holds (" + accountNumber + ")");
        }
        availableBalance = availableBalance.minus(requirePositive(amount));
    }

    /** Releases a hold placed earlier; releasing more than is held is a bug in the caller. */
    public void releaseHold(Money amount) {
        Money released = availableBalance.plus(requirePositive(amount));
        if (released.isGreaterThan(ledgerBalance)) {
            throw new IllegalStateException("Releasing more than is held on " + accountNumber);
        }
        availableBalance = released;
    }

    /** The total of active holds: ledger less available. */
    public Money holds() {
        return ledgerBalance.minus(availableBalance);
    }

    // --- loan servicing, applied by the loan payment posting alongside its journal entry ----

    /** A payment covered interest up to {@code date}: interest accrues from there on. */
    public void markInterestPaidTo(LocalDate date) {
        requireLoan();
        if (interestPaidTo != null && date.isBefore(interestPaidTo)) {
            throw new IllegalArgumentException("Interest cannot be paid to a date before " + interestPaidTo);
        }
        interestPaidTo = date;
    }

    public void chargeLateFee(Money fee) {
        requireLoan();
        lateFeesDue = lateFeesDue.plus(requirePositive(fee));
    }

    public void payLateFees(Money paid) {
        requireLoan();
        if (requirePositive(paid).isGreaterThan(lateFeesDue)) {
            throw new IllegalArgumentException("Paying more late fees than are due on " + accountNumber);
        }
        lateFeesDue = lateFeesDue.minus(paid);
    }

    /** The servicing state a loan payment leaves: interest settled to a date, fees and interest still owed. */
    public void applyLoanServicing(LocalDate newInterestPaidTo, Money newLateFeesDue, Money newUnpaidInterest) {
        requireLoan();
        markInterestPaidTo(newInterestPaidTo);
        lateFeesDue = requireNotNegative(newLateFeesDue);
        unpaidInterest = requireNotNegative(newUnpaidInterest);
    }

    /** Puts back the servicing state recorded before a payment that is being reversed. */
    public void restoreLoanServicing(LocalDate previousInterestPaidTo, Money previousLateFeesDue, Money previousUnpaidInterest) {
        requireLoan();
        interestPaidTo = Objects.requireNonNull(previousInterestPaidTo);
        lateFeesDue = requireNotNegative(previousLateFeesDue);
        unpaidInterest = requireNotNegative(previousUnpaidInterest);
    }

    private static Money requireNotNegative(Money amount) {
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("An amount owed cannot be negative");
        }
        return amount;
    }

    public void moveNextDueDate(LocalDate date) {
        requireLoan();
        nextDueDate = Objects.requireNonNull(date);
    }

    // --- status ---------------------------------------------------------------------------

    public void freeze() {
        requireOpen();
        status = AccountStatus.FROZEN;
    }

    public void markDormant() {
        requireOpen();
        status = AccountStatus.DORMANT;
    }

    /** Back to ACTIVE from DORMANT or FROZEN. */
    public void reactivate() {
        requireOpen();
        status = AccountStatus.ACTIVE;
    }

    /** Only an account with nothing in it, nothing owed and no holds can close. */
    public void close(LocalDate on) {
        requireOpen();
        if (!ledgerBalance.isZero() || !availableBalance.isZero() || !lateFeesDue.isZero()) {
            throw new IllegalStateException("Only an empty account can close (" + accountNumber + ")");
        }
        status = AccountStatus.CLOSED;
        closedOn = Objects.requireNonNull(on);
    }

    /** A certificate renewed at maturity runs for another term, to {@code newMaturity}. */
    public void renewTo(LocalDate newMaturity) {
        requireOpen();
        if (type != AccountType.CERTIFICATE || !Objects.requireNonNull(newMaturity).isAfter(maturityDate)) {
            throw new IllegalStateException("Only a certificate renews, to a later maturity (" + accountNumber + ")");
        }
        maturityDate = newMaturity;
    }

    private void requireOpen() {
        if (status == AccountStatus.CLOSED) {
            throw new IllegalStateException("Account " + accountNumber + " is closed");
        }
    }

    private void requireLoan() {
        if (!type.isLoan()) {
            throw new IllegalStateException("Account " + accountNumber + " is not a loan");
        }
    }

    private static Money requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new IllegalArgumentException("An amount must be greater than zero");
        }
        return amount;
    }

    private static BigDecimal requireRate(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0 || rate.scale() > 6) {
            throw new IllegalArgumentException("An annual rate is a fraction below 1 with at most 6 decimals");
        }
        return rate.setScale(6);
    }

    // --- reading ---------------------------------------------------------------------------

    public Long id() {
        return id;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public Member member() {
        return member;
    }

    public AccountType type() {
        return type;
    }

    public AccountStatus status() {
        return status;
    }

    public Money ledgerBalance() {
        return ledgerBalance;
    }

    public Money availableBalance() {
        return availableBalance;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public BigDecimal annualRate() {
        return annualRate;
    }

    public LocalDate interestPaidTo() {
        return interestPaidTo;
    }

    public Money unpaidInterest() {
        return unpaidInterest == null ? Money.ZERO : unpaidInterest;
    }

    public Money lateFeesDue() {
        return lateFeesDue;
    }

    public LocalDate nextDueDate() {
        return nextDueDate;
    }

    public Money paymentAmount() {
        return paymentAmount;
    }

    public LocalDate maturityDate() {
        return maturityDate;
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "MemberAccount[" + accountNumber + " " + type + " " + status + "]";
    }
}
