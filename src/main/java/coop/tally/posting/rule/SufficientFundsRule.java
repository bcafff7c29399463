package coop.tally.posting.rule;

import java.util.Optional;
import java.util.Set;

/**
 * A posting may not take a deposit account's available balance below zero
 * ({@code INSUFFICIENT_FUNDS}). Only money leaving the account counts: a deposit into an overdrawn
 * account is always welcome. The message says nothing about the balance, which the rep may read
 * aloud to an unverified caller by mistake. (An overdraft with a supervisor's override is a later
 * policy's business.)
 */
public final class SufficientFundsRule implements PostingRule {

    public static final String CODE = "INSUFFICIENT_FUNDS";

    /** Account types whose overdraft is left to the override policy instead of refused here. */
    private final Set<AccountType> overdraftable;

    public SufficientFundsRule() {
        this(Set.of());
    }

    public SufficientFundsRule(Set<AccountType> overdraftable) {
        this.overdraftable = Set.copyOf(overdraftable);
    }

    @Override
    public Optional<RuleViolation> check(PostingFacts facts) {
        for (AccountFacts account : facts.accounts()) {
            if (account.type().isDeposit() && !overdraftable.contains(account.type()) && account.change().isNegative()
                    && account.availableBalance().plus(account.change()).isNegative()) {
                return Optional.of(new RuleViolation(CODE, "The " + account.describe()
                        + " does not have enough available funds for this posting."));
            }
        }
        return Optional.empty();
    }
}
