package coop.tally.posting.rule;

import java.util.Optional;

/** Money cannot move from an account to itself ({@code SAME_ACCOUNT}): it would post a no-op entry. */
public final class SameAccountRule implements PostingRule {

    public static final String CODE = "SAME_ACCOUNT";

    @Override
    public Optional<RuleViolation> check(PostingFacts facts) {
        for (AccountFacts source : facts.accountsIn(AccountFacts.Role.SOURCE)) {
            for (AccountFacts destination : facts.accountsIn(AccountFacts.Role.DESTINATION)) {
                if (source.accountNumber().equals(destination.accountNumber())) {
                    return Optional.of(new RuleViolation(CODE, "The source and destination are the same account."));
                }
            }
        }
        return Optional.empty();
    }
}
