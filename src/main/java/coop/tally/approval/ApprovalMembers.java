package coop.tally.approval;

import java.util.Optional;

/**
 * What a supervisor deciding a request needs to read it in words: the name of the member it is
 * for and the type of each account it names ("share draft"). The package that knows members
 * supplies it; approvals know no domain.
 */
public interface ApprovalMembers {

    /** The member's full name, or empty when there is no such member. */
    Optional<String> nameOf(String memberNumber);

    /** The account's type (SHARE, SHARE_DRAFT, LOAN, ...), or empty when there is no such account. */
    Optional<String> accountTypeOf(String accountNumber);
}
