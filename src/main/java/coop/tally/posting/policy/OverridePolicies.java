package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * Every policy, asked in turn: the verdict is an override for all the reasons raised together (a
 * supervisor approves them all at once), else "post". Refusing outright is not a policy's job: what
 * no override can lift (a FROZEN or CLOSED account, say) is a posting rule, checked before any policy.
 */
public final class OverridePolicies {

    private final List<OverridePolicy> policies;

    public OverridePolicies(List<? extends OverridePolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static OverridePolicies standard() {
        return new OverridePolicies(List.of(
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
    public record Verdict(List<PolicyDecision> overrides) {

        public boolean posts() {
            return overrides.isEmpty();
        }

        public List<String> reasons() {
            return overrides.stream().map(PolicyDecision::reason).toList();
        }
    }

    public Verdict decide(OverrideFacts facts) {
        List<PolicyDecision> overrides = new ArrayList<>();
        for (OverridePolicy policy : policies) {
            policy.check(facts).ifPresent(overrides::add);
        }
        return new Verdict(List.copyOf(overrides));
    }
}
