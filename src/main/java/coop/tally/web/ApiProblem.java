package coop.tally.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A refusal the client should see as an RFC 9457 problem: an HTTP status, a stable machine code
 * and a sentence for people. Thrown from services; the transaction rolls back, so nothing changes.
 */
public class ApiProblem extends RuntimeException {

    /**
     * The members RFC 9457 defines, and Tally's {@code code}: a problem's own, never an extension's.
     * An extension of the same name (say a detail {@code type} naming an entry type) would replace
     * the problem's type URI or status, and a client would read the wrong kind of problem.
     */
    public static final Set<String> RESERVED_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code");

    private final int status;
    private final String code;
    private final Map<String, Object> extensions;

    public ApiProblem(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public ApiProblem(int status, String code, String detail, Map<String, ?> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        Map<String, Object> own = new LinkedHashMap<>(extensions);
        // the problem's own members are never overwritten by an extension
        own.keySet().removeAll(RESERVED_MEMBERS);
        this.extensions = Collections.unmodifiableMap(own);
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(400, code, detail);
    }

    public static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(404, code, detail);
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(409, code, detail);
    }

    public static ApiProblem unprocessable(String code, String detail) {
        return new ApiProblem(422, code, detail);
    }

    public static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(403, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
