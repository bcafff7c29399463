package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.posting.rule.AccountFacts;
import coop.tally.posting.rule.AccountStatus;
import coop.tally.posting.rule.AccountStatusRule;

import java.util.Optional;

/** FROZEN and CLOSED accounts are refused outright: no override lifts it. */
public final class FrozenOrClosedPolicy implements OverridePolicy {

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        for (AccountFacts account : facts.accounts()) {
            if (account.status() == AccountStatus.FROZEN) {
                return Optional.of(PolicyDecision.refuse(AccountStatusRule.FROZEN, "A frozen account is touched."));
            }
            if (account.status() == AccountStatus.CLOSED) {
                return Optional.of(PolicyDecision.refuse(AccountStatusRule.CLOSED, "A closed account is touched."));
            }
        }
        return Optional.empty();
    }
}
