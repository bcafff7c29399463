package coop.tally.posting.rule;

import java.util.Optional;

/**
 * FROZEN and CLOSED accounts take no postings at all ({@code ACCOUNT_FROZEN},
 * {@code ACCOUNT_CLOSED}). DORMANT passes here on purpose: a dormant account can be posted to with
 * a supervisor override, which the override policy decides, not this rule.
 */
public final class AccountStatusRule implements PostingRule {

    public static final String FROZEN = "ACCOUNT_FROZEN";
    public static final String CLOSED = "ACCOUNT_CLOSED";

    @Override
    public Optional<RuleViolation> check(PostingFacts facts) {
        for (AccountFacts account : facts.accounts()) {
            switch (account.status()) {
                case FROZEN -> {
                    return Optional.of(new RuleViolation(FROZEN, "The " + account.describe() + " is frozen; nothing can be posted to it."));
                }
                case CLOSED -> {
                    return Optional.of(new RuleViolation(CLOSED, "The " + account.describe() + " is closed."));
                }
                default -> {
                    // ACTIVE and DORMANT pass
                }
            }
        }
        return Optional.empty();
    }
}
