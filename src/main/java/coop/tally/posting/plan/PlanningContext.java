package coop.tally.posting.plan;

import coop.tally.posting.loan.Allocation;

/**
 * What the planner needs from outside the request, looked up by the service.
 *
 * @param tellerCashAccount the GL code of the acting rep's open drawer ({@code "1010-D<drawer id>"}),
 *                          or null when the rep has no open drawer; needed for CASH tender
 * @param loanAllocation    for LOAN_PAYMENT, the payment's split computed by
 *                          {@code LoanPaymentAllocator} for this amount; else null
 */
public record PlanningContext(String tellerCashAccount, Allocation loanAllocation) {

    /** No drawer, no loan: enough for postings that touch member accounts only. */
    public static PlanningContext none() {
        return new PlanningContext(null, null);
    }

    public static PlanningContext drawer(String tellerCashAccount) {
        return new PlanningContext(tellerCashAccount, null);
    }

    public PlanningContext withLoanAllocation(Allocation allocation) {
        return new PlanningContext(tellerCashAccount, allocation);
    }
}
