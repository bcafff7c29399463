package coop.tally.crypto;

/** An encrypted field that cannot be read back: altered, moved to another row, or another key. */
public class FieldDecryptionException extends RuntimeException {

    public FieldDecryptionException(String message) {
        super(message);
    }
}
