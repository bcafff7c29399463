package coop.tally.referral;

import coop.tally.platform.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of referrals, without database or clock: the follow-up date a disposition asks for,
 * the 30-day duplicate window and the 90-day expiry. Refusals are 4xx problems with stable codes.
 */
public final class ReferralRules {

    /** A second referral for the same member and product within this window is a duplicate. */
    public static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);
    /** An unconverted referral expires this long after it was logged. */
    public static final Duration EXPIRY = Duration.ofDays(90);

    /** A referral as the duplicate rule sees it. */
    public record Earlier(long id, String referredBy, Instant loggedAt) {
    }

    private ReferralRules() {
    }

    /**
     * Checks the follow-up date against the disposition: DECLINED_FOLLOW_UP needs one, DECLINED takes
     * none; a date must be from today (in the credit union's zone) to the referral's expiry.
     */
    public static void checkFollowUp(ReferralDisposition disposition, Optional<LocalDate> followUpOn, LocalDate today) {
        if (followUpOn.isEmpty()) {
            if (disposition.requiresFollowUp()) {
                throw new Refusal(Refusal.Kind.RULES, "FOLLOW_UP_REQUIRED", disposition + " needs a follow-up date (followUpOn).",
                        Map.of("field", "followUpOn"));
            }
            return;
        }
        if (!disposition.allowsFollowUp()) {
            throw new Refusal(Refusal.Kind.RULES, "FOLLOW_UP_NOT_ALLOWED", "A DECLINED referral takes no follow-up date; use DECLINED_FOLLOW_UP.",
                    Map.of("field", "followUpOn"));
        }
        LocalDate date = followUpOn.get();
        LocalDate last = today.plusDays(EXPIRY.toDays());
        if (date.isBefore(today) || date.isAfter(last)) {
            throw new Refusal(Refusal.Kind.RULES, "FOLLOW_UP_DATE_INVALID", "The follow-up date must be between " + today + " and " + last + ".",
                    Map.of("field", "followUpOn", "earliest", today.toString(), "latest", last.toString()));
        }
    }

    /** The most recent earlier referral for the same member and product within 30 days before {@code now}. */
    public static Optional<Earlier> duplicateOf(List<Earlier> sameMemberAndProduct, Instant now) {
        Instant windowStart = now.minus(DUPLICATE_WINDOW);
        return sameMemberAndProduct.stream()
                .filter(earlier -> earlier.loggedAt().isAfter(windowStart) && !earlier.loggedAt().isAfter(now))
                .max(Comparator.comparing(Earlier::loggedAt));
    }

    public static Instant expiresAt(Instant loggedAt) {
        return loggedAt.plus(EXPIRY);
    }

    public static boolean isExpiredAt(Instant loggedAt, Instant now) {
        return !now.isBefore(expiresAt(loggedAt));
    }

    /** The status: the one ending event's, else OPEN. */
    public static ReferralStatus status(Optional<ReferralEvent> ending) {
        return ending.map(ReferralEvent::status).orElse(ReferralStatus.OPEN);
    }
}
