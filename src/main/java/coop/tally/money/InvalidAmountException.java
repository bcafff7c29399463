package coop.tally.money;

/** An amount a client sent that Tally will not accept, with the reason as a stable code. */
public class InvalidAmountException extends IllegalArgumentException {

    public enum Reason {
        MISSING("AMOUNT_MISSING"),
        NOT_A_NUMBER("AMOUNT_NOT_A_NUMBER"),
        EXPONENT("AMOUNT_EXPONENT"),
        TOO_MANY_DECIMALS("AMOUNT_TOO_MANY_DECIMALS"),
        NOT_POSITIVE("AMOUNT_NOT_POSITIVE"),
        TOO_LARGE("AMOUNT_TOO_LARGE");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public InvalidAmountException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason.code();
    }
}
