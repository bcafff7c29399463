package coop.tally.ledger;

/**
 * The credit union's chart of general-ledger accounts that postings use. Member accounts are not
 * listed here: their lines name the member account itself, and each type rolls up to its control
 * account in the trial balance (share → {@link #MEMBER_SHARES}, share draft →
 * {@link #SHARE_DRAFTS}, certificate → {@link #CERTIFICATES}, loan → {@link #MEMBER_LOANS}).
 */
public final class GlAccounts {

    public static final String VAULT_CASH = "1000";
    /** Prefix of the drawers' cash accounts, {@code 1010-D<drawer id>}. */
    public static final String DRAWER_CASH_PREFIX = "1010-D";
    /** Prefix of the per-drawer cash accounts; see {@link #drawerCash(long)}. */
    public static final String TELLER_CASH_PREFIX = "1010-";
    public static final String CHECKS_IN_CLEARING = "1100";
    public static final String MEMBER_LOANS = "1200";
    public static final String MEMBER_SHARES = "2000";
    public static final String SHARE_DRAFTS = "2010";
    public static final String CERTIFICATES = "2020";
    public static final String OFFICIAL_CHECKS_OUTSTANDING = "2100";
    public static final String SUSPENSE = "2900";
    public static final String OPENING_BALANCE_EQUITY = "3900";
    public static final String LOAN_INTEREST_INCOME = "4000";
    public static final String FEE_INCOME = "4100";
    public static final String LATE_FEE_INCOME = "4110";
    public static final String CASH_OVER_SHORT = "5900";

    private GlAccounts() {
    }

    /**
     * The cash account of one drawer, e.g. {@code drawerCash(12)} = {@code "1010-D12"}. Cash is
     * kept per drawer so that no single GL row is touched (and locked) by every cash posting.
     */
    public static String drawerCash(long drawerId) {
        if (drawerId <= 0) {
            throw new IllegalArgumentException("A drawer id is positive.");
        }
        return TELLER_CASH_PREFIX + "D" + drawerId;
    }

    public static boolean isTellerCash(String code) {
        return code != null && code.startsWith(TELLER_CASH_PREFIX) && code.length() > TELLER_CASH_PREFIX.length();
    }
}
