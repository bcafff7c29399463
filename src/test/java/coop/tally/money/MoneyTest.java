package coop.tally.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "1250.00, 125000",
            "1250, 125000",
            "1250.5, 125050",
            "0.01, 1",
            "007.10, 710",
            "1000000000.00, 100000000000",
            "1000000000, 100000000000"
    })
    void accepts_plain_positive_amounts_with_at_most_two_decimals(String text, long cents) {
        assertEquals(cents, Money.parseAmount(text).cents());
    }

    @ParameterizedTest
    @CsvSource({
            "0, AMOUNT_NOT_POSITIVE",
            "0.00, AMOUNT_NOT_POSITIVE",
            "-1.00, AMOUNT_NOT_POSITIVE",
            "-0.01, AMOUNT_NOT_POSITIVE",
            "+5.00, AMOUNT_NOT_A_NUMBER",
            "1.001, AMOUNT_TOO_MANY_DECIMALS",
            "12.345, AMOUNT_TOO_MANY_DECIMALS",
            "1e3, AMOUNT_EXPONENT",
            "1E3, AMOUNT_EXPONENT",
            "1.5e2, AMOUNT_EXPONENT",
            "NaN, AMOUNT_NOT_A_NUMBER",
            "Infinity, AMOUNT_NOT_A_NUMBER",
            "1000000000.01, AMOUNT_TOO_LARGE",
            "99999999999999999999999, AMOUNT_TOO_LARGE",
            "'1,250.00', AMOUNT_NOT_A_NUMBER",
            "$12.00, AMOUNT_NOT_A_NUMBER",
            "12., AMOUNT_NOT_A_NUMBER",
            ".50, AMOUNT_NOT_A_NUMBER",
            "0x10, AMOUNT_NOT_A_NUMBER",
            "' 12.00', AMOUNT_NOT_A_NUMBER",
            "12 00, AMOUNT_NOT_A_NUMBER",
            "١٢٣, AMOUNT_NOT_A_NUMBER"
    })
    void refuses_bad_amounts_saying_which(String text, String code) {
        InvalidAmountException refused = assertThrows(InvalidAmountException.class, () -> Money.parseAmount(text));
        assertEquals(code, refused.code(), text);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refuses_a_missing_amount(String text) {
        assertEquals("AMOUNT_MISSING", assertThrows(InvalidAmountException.class, () -> Money.parseAmount(text)).code());
    }

    @Test
    void formats_with_two_decimals() {
        assertEquals("1250.00", Money.ofCents(125000).toPlainString());
        assertEquals("0.05", Money.ofCents(5).toPlainString());
        assertEquals("-3.10", Money.ofCents(-310).toPlainString());
        assertEquals("0.00", Money.ZERO.toPlainString());
    }

    @Test
    void arithmetic_is_exact() {
        Money tenCents = Money.of("0.10");
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(tenCents);
        }
        assertEquals(Money.of("1.00"), sum);
        assertEquals(Money.of("-0.50"), Money.of("1.00").minus(Money.of("1.50")));
        assertTrue(Money.of("-0.01").isNegative());
    }

    @Test
    void overflow_is_an_error_not_a_wrong_amount() {
        Money huge = Money.ofCents(Long.MAX_VALUE);
        assertThrows(ArithmeticException.class, () -> huge.plus(Money.ofCents(1)));
    }

    @Test
    void database_decimals_must_be_whole_cents() {
        assertEquals(Money.ofCents(12345), Money.of(new BigDecimal("123.45")));
        assertEquals(Money.ofCents(12340), Money.of(new BigDecimal("123.4000")));
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("123.456")));
    }

    @Test
    void converter_round_trips() {
        MoneyConverter converter = new MoneyConverter();
        Money amount = Money.of("-42.07");
        assertEquals(amount, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(amount)));
        assertEquals(new BigDecimal("-42.07"), converter.convertToDatabaseColumn(amount));
    }
}
