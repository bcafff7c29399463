package coop.tally.posting;

import coop.tally.posting.rule.Tender;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.LineDraft;
import coop.tally.ledger.Side;
import coop.tally.member.MemberAccount;
import coop.tally.money.Money;
import coop.tally.posting.rule.AccountFacts;
import coop.tally.posting.rule.AccountStatus;
import coop.tally.posting.rule.AccountType;
import coop.tally.posting.rule.PostingFacts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Describes a planned entry and the locked accounts it touches in the terms the rules read. */
final class PostingFactsBuilder {

    private PostingFactsBuilder() {
    }

    /**
     * @param closing account numbers the desk opens or closes with this posting (see AccountFacts#closesAccount)
     */
    static PostingFacts facts(EntryDraft draft, Tender tender, PostingService.Actor actor,
                              Map<String, MemberAccount> accounts, Set<String> closing) {
        List<AccountFacts> touched = draft.lines().stream()
                .filter(line -> line.account().isMember())
                .map(line -> accountFacts(line, accounts.get(line.account().id()), closing))
                .toList();
        return new PostingFacts(draft.type(), tender, actor.username(), actor.ownMemberNumber(), touched);
    }

    private static AccountFacts accountFacts(LineDraft line, MemberAccount account, Set<String> closing) {
        boolean creditNormal = account.type() != coop.tally.member.AccountType.LOAN;
        boolean increases = (line.side() == Side.CREDIT) == creditNormal;
        Money change = increases ? line.amount() : line.amount().negate();
        AccountFacts.Role role = line.side() == Side.DEBIT ? AccountFacts.Role.SOURCE : AccountFacts.Role.DESTINATION;
        return new AccountFacts(account.accountNumber(), account.member().memberNumber(),
                AccountType.valueOf(account.type().name()), AccountStatus.valueOf(account.status().name()),
                account.ledgerBalance(), account.availableBalance(), change, role,
                closing.contains(account.accountNumber()));
    }
}
