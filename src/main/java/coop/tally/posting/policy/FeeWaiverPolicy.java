package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.ledger.EntryType;

import java.util.Optional;

/** Waiving an official check's fee is a supervisor's call: a rep's waiver needs an override. */
public final class FeeWaiverPolicy implements OverridePolicy {

    public static final String REASON = "FEE_WAIVER";

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        if (facts.type() == EntryType.OFFICIAL_CHECK && facts.feeWaived() && !facts.makerIsSupervisor()) {
            return Optional.of(PolicyDecision.override(REASON, "Waiving the fee needs a supervisor."));
        }
        return Optional.empty();
    }
}
