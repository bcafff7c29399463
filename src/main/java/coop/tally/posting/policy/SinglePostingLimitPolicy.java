package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.staff.PostingLimit;

import java.util.Optional;

/** Any posting above the maker's single-posting limit (default 10,000.00) needs an override. */
public final class SinglePostingLimitPolicy implements OverridePolicy {

    public static final String REASON = "SINGLE_POSTING_LIMIT";

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        if (facts.amount().isGreaterThan(facts.limit(PostingLimit.SINGLE_POSTING))) {
            return Optional.of(PolicyDecision.override(REASON, "The posting is above your single-posting limit of "
                    + facts.limit(PostingLimit.SINGLE_POSTING).toPlainString() + "."));
        }
        return Optional.empty();
    }
}
