package coop.tally.posting;

import jakarta.inject.Inject;
import coop.tally.ledger.Journal;
import java.util.Set;
import java.util.List;
import coop.tally.posting.rule.PostingRefused;
import coop.tally.ledger.JournalEntry;
import coop.tally.member.MemberAccount;
import coop.tally.money.Money;
import coop.tally.posting.loan.Allocation;
import coop.tally.posting.loan.LoanPaymentAllocator;
import coop.tally.posting.loan.LoanTerms;
import coop.tally.posting.loan.PayoffQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Map;

/**
 * A loan's servicing state around its payments: the terms a payment is allocated against, the
 * record of each payment, and putting the loan back when a payment is reversed.
 */
@ApplicationScoped
public class LoanServicing {

    private final LoanPaymentAllocator allocator = new LoanPaymentAllocator();

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    Journal journal;

    public static LoanTerms termsOf(MemberAccount loan) {
        return new LoanTerms(loan.ledgerBalance(), loan.annualRate(), loan.interestPaidTo(), loan.lateFeesDue(),
                loan.unpaidInterest());
    }

    public PayoffQuote payoff(MemberAccount loan, LocalDate asOf) {
        return allocator.quotePayoff(termsOf(loan), asOf);
    }

    Allocation allocate(MemberAccount loan, Money payment, LocalDate paidOn) {
        return allocator.allocate(termsOf(loan), payment, paidOn);
    }

    /** Records the payment and moves the loan's interest date, late fees and carried interest. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordPayment(JournalEntry entry, MemberAccount loan, LoanTerms before, Allocation allocation, LocalDate paidOn) {
        em.persist(new LoanPayment(entry.id(), loan.id(), paidOn, allocation.interest(), allocation.principal(),
                allocation.lateFees(), before.interestPaidTo(), before.lateFeesDue(), before.unpaidInterest()));
        LoanTerms after = before.after(allocation);
        loan.applyLoanServicing(after.interestPaidTo(), after.lateFeesDue(), after.unpaidInterest());
    }

    /**
     * Puts the loan's servicing state back to before the payment. Only the loan's latest payment
     * can be reversed: a later payment was allocated against the state this one left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void reversePayment(JournalEntry original, MemberAccount loan) {
        LoanPayment payment = em.find(LoanPayment.class, original.id());
        if (payment == null) {
            throw new IllegalStateException("No loan payment record for entry " + original.id());
        }
        List<Long> payments = em.createQuery("select p.entryId from LoanPayment p where p.loanAccountId = :loan"
                        + " order by p.entryId desc", Long.class)
                .setParameter("loan", loan.id())
                .getResultList();
        Set<Long> reversed = journal.reversedAmong(payments);
        Long latest = payments.stream().filter(id -> !reversed.contains(id)).findFirst().orElse(null);
        if (!original.id().equals(latest)) {
            throw PostingRefused.refused("REVERSAL_NOT_LATEST_LOAN_PAYMENT",
                    "Only the loan's latest payment can be reversed; reverse the later payments first.",
                    Map.of("latestPaymentEntryId", latest == null ? "none" : latest.toString()));
        }
        loan.restoreLoanServicing(payment.previousInterestPaidTo(), payment.previousLateFeesDue(),
                payment.previousUnpaidInterest());
    }
}
