package coop.tally.posting.rule;

import java.util.Optional;

/**
 * Staff who are also members may not post to accounts they own ({@code STAFF_OWN_ACCOUNT}),
 * whichever end of the posting the account is on: separation of duties (DESIGN.md "People").
 */
public final class StaffOwnAccountRule implements PostingRule {

    public static final String CODE = "STAFF_OWN_ACCOUNT";

    @Override
    public Optional<RuleViolation> check(PostingFacts facts) {
        String ownMemberNumber = facts.staffMemberNumber();
        if (ownMemberNumber == null) {
            return Optional.empty();
        }
        for (AccountFacts account : facts.accounts()) {
            if (ownMemberNumber.equals(account.memberNumber())) {
                return Optional.of(new RuleViolation(CODE,
                        "Staff may not post to accounts of their own membership; ask a colleague."));
            }
        }
        return Optional.empty();
    }
}
