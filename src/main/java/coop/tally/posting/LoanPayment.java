package coop.tally.posting;

import coop.tally.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * How one loan payment was applied (interest, principal, late fees) and the loan's servicing state
 * just before it, so that a reversal can put the loan back exactly. Written once.
 */
@Entity
@Table(name = "loan_payment")
public class LoanPayment {

    @Id
    @Column(name = "entry_id", updatable = false)
    private Long entryId;

    @Column(name = "loan_account_id", nullable = false, updatable = false)
    private Long loanAccountId;

    @Column(name = "paid_on", nullable = false, updatable = false)
    private LocalDate paidOn;

    @Column(name = "interest", nullable = false, updatable = false)
    private Money interest;

    @Column(name = "principal", nullable = false, updatable = false)
    private Money principal;

    @Column(name = "late_fees", nullable = false, updatable = false)
    private Money lateFees;

    @Column(name = "previous_interest_paid_to", nullable = false, updatable = false)
    private LocalDate previousInterestPaidTo;

    @Column(name = "previous_late_fees_due", nullable = false, updatable = false)
    private Money previousLateFeesDue;

    @Column(name = "previous_unpaid_interest", nullable = false, updatable = false)
    private Money previousUnpaidInterest;

    protected LoanPayment() {
    }

    LoanPayment(Long entryId, Long loanAccountId, LocalDate paidOn, Money interest, Money principal, Money lateFees,
                LocalDate previousInterestPaidTo, Money previousLateFeesDue, Money previousUnpaidInterest) {
        this.entryId = entryId;
        this.loanAccountId = loanAccountId;
        this.paidOn = paidOn;
        this.interest = interest;
        this.principal = principal;
        this.lateFees = lateFees;
        this.previousInterestPaidTo = previousInterestPaidTo;
        this.previousLateFeesDue = previousLateFeesDue;
        this.previousUnpaidInterest = previousUnpaidInterest;
    }

    public Long entryId() {
        return entryId;
    }

    public Long loanAccountId() {
        return loanAccountId;
    }

    public Money interest() {
        return interest;
    }

    public Money principal() {
        return principal;
    }

    public Money lateFees() {
        return lateFees;
    }

    LocalDate previousInterestPaidTo() {
        return previousInterestPaidTo;
    }

    Money previousLateFeesDue() {
        return previousLateFeesDue;
    }

    Money previousUnpaidInterest() {
        return previousUnpaidInterest;
    }
}
