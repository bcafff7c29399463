package coop.tally.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text Tally accepts from a request: well-formed Unicode (no unpaired surrogate, which no
 * encoding can carry and which the ledger's canonical encoder therefore cannot seal) and no control
 * characters other than tab, line feed and carriage return. A NUL or an escape sequence in a memo
 * or a name is never what a rep meant to type, and shows differently (or not at all) in every
 * place the text is read later: the console, an export, a terminal.
 */
public final class WellFormedText {

    private WellFormedText() {
    }

    public static boolean isAcceptable(String text) {
        return firstFault(text) < 0;
    }

    /** The index of the first unpaired surrogate or refused control character, or -1 when there is none. */
    public static int firstFault(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || isRefusedControl(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The bytes as UTF-8 text, or empty when they are not UTF-8: decoded strictly, never with
     * U+FFFD in place of a bad byte (a lenient decoder would store text the client never sent).
     */
    public static Optional<String> decodeUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** Unicode's control characters (C0, DEL and C1), except tab, line feed and carriage return. */
    static boolean isRefusedControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
}
