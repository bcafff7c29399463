package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import java.util.Optional;

/** One rule of the maker-checker: whether a posting needs a supervisor's override (refusals are posting rules). */
public interface OverridePolicy {

    Optional<PolicyDecision> check(OverrideFacts facts);
}
