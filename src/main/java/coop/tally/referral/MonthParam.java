package coop.tally.referral;

import coop.tally.platform.Refusal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A {@code month} given as YYYY-MM; absent means the current month in the credit union's zone. */
public final class MonthParam {

    private MonthParam() {
    }

    public static YearMonth parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return YearMonth.from(today);
        }
        try {
            if (raw.length() != 7) {
                throw new DateTimeParseException("not YYYY-MM", raw, 0);
            }
            return YearMonth.parse(raw);
        } catch (DateTimeParseException bad) {
            throw new Refusal(Refusal.Kind.INVALID, "MONTH_INVALID", "A month is written YYYY-MM, e.g. 2026-01.", Map.of("param", "month"));
        }
    }
}
