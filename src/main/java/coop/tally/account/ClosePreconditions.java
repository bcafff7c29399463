package coop.tally.account;

import coop.tally.member.AccountStatus;
import coop.tally.member.AccountType;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;

import java.util.List;
import java.util.Map;

/**
 * What must hold before an account closes, checked in this order so that the answer names the
 * first thing the rep must deal with. Each refusal has a stable code:
 * <ul>
 *   <li>409 {@code ACCOUNT_ALREADY_CLOSED};</li>
 *   <li>422 {@code ACCOUNT_FROZEN}: a frozen account's money is held for a reason; it is not paid out;</li>
 *   <li>422 {@code ACCOUNT_HAS_HOLDS}: funds on hold have not cleared;</li>
 *   <li>422 {@code APPROVAL_PENDING}: a request naming the account waits for a supervisor;</li>
 *   <li>422 {@code LOAN_HAS_BALANCE}: a loan closes only when paid off;</li>
 *   <li>422 {@code LAST_SHARE_WITH_OPEN_ACCOUNTS}: the membership share is the last to close.</li>
 * </ul>
 */
public final class ClosePreconditions {

    /**
     * The account as the rules see it, and the member's other accounts that are not closed.
     *
     * @param otherOpenTypes the types of the member's other accounts that are not CLOSED
     */
    public record Facts(String accountNumber, AccountType type, AccountStatus status, Money ledgerBalance, Money holds,
                        boolean approvalPending, List<AccountType> otherOpenTypes) {
    }

    private ClosePreconditions() {
    }

    public static void check(Facts facts) {
        Map<String, Object> about = Map.of("account", facts.accountNumber());
        if (facts.status() == AccountStatus.CLOSED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ACCOUNT_ALREADY_CLOSED", "The account is already closed.", about);
        }
        if (facts.status() == AccountStatus.FROZEN) {
            throw new Refusal(Refusal.Kind.RULES, "ACCOUNT_FROZEN", "A frozen account cannot be closed.", about);
        }
        if (facts.holds().isPositive()) {
            throw new Refusal(Refusal.Kind.RULES, "ACCOUNT_HAS_HOLDS", "The account has funds on hold; it closes once they are released.", about);
        }
        if (facts.approvalPending()) {
            throw new Refusal(Refusal.Kind.RULES, "APPROVAL_PENDING", "A request on this account waits for a supervisor's decision.", about);
        }
        if (facts.type().isLoan() && !facts.ledgerBalance().isZero()) {
            throw new Refusal(Refusal.Kind.RULES, "LOAN_HAS_BALANCE", "A loan closes only when it is paid off.", about);
        }
        if (facts.type() == AccountType.SHARE && !facts.otherOpenTypes().contains(AccountType.SHARE)
                && !facts.otherOpenTypes().isEmpty()) {
            throw new Refusal(Refusal.Kind.RULES, "LAST_SHARE_WITH_OPEN_ACCOUNTS",
                    "The member's last share account closes only after their other accounts.", about);
        }
    }
}
