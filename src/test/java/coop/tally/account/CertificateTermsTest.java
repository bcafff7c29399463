package coop.tally.account;

import coop.tally.platform.Refusal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CertificateTermsTest {

    private static final BigDecimal RATE = new BigDecimal("0.0425");

    @Test
    void matures_the_term_later_on_the_same_day_of_the_month() {
        assertEquals(LocalDate.of(2027, 6, 15), new CertificateTerms(6, RATE).maturityFrom(LocalDate.of(2026, 12, 15)));
        assertEquals(LocalDate.of(2031, 12, 15), new CertificateTerms(60, RATE).maturityFrom(LocalDate.of(2026, 12, 15)));
    }

    @Test
    void a_month_without_the_day_matures_on_its_last_day() {
        assertEquals(LocalDate.of(2027, 2, 28), new CertificateTerms(1, RATE).maturityFrom(LocalDate.of(2027, 1, 31)));
        assertEquals(LocalDate.of(2028, 2, 29), new CertificateTerms(13, RATE).maturityFrom(LocalDate.of(2027, 1, 31)));
    }

    @Test
    void terms_from_one_to_sixty_months() {
        assertEquals("TERM_INVALID", assertThrows(Refusal.class, () -> new CertificateTerms(0, RATE)).code());
        assertEquals("TERM_INVALID", assertThrows(Refusal.class, () -> new CertificateTerms(61, RATE)).code());
        assertEquals(60, new CertificateTerms(60, RATE).termMonths());
    }

    @Test
    void rates_from_zero_to_below_twenty_percent_with_six_decimals() {
        assertEquals("RATE_INVALID", assertThrows(Refusal.class, () -> new CertificateTerms(12, new BigDecimal("-0.01"))).code());
        assertEquals("RATE_INVALID", assertThrows(Refusal.class, () -> new CertificateTerms(12, new BigDecimal("0.20"))).code());
        assertEquals("RATE_INVALID", assertThrows(Refusal.class, () -> new CertificateTerms(12, new BigDecimal("0.0000001"))).code());
        assertEquals(new BigDecimal("0.199999"), new CertificateTerms(12, new BigDecimal("0.199999")).annualRate());
    }
}
