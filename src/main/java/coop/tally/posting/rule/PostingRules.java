package coop.tally.posting.rule;


import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of {@link PostingRule}s, itself a rule: it answers with the first violation, so
 * the order decides which reason the rep hears when several apply. New gates (verified call, open
 * drawer, limits and overrides) are added as new rule classes with {@link #with(PostingRule)};
 * nothing here needs to change. Immutable and thread-safe when its rules are.
 */
public final class PostingRules implements PostingRule {

    private final List<PostingRule> rules;

    public PostingRules(List<? extends PostingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules of this package in the order their refusals are most useful: who may post first
     * (staff on their own accounts), then whether the request makes sense (same account, status,
     * account types), then money (funds before par value, so that an amount beyond the available
     * balance is reported as insufficient funds rather than as breaking par).
     */
    public static PostingRules standard() {
        return new PostingRules(List.of(
                new StaffOwnAccountRule(),
                new SameAccountRule(),
                new AccountStatusRule(),
                new AccountTypeRule(),
                new SufficientFundsRule(),
                new ShareParValueRule()));
    }

    /**
     * The standard rules, except that an overdraft of the given account types is not refused here:
     * the override policy decides it (a supervisor may allow it).
     */
    public static PostingRules allowingOverdraftOf(java.util.Set<AccountType> overdraftable) {
        return new PostingRules(standard().rules.stream()
                .map(rule -> rule instanceof SufficientFundsRule ? new SufficientFundsRule(overdraftable) : rule)
                .toList());
    }

    /** These rules followed by {@code rule}. */
    public PostingRules with(PostingRule rule) {
        List<PostingRule> extended = new ArrayList<>(rules);
        extended.add(rule);
        return new PostingRules(extended);
    }

    public List<PostingRule> rules() {
        return rules;
    }

    /** The first violation in rule order, or empty when every rule passes. */
    @Override
    public Optional<RuleViolation> check(PostingFacts facts) {
        for (PostingRule rule : rules) {
            Optional<RuleViolation> violation = rule.check(facts);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    /** Every violation, in rule order (for a supervisor's view of everything wrong with a request). */
    public List<RuleViolation> allViolations(PostingFacts facts) {
        List<RuleViolation> violations = new ArrayList<>();
        for (PostingRule rule : rules) {
            rule.check(facts).ifPresent(violations::add);
        }
        return List.copyOf(violations);
    }

    /** Throws the first violation as a 422 {@link PostingRefused}; returns normally when all pass. */
    public void enforce(PostingFacts facts) {
        Optional<RuleViolation> violation = check(facts);
        if (violation.isPresent()) {
            throw violation.get().toRefusal();
        }
    }
}
