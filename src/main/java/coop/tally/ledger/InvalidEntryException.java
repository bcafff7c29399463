package coop.tally.ledger;

import coop.tally.posting.PostingRefused;

import java.util.Map;

/**
 * An entry that breaks double-entry bookkeeping. Codes: {@link #UNBALANCED},
 * {@link #TOO_FEW_LINES}, {@link #LINE_AMOUNT_NOT_POSITIVE}; all are 422 business refusals.
 */
public class InvalidEntryException extends PostingRefused {

    public static final String UNBALANCED = "ENTRY_UNBALANCED";
    public static final String TOO_FEW_LINES = "ENTRY_TOO_FEW_LINES";
    public static final String LINE_AMOUNT_NOT_POSITIVE = "LINE_AMOUNT_NOT_POSITIVE";

    InvalidEntryException(String code, String message, Map<String, ?> details) {
        super(Kind.BUSINESS_REFUSAL, code, message, details);
    }
}
