package coop.tally.ledger;

import coop.tally.platform.Refusal;

import java.util.Map;

/**
 * An entry that breaks double-entry bookkeeping. Codes: {@link #UNBALANCED},
 * {@link #TOO_FEW_LINES}, {@link #LINE_AMOUNT_NOT_POSITIVE}; all are refusals by the rules of bookkeeping.
 */
public class InvalidEntryException extends Refusal {

    public static final String UNBALANCED = "ENTRY_UNBALANCED";
    public static final String TOO_FEW_LINES = "ENTRY_TOO_FEW_LINES";
    public static final String LINE_AMOUNT_NOT_POSITIVE = "LINE_AMOUNT_NOT_POSITIVE";

    InvalidEntryException(String code, String message, Map<String, ?> details) {
        super(Kind.RULES, code, message, details);
    }
}
