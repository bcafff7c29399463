package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.ledger.EntryType;
import coop.tally.posting.rule.Tender;
import coop.tally.staff.PostingLimit;

import java.util.Optional;

/** Cash paid out above the maker's cash limit (default 2,500.00) needs an override. */
public final class CashWithdrawalLimitPolicy implements OverridePolicy {

    public static final String REASON = "CASH_LIMIT";

    @Override
    public Optional<PolicyDecision> check(OverrideFacts facts) {
        if (facts.type() == EntryType.WITHDRAWAL && facts.tender() == Tender.CASH
                && facts.amount().isGreaterThan(facts.limit(PostingLimit.CASH_WITHDRAWAL))) {
            return Optional.of(PolicyDecision.override(REASON, "The cash withdrawal is above your cash limit of "
                    + facts.limit(PostingLimit.CASH_WITHDRAWAL).toPlainString() + "."));
        }
        return Optional.empty();
    }
}
