package coop.tally.posting;

import coop.tally.web.ApiProblem;

import java.util.Map;
import java.util.Objects;

/**
 * The one exception type the posting engine and the ledger rules throw when they will not do what
 * was asked. It carries a stable machine {@link #code()}, a sentence for people
 * ({@link #getMessage()}), optional {@link #details()} for the problem body, and a {@link #kind()}
 * that tells the service layer which HTTP status to answer with, so every refusal maps to an
 * RFC 9457 problem the same way:
 *
 * <ul>
 *   <li>{@link Kind#MALFORMED_REQUEST} → <b>400</b>: the request itself is wrong and the client can
 *       fix it by sending something else (a missing field, a tender the type does not take, a field
 *       the type does not use). Codes: {@code FIELD_REQUIRED}, {@code FIELD_NOT_ALLOWED}, {@code FIELD_INVALID},
 *       {@code TENDER_NOT_ALLOWED}, {@code TYPE_NOT_ALLOWED}, {@code AMOUNT_NOT_POSITIVE}.</li>
 *   <li>{@link Kind#BUSINESS_REFUSAL} → <b>422</b>: the request is well formed but the rules of the
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
public class PostingRefused extends ApiProblem {

    /** Which HTTP status a refusal maps to. */
    public enum Kind {
        MALFORMED_REQUEST(400),
        BUSINESS_REFUSAL(422);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final String code;

    public PostingRefused(Kind kind, String code, String message, Map<String, ?> details) {
        super(kind.httpStatus(), code, message, details);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A 400: the client sent something the posting engine cannot read as a valid request. */
    public static PostingRefused malformed(String code, String message, Map<String, ?> details) {
        return new PostingRefused(Kind.MALFORMED_REQUEST, code, message, details);
    }

    /** A 422: a well-formed request the credit union's rules refuse. */
    public static PostingRefused refused(String code, String message, Map<String, ?> details) {
        return new PostingRefused(Kind.BUSINESS_REFUSAL, code, message, details);
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return kind.httpStatus();
    }

    /** Stable, upper-snake-case machine code, e.g. {@code INSUFFICIENT_FUNDS}. */
    public String code() {
        return code;
    }

    /** Extra members for the problem body (values are strings or numbers), never null. */
    public Map<String, Object> details() {
        return extensions();
    }
}
