package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.ledger.EntryType;
import coop.tally.posting.rule.AccountFacts;
import coop.tally.staff.PostingLimit;

import java.util.Optional;

/** A transfer to another member's account above the limit (default 1,000.00) needs an override. */
public final class TransferToOtherMemberPolicy implements OverridePolicy {

    public static final String REASON = "TRANSFER_TO_OTHER_MEMBER";

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        if (facts.type() != EntryType.TRANSFER) {
            return Optional.empty();
        }
        boolean toAnotherMember = facts.accounts().stream().filter(a -> a.role() == AccountFacts.Role.SOURCE)
                .anyMatch(source -> facts.accounts().stream().filter(a -> a.role() == AccountFacts.Role.DESTINATION)
                        .anyMatch(destination -> !destination.memberNumber().equals(source.memberNumber())));
        if (toAnotherMember && facts.amount().isGreaterThan(facts.limit(PostingLimit.TRANSFER_TO_OTHER_MEMBER))) {
            return Optional.of(PolicyDecision.override(REASON, "A transfer to another member above "
                    + facts.limit(PostingLimit.TRANSFER_TO_OTHER_MEMBER).toPlainString() + " needs a supervisor."));
        }
        return Optional.empty();
    }
}
