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
}
