package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every policy, asked in turn: the verdict is a refusal if any policy refuses (the first in order),
 * else an override for all the reasons raised together (a supervisor approves them all at once),
 * else "post".
 */
public final class OverridePolicies {

    private final List<OverridePolicy> policies;

    public OverridePolicies(List<? extends OverridePolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static OverridePolicies standard() {
        return new OverridePolicies(List.of(
                new FrozenOrClosedPolicy(),
                new BusinessDatePolicy(),
                new ReversalPolicy(),
                new FeeWaiverPolicy(),
                new DormantAccountPolicy(),
                new OverdraftPolicy(),
                new CashWithdrawalLimitPolicy(),
                new TransferToOtherMemberPolicy(),
                new SinglePostingLimitPolicy()));
    }

    /** The verdict on a posting. */
    public record Verdict(Optional<PolicyDecision> refusal, List<PolicyDecision> overrides) {

        public boolean posts() {
            return refusal.isEmpty() && overrides.isEmpty();
        }

        public List<String> reasons() {
            return overrides.stream().map(PolicyDecision::reason).toList();
        }
    }

    public Verdict decide(OverrideFacts facts) {
        List<PolicyDecision> overrides = new ArrayList<>();
        for (OverridePolicy policy : policies) {
            Optional<PolicyDecision> decision = policy.check(facts);
            if (decision.isPresent() && decision.get().refused()) {
                return new Verdict(decision, List.of());
            }
            decision.ifPresent(overrides::add);
        }
        return new Verdict(Optional.empty(), List.copyOf(overrides));
    }
}
