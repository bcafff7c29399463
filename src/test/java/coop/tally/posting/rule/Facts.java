package coop.tally.posting.rule;

import coop.tally.ledger.EntryType;
import coop.tally.money.Money;

import java.util.List;

/** Test fixtures: postings and accounts with sensible defaults, changed one property at a time. */
final class Facts {

    private Facts() {
    }

    static PostingFacts posting(EntryType type, Tender tender, AccountFacts... accounts) {
        return new PostingFacts(type, tender, "rep1", null, List.of(accounts));
    }

    static PostingFacts byStaffMember(String staffMemberNumber, EntryType type, AccountFacts... accounts) {
        return new PostingFacts(type, Tender.ACCOUNT, "rep1", staffMemberNumber, List.of(accounts));
    }

    /** An active share of member 100001 holding 100.00, all available, untouched. */
    static Account account(String number) {
        return new Account(number);
    }

    static final class Account {
        private final String number;
        private String member = "100001";
        private AccountType type = AccountType.SHARE;
        private AccountStatus status = AccountStatus.ACTIVE;
        private Money ledger = Money.of("100.00");
        private Money available = Money.of("100.00");
        private boolean closes;

        private Account(String number) {
            this.number = number;
        }

        Account member(String member) {
            this.member = member;
            return this;
        }

        Account type(AccountType type) {
            this.type = type;
            return this;
        }

        Account status(AccountStatus status) {
            this.status = status;
            return this;
        }

        Account balances(String ledger, String available) {
            this.ledger = Money.of(ledger);
            this.available = Money.of(available);
            return this;
        }

        Account closing() {
            this.closes = true;
            return this;
        }

        /** Money of {@code amount} leaves this account. */
        AccountFacts source(String amount) {
            Money change = type.isDeposit() ? Money.of(amount).negate() : Money.of(amount);
            return new AccountFacts(number, member, type, status, ledger, available, change,
                    AccountFacts.Role.SOURCE, closes);
        }

        /** Money of {@code amount} goes into this account (a loan's balance goes down). */
        AccountFacts destination(String amount) {
            Money change = type.isDeposit() ? Money.of(amount) : Money.of(amount).negate();
            return new AccountFacts(number, member, type, status, ledger, available, change,
                    AccountFacts.Role.DESTINATION, closes);
        }
    }
}
