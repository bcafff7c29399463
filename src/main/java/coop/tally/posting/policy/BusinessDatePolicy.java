package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import java.util.Optional;

/** A posting asked for a business date other than the current one (back- or forward-dated) needs an override. */
public final class BusinessDatePolicy implements OverridePolicy {

    public static final String REASON = "BUSINESS_DATE";

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        if (facts.requestedBusinessDate() != null && !facts.requestedBusinessDate().equals(facts.currentBusinessDate())) {
            return Optional.of(PolicyDecision.override(REASON, "The business date asked for is not today's business date ("
                    + facts.currentBusinessDate() + ")."));
        }
        return Optional.empty();
    }
}
