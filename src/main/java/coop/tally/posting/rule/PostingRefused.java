package coop.tally.posting.rule;

import coop.tally.platform.Refusal;

import java.util.Map;

/**
 * The one exception type the posting engine and the ledger rules throw when they will not do what
 * was asked. It carries a stable machine {@link #code()}, a sentence for people
 * ({@link #getMessage()}), optional {@link #details()} for the problem body, and a {@link #kind()}
 * that says why, so every refusal maps (at the web edge) to an
 * RFC 9457 problem the same way:
 *
 * <ul>
 *   <li>{@link Kind#INVALID}: the request itself is wrong and the client can
 *       fix it by sending something else (a missing field, a tender the type does not take, a field
 *       the type does not use). Codes: {@code FIELD_REQUIRED}, {@code FIELD_NOT_ALLOWED}, {@code FIELD_INVALID},
 *       {@code TENDER_NOT_ALLOWED}, {@code TYPE_NOT_ALLOWED}, {@code AMOUNT_NOT_POSITIVE}.</li>
 *   <li>{@link Kind#RULES}: the request is well formed but the rules of the
 *       credit union refuse it in the present state of the accounts. Codes: every
 *       {@code RuleViolation} code ({@code ACCOUNT_FROZEN}, {@code ACCOUNT_CLOSED},
 *       {@code INSUFFICIENT_FUNDS}, {@code SHARE_PAR_VALUE}, {@code SAME_ACCOUNT},
 *       {@code STAFF_OWN_ACCOUNT}, {@code CERTIFICATE_NOT_TRANSACTIONAL}, {@code NOT_A_LOAN},
 *       {@code LOAN_ACCOUNT_NOT_ALLOWED}, ...), {@code PAYMENT_EXCEEDS_PAYOFF},
 *       {@code PAYMENT_DATE_BEFORE_INTEREST_DATE}, {@code FEE_MISMATCH}, {@code DRAWER_NOT_OPEN},
 *       and the ledger's {@code ENTRY_UNBALANCED}, {@code ENTRY_TOO_FEW_LINES},
 *       {@code LINE_AMOUNT_NOT_POSITIVE} (these three mean a planning bug when they come from the
 *       planner, but are business refusals for any hand-built entry).</li>
 * </ul>
 *
 * Messages never contain balances, SSNs or other member data: they are shown to the rep and logged.
 */
public class PostingRefused extends Refusal {

    public PostingRefused(Kind kind, String code, String message, Map<String, ?> details) {
        super(kind, code, message, details);
    }

    /** The client sent something the posting engine cannot read as a valid request. */
    public static PostingRefused malformed(String code, String message, Map<String, ?> details) {
        return new PostingRefused(Kind.INVALID, code, message, details);
    }

    /** A well-formed request the credit union's rules refuse. */
    public static PostingRefused refused(String code, String message, Map<String, ?> details) {
        return new PostingRefused(Kind.RULES, code, message, details);
    }
}
