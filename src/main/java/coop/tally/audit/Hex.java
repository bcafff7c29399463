package coop.tally.audit;

import java.util.HexFormat;

/** Lower-case hex, the form hashes, keys and signatures take in the database and in JSON. */
final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] parse(String hex) {
        return HEX.parseHex(hex.trim());
    }

    /** A hash or signature as stored; a value that is not hex gives no bytes, so never equals a computed one. */
    static byte[] parseOrEmpty(String hex) {
        try {
            return parse(hex);
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }

    /**
     * Parses a 32-byte hash written as 64 hex digits (surrounding blanks ignored) into {@code into}
     * at {@code offset}, without allocating; returns false, writing nothing, for anything else.
     */
    static boolean parseInto(String hex, byte[] into, int offset) {
        String digits = hex.trim();
        if (digits.length() != 2 * Merkle.HASH_BYTES) {
            return false;
        }
        for (int i = 0; i < Merkle.HASH_BYTES; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return false;
            }
        }
        for (int i = 0; i < Merkle.HASH_BYTES; i++) {
            into[offset + i] = (byte) (Character.digit(digits.charAt(2 * i), 16) << 4
                    | Character.digit(digits.charAt(2 * i + 1), 16));
        }
        return true;
    }
}
