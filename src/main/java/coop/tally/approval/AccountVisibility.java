package coop.tally.approval;

/**
 * Which member accounts a staff member may see in an approval's details (the balances a policy
 * checked). The package that knows members and calls supplies it; approvals know no domain.
 */
public interface AccountVisibility {

    /** Whether one member account number may be shown. */
    @FunctionalInterface
    interface Shown {
        boolean shows(String memberAccountNumber);
    }

    /** For answers about no member at all (a phone unlock): no member account is shown. */
    Shown NO_MEMBER = account -> false;

    /** Everything for staff who see every member; otherwise only the accounts of {@code memberNumber} (none when null). */
    Shown shownTo(boolean seesEveryMember, String memberNumber);
}
