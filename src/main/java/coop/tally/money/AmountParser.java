package coop.tally.money;

import java.util.regex.Pattern;

/** The strict reading of an amount typed by a person (DESIGN.md "Money"). */
final class AmountParser {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern SIGNED_DECIMAL = Pattern.compile("[+-][0-9]+(\\.[0-9]+)?");

    private AmountParser() {
    }

    static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAmountException(InvalidAmountException.Reason.MISSING, "The amount is missing.");
        }
        String value = text.strip();
        if (!value.equals(text)) {
            throw invalid(text);
        }
        if (value.indexOf('e') >= 0 || value.indexOf('E') >= 0) {
            if (value.matches("[+-]?[0-9.]+[eE][+-]?[0-9]+")) {
                throw new InvalidAmountException(InvalidAmountException.Reason.EXPONENT,
                        "Write the amount without an exponent, e.g. \"1250.00\".");
            }
            throw invalid(text);
        }
        if (SIGNED_DECIMAL.matcher(value).matches()) {
            if (value.startsWith("-") || isZero(value.substring(1))) {
                throw new InvalidAmountException(InvalidAmountException.Reason.NOT_POSITIVE,
                        "The amount must be greater than zero.");
            }
            throw invalid(text);
        }
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw invalid(text);
        }
        int dot = value.indexOf('.');
        if (dot >= 0 && value.length() - dot - 1 > 2) {
            throw new InvalidAmountException(InvalidAmountException.Reason.TOO_MANY_DECIMALS,
                    "The amount has more than two decimals.");
        }
        if (isZero(value)) {
            throw new InvalidAmountException(InvalidAmountException.Reason.NOT_POSITIVE,
                    "The amount must be greater than zero.");
        }
        String integerPart = dot < 0 ? value : value.substring(0, dot);
        String stripped = integerPart.replaceFirst("^0+(?=.)", "");
        if (stripped.length() > 10) {
            throw tooLarge();
        }
        Money amount = Money.of(new java.math.BigDecimal(value));
        if (amount.isGreaterThan(Money.MAX_AMOUNT)) {
            throw tooLarge();
        }
        return amount;
    }

    private static boolean isZero(String digits) {
        return digits.chars().allMatch(c -> c == '0' || c == '.');
    }

    private static InvalidAmountException tooLarge() {
        return new InvalidAmountException(InvalidAmountException.Reason.TOO_LARGE,
                "The amount is above the largest allowed, 1000000000.00.");
    }

    private static InvalidAmountException invalid(String text) {
        return new InvalidAmountException(InvalidAmountException.Reason.NOT_A_NUMBER,
                "The amount must be a plain decimal string such as \"1250.00\".");
    }
}
