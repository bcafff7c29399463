package coop.tally.drawer;

import coop.tally.money.Money;
import coop.tally.web.JsonBuilders;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Pieces counted per denomination, e.g. {"100": 10, "20": 25, "0.25": 40}, and what they add up
 * to. Pieces are whole numbers from zero to {@link #MAX_PIECES}; a denomination not named counts
 * as zero. Immutable.
 */
public final class DenominationCount {

    /** More pieces of one denomination than any drawer or vault move holds: a typing error. */
    public static final long MAX_PIECES = 1_000_000;

    private final Map<Denomination, Long> pieces;

    private DenominationCount(Map<Denomination, Long> pieces) {
        this.pieces = Collections.unmodifiableMap(new EnumMap<>(pieces));
    }

    public static DenominationCount of(Map<Denomination, Long> pieces) {
        EnumMap<Denomination, Long> copy = new EnumMap<>(Denomination.class);
        pieces.forEach((denomination, count) -> {
            if (count == null || count < 0 || count > MAX_PIECES) {
                throw new InvalidCountException("COUNT_INVALID", denomination.key(),
                        "Pieces of " + denomination.key() + " must be a whole number from 0 to " + MAX_PIECES + ".");
            }
            if (count > 0) {
                copy.put(denomination, count);
            }
        });
        return new DenominationCount(copy);
    }

    /**
     * Reads a count written as a JSON object of denomination key to whole number of pieces.
     * Unknown keys, negative, fractional, non-numeric or absurdly large counts are refused, naming
     * the key.
     */
    public static DenominationCount fromJson(JsonObject json) {
        EnumMap<Denomination, Long> read = new EnumMap<>(Denomination.class);
        for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
            String key = entry.getKey();
            Denomination denomination = Denomination.byKey(key).orElseThrow(() -> new InvalidCountException(
                    "DENOMINATION_UNKNOWN", clip(key), "Unknown denomination '" + clip(key)
                    + "'; use 100, 50, 20, 10, 5, 2, 1 (bills) or 1.00, 0.50, 0.25, 0.10, 0.05, 0.01 (coin)."));
            read.put(denomination, pieces(key, entry.getValue()));
        }
        return of(read);
    }

    private static long pieces(String key, JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidCountException("COUNT_INVALID", key, "Pieces of " + key + " must be a whole number.");
        }
        BigDecimal exact = number.bigDecimalValue();
        if (exact.signum() < 0) {
            throw new InvalidCountException("COUNT_INVALID", key, "Pieces of " + key + " cannot be negative.");
        }
        try {
            BigDecimal whole = exact.stripTrailingZeros();
            if (whole.scale() > 0) {
                throw new InvalidCountException("COUNT_INVALID", key, "Pieces of " + key + " must be a whole number.");
            }
            if (whole.compareTo(BigDecimal.valueOf(MAX_PIECES)) > 0) {
                throw new InvalidCountException("COUNT_INVALID", key, "Pieces of " + key + " must be at most " + MAX_PIECES + ".");
            }
            return whole.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidCountException("COUNT_INVALID", key, "Pieces of " + key + " must be a whole number.");
        }
    }

    /** Reads the stored form written by {@link #encode()}. */
    public static DenominationCount decode(String text) {
        EnumMap<Denomination, Long> read = new EnumMap<>(Denomination.class);
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(",")) {
                int colon = part.lastIndexOf(':');
                read.put(Denomination.byKey(part.substring(0, colon)).orElseThrow(),
                        Long.parseLong(part.substring(colon + 1)));
            }
        }
        return of(read);
    }

    /** The count as {@link #fromJson} reads it: denomination key to number of pieces, zeros left out. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder();
        pieces.forEach((denomination, count) -> json.add(denomination.key(), count));
        return json.build();
    }

    /** "100:10,20:25,0.25:40": denominations in value order, zeros left out. */
    public String encode() {
        StringJoiner text = new StringJoiner(",");
        pieces.forEach((denomination, count) -> text.add(denomination.key() + ":" + count));
        return text.toString();
    }

    public long piecesOf(Denomination denomination) {
        return pieces.getOrDefault(denomination, 0L);
    }

    public Map<Denomination, Long> pieces() {
        return pieces;
    }

    public boolean isEmpty() {
        return pieces.isEmpty();
    }

    /** What the pieces add up to. */
    public Money total() {
        Money total = Money.ZERO;
        for (Map.Entry<Denomination, Long> entry : pieces.entrySet()) {
            total = total.plus(entry.getKey().times(entry.getValue()));
        }
        return total;
    }

    private static String clip(String key) {
        return key.length() > 20 ? key.substring(0, 20) : key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DenominationCount count && count.pieces.equals(pieces);
    }

    @Override
    public int hashCode() {
        return pieces.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
