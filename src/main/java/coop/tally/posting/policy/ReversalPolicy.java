package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.ledger.EntryType;

import java.util.Optional;

/** A reversal is a supervisor's act: a rep's reversal needs an override. */
public final class ReversalPolicy implements OverridePolicy {

    public static final String REASON = "REVERSAL";

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        if (facts.type() == EntryType.REVERSAL && !facts.makerIsSupervisor()) {
            return Optional.of(PolicyDecision.override(REASON, "A reversal needs a supervisor."));
        }
        return Optional.empty();
    }
}
