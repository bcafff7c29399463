package coop.tally.posting.rule;

import java.util.Optional;

/**
 * One gate a posting must pass. A rule looks only at the facts it is given (no database, no clock,
 * no side effects), so it can be tested alone and re-run unchanged when an approved override posts
 * later against the balances of that moment.
 */
@FunctionalInterface
public interface PostingRule {

    /** The reason to refuse the posting, or empty when this rule lets it through. */
    Optional<RuleViolation> check(PostingFacts facts);
}
