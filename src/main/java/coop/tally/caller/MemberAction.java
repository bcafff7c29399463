package coop.tally.caller;

/**
 * What a rep may do for a caller, and the level of verification each needs. Reading and moving
 * money among the member's own accounts needs BASIC; anything by which money leaves the member's
 * accounts, or by which a fraudster could take over the relationship (contact data, PIN), needs STRONG.
 */
public enum MemberAction {
    INQUIRY(VerificationLevel.BASIC),
    /** Logging a cross-sell referral for the caller: no money or contact data changes. */
    REFERRAL(VerificationLevel.BASIC),
    DEPOSIT(VerificationLevel.BASIC),
    OWN_ACCOUNT_TRANSFER(VerificationLevel.BASIC),
    OWN_LOAN_PAYMENT(VerificationLevel.BASIC),
    WITHDRAWAL(VerificationLevel.STRONG),
    TRANSFER_TO_OTHER_MEMBER(VerificationLevel.STRONG),
    LOAN_PAYMENT_FOR_OTHER_MEMBER(VerificationLevel.STRONG),
    OFFICIAL_CHECK(VerificationLevel.STRONG),
    CONTACT_DATA_CHANGE(VerificationLevel.STRONG),
    PIN_CHANGE(VerificationLevel.STRONG),
    /** Opening or closing an account changes the relationship itself, and a closing sends money out. */
    ACCOUNT_OPENING(VerificationLevel.STRONG),
    ACCOUNT_CLOSING(VerificationLevel.STRONG);

    private final VerificationLevel required;

    MemberAction(VerificationLevel required) {
        this.required = required;
    }

    public VerificationLevel required() {
        return required;
    }
}
