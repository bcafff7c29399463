package coop.tally.member;

/**
 * The products a member holds. Deposit accounts are liabilities of the credit union and
 * credit-normal (a credit adds to what the member has); a loan is an asset and debit-normal (a
 * credit, such as a payment, reduces the principal owed).
 */
public enum AccountType {
    SHARE(true),
    SHARE_DRAFT(true),
    CERTIFICATE(true),
    LOAN(false);

    private final boolean creditNormal;

    AccountType(boolean creditNormal) {
        this.creditNormal = creditNormal;
    }

    /** True for deposit accounts, whose balance grows with credits. */
    public boolean isCreditNormal() {
        return creditNormal;
    }

    public boolean isLoan() {
        return this == LOAN;
    }
}
