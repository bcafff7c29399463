package coop.tally.drawer;

/** A count by denomination that cannot be taken: unknown denomination, negative or fractional pieces, and so on. */
public class InvalidCountException extends IllegalArgumentException {

    private final String code;
    private final String field;

    public InvalidCountException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** DENOMINATION_UNKNOWN, COUNT_INVALID or COUNT_EMPTY. */
    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
