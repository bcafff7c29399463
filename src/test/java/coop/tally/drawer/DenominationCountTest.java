package coop.tally.drawer;

import coop.tally.money.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenominationCountTest {

    private static DenominationCount parse(String json) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            return DenominationCount.fromJson(reader.readObject());
        }
    }

    private static InvalidCountException refusal(String json) {
        return assertThrows(InvalidCountException.class, () -> parse(json));
    }

    @Test
    void every_denomination_has_its_value_in_cents() {
        assertEquals(13, Denomination.values().length);
        assertEquals(Money.of("100.00"), Denomination.BILL_100.value());
        assertEquals(Money.of("2.00"), Denomination.BILL_2.value());
        assertEquals(Money.of("1.00"), Denomination.BILL_1.value());
        assertEquals(Money.of("1.00"), Denomination.COIN_1_00.value());
        assertEquals(Money.of("0.25"), Denomination.COIN_0_25.value());
        assertEquals(Money.of("0.01"), Denomination.COIN_0_01.value());
    }

    @Test
    void counts_times_values_add_up_to_the_cent() {
        DenominationCount count = parse("{\"100\": 12, \"50\": 3, \"20\": 41, \"10\": 7, \"5\": 9, \"2\": 1, \"1\": 33,"
                + " \"1.00\": 4, \"0.50\": 3, \"0.25\": 39, \"0.10\": 17, \"0.05\": 11, \"0.01\": 99}");
        // 1200 + 150 + 820 + 70 + 45 + 2 + 33 + 4 + 1.50 + 9.75 + 1.70 + 0.55 + 0.99
        assertEquals(Money.of("2338.49"), count.total());
    }

    @Test
    void the_dollar_bill_and_the_dollar_coin_are_kept_apart() {
        DenominationCount count = parse("{\"1\": 5, \"1.00\": 2}");
        assertEquals(5, count.piecesOf(Denomination.BILL_1));
        assertEquals(2, count.piecesOf(Denomination.COIN_1_00));
        assertEquals(Money.of("7.00"), count.total());
    }

    @Test
    void an_empty_or_all_zero_count_is_zero() {
        assertEquals(Money.ZERO, parse("{}").total());
        assertTrue(parse("{\"100\": 0, \"0.01\": 0}").isEmpty());
    }

    @Test
    void whole_numbers_written_with_a_zero_fraction_are_whole() {
        assertEquals(Money.of("200.00"), parse("{\"100\": 2.0}").total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"20\": -1}", "{\"0.01\": -100}"})
    void negative_counts_are_refused(String json) {
        assertEquals("COUNT_INVALID", refusal(json).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"20\": 1.5}", "{\"0.25\": 0.1}", "{\"5\": 1e-1}"})
    void fractional_counts_are_refused(String json) {
        InvalidCountException refused = refusal(json);
        assertEquals("COUNT_INVALID", refused.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"20\": \"3\"}", "{\"20\": null}", "{\"20\": true}", "{\"20\": [1]}"})
    void counts_that_are_not_numbers_are_refused(String json) {
        assertEquals("COUNT_INVALID", refusal(json).code());
    }

    @Test
    void absurdly_large_counts_are_refused() {
        assertEquals("COUNT_INVALID", refusal("{\"100\": 1000001}").code());
        assertEquals("COUNT_INVALID", refusal("{\"100\": 1e30}").code());
        assertEquals(Money.of("100000000.00"), parse("{\"100\": 1000000}").total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "25", "0.20", "1.0", "0.5", "100.00", "", "twenty"})
    void unknown_denominations_are_refused_by_name(String key) {
        InvalidCountException refused = refusal("{\"" + key + "\": 1}");
        assertEquals("DENOMINATION_UNKNOWN", refused.code());
        assertEquals(key, refused.field());
    }

    @Test
    void the_stored_form_reads_back_the_same() {
        DenominationCount count = parse("{\"0.01\": 3, \"100\": 2, \"1\": 1, \"1.00\": 4}");
        assertEquals("100:2,1:1,1.00:4,0.01:3", count.encode());
        assertEquals(count, DenominationCount.decode(count.encode()));
        assertEquals(DenominationCount.of(Map.of()), DenominationCount.decode(""));
    }

    @Test
    void counts_built_in_code_are_checked_too() {
        Map<Denomination, Long> pieces = new EnumMap<>(Denomination.class);
        pieces.put(Denomination.BILL_10, -1L);
        assertThrows(InvalidCountException.class, () -> DenominationCount.of(pieces));
    }

    @Test
    void json_built_counts_match_the_builder() {
        JsonObject json = Json.createObjectBuilder().add("50", 2).add("0.05", 3).build();
        assertEquals(Money.of("100.15"), DenominationCount.fromJson(json).total());
    }
}
