package coop.tally.posting.policy;

import coop.tally.ledger.EntryType;
import coop.tally.money.Money;
import coop.tally.posting.rule.Tender;
import coop.tally.posting.rule.AccountFacts;
import coop.tally.posting.rule.AccountStatus;
import coop.tally.posting.rule.AccountType;
import coop.tally.staff.PostingLimit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixtures: a posting request as the override policies see it, built one property at a time. */
final class Overrides {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

    private EntryType type = EntryType.WITHDRAWAL;
    private Tender tender = Tender.CASH;
    private Money amount = Money.of("100.00");
    private boolean feeWaived;
    private boolean supervisor;
    private LocalDate requestedDate;
    private final List<AccountFacts> accounts = new ArrayList<>();
    private Map<PostingLimit, Money> limits = Map.of();

    static Overrides posting(EntryType type, Tender tender, String amount) {
        Overrides overrides = new Overrides();
        overrides.type = type;
        overrides.tender = tender;
        overrides.amount = Money.of(amount);
        return overrides;
    }

    Overrides from(String account, String member, AccountType type, AccountStatus status, String available) {
        accounts.add(new AccountFacts(account, member, type, status, Money.of(available), Money.of(available),
                amount.negate(), AccountFacts.Role.SOURCE, false));
        return this;
    }

    Overrides to(String account, String member, AccountType type, AccountStatus status) {
        accounts.add(new AccountFacts(account, member, type, status, Money.of("100.00"), Money.of("100.00"),
                amount, AccountFacts.Role.DESTINATION, false));
        return this;
    }

    Overrides feeWaived() {
        feeWaived = true;
        return this;
    }

    Overrides bySupervisor() {
        supervisor = true;
        return this;
    }

    Overrides onDate(LocalDate date) {
        requestedDate = date;
        return this;
    }

    Overrides limit(PostingLimit limit, String value) {
        var copy = new java.util.EnumMap<PostingLimit, Money>(PostingLimit.class);
        copy.putAll(limits);
        copy.put(limit, Money.of(value));
        limits = copy;
        return this;
    }

    OverrideFacts facts() {
        return new OverrideFacts(type, tender, amount, feeWaived, supervisor, requestedDate, TODAY, accounts, limits);
    }
}
