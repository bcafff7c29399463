package coop.tally.account;

import coop.tally.platform.Refusal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The terms a certificate is opened with: a term in whole months (1 to 60) and an annual rate
 * (a fraction, below 20 %, at most 6 decimals). The maturity date is the opening business date
 * plus the term, on the same day of the month (the month's last day when it has fewer days).
 */
public record CertificateTerms(int termMonths, BigDecimal annualRate) {

    public static final int MIN_TERM_MONTHS = 1;
    public static final int MAX_TERM_MONTHS = 60;
    private static final BigDecimal MAX_RATE = new BigDecimal("0.20");

    public CertificateTerms {
        if (termMonths < MIN_TERM_MONTHS || termMonths > MAX_TERM_MONTHS) {
            throw Refusal.invalid("TERM_INVALID", "A certificate's term is 1 to 60 months.", Map.of("field", "termMonths"));
        }
        if (annualRate == null || annualRate.signum() < 0 || annualRate.compareTo(MAX_RATE) >= 0 || annualRate.scale() > 6) {
            throw Refusal.invalid("RATE_INVALID", "A certificate's annual rate is a fraction from 0 to below 0.20, with at most 6 decimals.",
                    Map.of("field", "annualRate"));
        }
    }

    /** The maturity date of a certificate opened (or renewed) on {@code from}. */
    public LocalDate maturityFrom(LocalDate from) {
        return maturity(from, termMonths);
    }

    public static LocalDate maturity(LocalDate from, int termMonths) {
        return from.plusMonths(termMonths);
    }
}
