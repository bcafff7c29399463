package coop.tally.posting.rule;

import coop.tally.money.Money;

import java.util.Objects;
import java.util.Optional;

/**
 * A share account is the member's membership: it keeps at least its par value (default 5.00) in
 * collected funds ({@code SHARE_PAR_VALUE}). "Collected" means the lower of the ledger and
 * available balances, so held check money does not count as par. Only money leaving the account is
 * checked, so a share below par can always be topped up. The payout of a closing at the desk is
 * exempt; the refusal does not offer closing as a way out, which has rules of its own.
 */
public final class ShareParValueRule implements PostingRule {

    public static final String CODE = "SHARE_PAR_VALUE";
    public static final Money DEFAULT_PAR_VALUE = Money.of("5.00");

    private final Money parValue;

    public ShareParValueRule() {
        this(DEFAULT_PAR_VALUE);
    }

    public ShareParValueRule(Money parValue) {
        this.parValue = Objects.requireNonNull(parValue, "parValue");
    }

    @Override
    public Optional<RuleViolation> check(PostingFacts facts) {
        for (AccountFacts account : facts.accounts()) {
            if (account.type() != AccountType.SHARE || !account.change().isNegative() || account.closesAccount()) {
                continue;
            }
            Money collectedAfter = account.ledgerBalance().min(account.availableBalance()).plus(account.change());
            if (collectedAfter.isLessThan(parValue)) {
                return Optional.of(new RuleViolation(CODE, "A share account keeps its par value of "
                        + parValue.toPlainString() + " in collected funds (held check money does not count):"
                        + " this posting would leave less."));
            }
        }
        return Optional.empty();
    }
}
