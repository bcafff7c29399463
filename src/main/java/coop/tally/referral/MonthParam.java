package coop.tally.referral;

import coop.tally.platform.Dates;

import java.time.LocalDate;
import java.time.YearMonth;

/** A {@code month} given as YYYY-MM; absent means the current month in the credit union's zone. */
public final class MonthParam {

    private MonthParam() {
    }

    public static YearMonth parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return YearMonth.from(today);
        }
        return Dates.parseMonth("month", raw);
    }
}
