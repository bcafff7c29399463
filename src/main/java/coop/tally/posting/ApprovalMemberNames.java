package coop.tally.posting;

import coop.tally.approval.ApprovalMembers;
import coop.tally.member.MemberAccounts;
import coop.tally.member.MemberService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Members' names and account types for the approval queue, read from the member files. */
@ApplicationScoped
public class ApprovalMemberNames implements ApprovalMembers {

    @Inject
    MemberService members;

    @Inject
    MemberAccounts accounts;

    @Override
    public Optional<String> nameOf(String memberNumber) {
        return memberNumber == null ? Optional.empty() : members.findByNumber(memberNumber).map(member -> member.fullName());
    }

    @Override
    public Optional<String> accountTypeOf(String accountNumber) {
        return accountNumber == null ? Optional.empty() : accounts.find(accountNumber).map(account -> account.type().name());
    }
}
