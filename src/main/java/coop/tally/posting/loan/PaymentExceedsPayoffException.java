package coop.tally.posting.loan;

import coop.tally.money.Money;
import coop.tally.posting.rule.PostingRefused;

import java.util.Map;

/**
 * A loan payment above the payoff amount (422, {@code PAYMENT_EXCEEDS_PAYOFF}). The problem body
 * quotes the payoff ({@code payoff}, {@code asOf}) so the rep can offer the exact amount.
 */
public class PaymentExceedsPayoffException extends PostingRefused {

    public static final String CODE = "PAYMENT_EXCEEDS_PAYOFF";

    private final transient PayoffQuote quote;

    public PaymentExceedsPayoffException(PayoffQuote quote) {
        super(Kind.RULES, CODE,
                "The payment is more than the payoff amount of " + quote.total().toPlainString() + " as of " + quote.asOf() + ".",
                Map.of("payoff", quote.total().toPlainString(), "asOf", quote.asOf().toString()));
        this.quote = quote;
    }

    public Money payoff() {
        return quote.total();
    }

    public PayoffQuote quote() {
        return quote;
    }
}
