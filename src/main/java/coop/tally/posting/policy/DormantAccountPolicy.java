package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.posting.rule.AccountFacts;
import coop.tally.posting.rule.AccountStatus;

import java.util.Optional;

/** A posting on a DORMANT account needs an override (it may be a sign of account takeover). */
public final class DormantAccountPolicy implements OverridePolicy {

    public static final String REASON = "DORMANT_ACCOUNT";

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        for (AccountFacts account : facts.accounts()) {
            if (account.status() == AccountStatus.DORMANT) {
                return Optional.of(PolicyDecision.override(REASON, "A dormant account is touched; that needs a supervisor."));
            }
        }
        return Optional.empty();
    }
}
