package coop.tally.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tally will not do what was asked: a {@link Kind} saying why in domain words, a stable machine
 * {@link #code()} (e.g. {@code INSUFFICIENT_FUNDS}), a sentence for people and optional details.
 * Thrown anywhere below the resources; the transaction rolls back, so nothing changes. Only the
 * web edge turns a refusal into an HTTP status and an RFC 9457 problem body.
 *
 * Messages never contain balances, SSNs or other member data: they are shown to staff and logged.
 */
public class Refusal extends RuntimeException {

    /** Why the request is refused. */
    public enum Kind {
        /** The request itself is wrong; the client can fix it by sending something else. */
        INVALID,
        /** Nobody (or nobody Tally knows) is signed in. */
        UNAUTHENTICATED,
        /** The signed-in person may not do this. */
        FORBIDDEN,
        /** The thing asked about does not exist, or is not shown to this person. */
        NOT_FOUND,
        /** The thing is in a state that does not allow it (already done, already decided, taken). */
        CONFLICT,
        /** Well formed, but the credit union's rules refuse it in the present state of the accounts. */
        RULES,
        /** The request is larger than Tally reads. */
        TOO_LARGE
    }

    /**
     * Names a detail may not take: the problem body's own members. An extension of the same name
     * (say a detail {@code type} naming an entry type) would replace the problem's type URI or
     * status, and a client would read the wrong kind of problem.
     */
    public static final Set<String> RESERVED_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code");

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details;

    public Refusal(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public Refusal(Kind kind, String code, String message, Map<String, ?> details) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        Map<String, Object> own = new LinkedHashMap<>(details);
        own.keySet().removeAll(RESERVED_MEMBERS);
        this.details = Collections.unmodifiableMap(own);
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal invalid(String code, String message, Map<String, ?> details) {
        return new Refusal(Kind.INVALID, code, message, details);
    }

    public static Refusal unauthenticated(String message) {
        return new Refusal(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", message);
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public static Refusal byRules(String code, String message) {
        return new Refusal(Kind.RULES, code, message);
    }

    public Kind kind() {
        return kind;
    }

    /** Stable, upper-snake-case machine code, e.g. {@code INSUFFICIENT_FUNDS}. */
    public String code() {
        return code;
    }

    /** Extra members for the problem body (strings, numbers, lists, maps), never null. */
    public Map<String, Object> details() {
        return details;
    }
}
