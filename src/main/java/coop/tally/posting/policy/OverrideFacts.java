package coop.tally.posting.policy;

import coop.tally.ledger.EntryType;
import coop.tally.money.Money;
import coop.tally.posting.rule.Tender;
import coop.tally.posting.rule.AccountFacts;
import coop.tally.staff.PostingLimit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the override policies look at for one posting request, gathered with the accounts locked.
 *
 * @param type                  the entry type (REVERSAL for a reversal request)
 * @param tender                how money arrives or leaves, or null
 * @param amount                the amount asked for (an official check's face value)
 * @param feeWaived             an official check's fee is to be waived
 * @param makerIsSupervisor     the staff member asking holds SUPERVISOR (the authority to waive and reverse)
 * @param requestedBusinessDate the business date asked for, or null for "today's"
 * @param currentBusinessDate   the credit union's current business date
 * @param accounts              the member accounts touched, before the posting
 * @param limits                the maker's limits in force
 */
public record OverrideFacts(EntryType type, Tender tender, Money amount, boolean feeWaived, boolean makerIsSupervisor,
                            LocalDate requestedBusinessDate, LocalDate currentBusinessDate,
                            List<AccountFacts> accounts, Map<PostingLimit, Money> limits) {

    public OverrideFacts {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currentBusinessDate, "currentBusinessDate");
        accounts = List.copyOf(accounts);
        limits = Map.copyOf(limits);
    }

    public Money limit(PostingLimit limit) {
        return limits.getOrDefault(limit, limit.defaultAmount());
    }
}
