package coop.tally.posting;

import coop.tally.caller.PostingAccess;
import coop.tally.member.MemberAccount;
import coop.tally.posting.plan.PostingRequest;

import java.util.Map;

/** What the call gate needs to know of a posting: whose accounts are on which end. */
final class SessionScope {

    private SessionScope() {
    }

    static PostingAccess of(PostingRequest request, Map<String, MemberAccount> accounts) {
        return new PostingAccess(request.type(), owner(request.fromAccount(), accounts),
                owner(request.toAccount(), accounts), owner(request.loanAccount(), accounts));
    }

    /** For the call log: type and amount, nothing more. */
    static String summary(PostingRequest request) {
        return request.type() + (request.amount() == null ? "" : " " + request.amount().toPlainString());
    }

    private static String owner(String accountNumber, Map<String, MemberAccount> accounts) {
        MemberAccount account = accountNumber == null ? null : accounts.get(accountNumber);
        return account == null ? null : account.member().memberNumber();
    }
}
