package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.posting.rule.AccountFacts;
import coop.tally.posting.rule.AccountType;

import java.util.Optional;
import java.util.Set;

/**
 * Only a share draft (checking) account may be overdrawn, and only with an override. Every other
 * deposit account stays refused with INSUFFICIENT_FUNDS by the posting rules, override or not.
 */
public final class OverdraftPolicy implements OverridePolicy {

    public static final String REASON = "OVERDRAFT";
    /** The account types a supervisor may let go below zero. */
    public static final Set<AccountType> OVERDRAFTABLE = Set.of(AccountType.SHARE_DRAFT);

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        for (AccountFacts account : facts.accounts()) {
            if (OVERDRAFTABLE.contains(account.type()) && account.change().isNegative()
                    && account.availableBalance().plus(account.change()).isNegative()) {
                return Optional.of(PolicyDecision.override(REASON,
                        "The share draft account would be overdrawn; that needs a supervisor."));
            }
        }
        return Optional.empty();
    }
}
