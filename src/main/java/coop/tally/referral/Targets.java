package coop.tally.referral;

import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import coop.tally.staff.Teams;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly referral targets: 5 per rep per calendar month unless the rep's supervisor set another
 * for that month. Settings are appended (the newest counts) and written to the security log. A
 * supervisor sets targets only for reps in their own team, and only for this month or later:
 * a past month's target is what the rep was measured against.
 */
@ApplicationScoped
public class Targets {

    public static final int DEFAULT_TARGET = 5;
    public static final int MAX_TARGET = 1000;

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    Teams teams;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    @Transactional
    public int targetFor(String rep, YearMonth month) {
        return latest(rep, month).map(ReferralTarget::target).orElse(DEFAULT_TARGET);
    }

    /** Every setting for the rep and month, oldest first. */
    @Transactional
    public List<ReferralTarget> history(String rep, YearMonth month) {
        return em.createQuery("select t from ReferralTarget t where t.rep = :rep and t.month = :month order by t.id",
                        ReferralTarget.class)
                .setParameter("rep", rep)
                .setParameter("month", month.toString())
                .getResultList();
    }

    @Transactional
    public ReferralTarget set(String supervisor, String rep, YearMonth month, int target) {
        if (!teams.isInTeamOf(rep, supervisor)) {
            securityLog.record("ACCESS_DENIED", supervisor, rep, "set referral target for " + month);
            throw Refusal.forbidden("NOT_YOUR_TEAM", "A supervisor sets targets only for reps in their own team.");
        }
        if (target < 0 || target > MAX_TARGET) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "'target' must be from 0 to " + MAX_TARGET + ".", Map.of("field", "target"));
        }
        YearMonth current = YearMonth.from(clock.today());
        if (month.isBefore(current)) {
            throw new Refusal(Refusal.Kind.RULES, "TARGET_MONTH_PAST", "Targets are set for this month or later, not for " + month + ".",
                    Map.of("month", month.toString(), "currentMonth", current.toString()));
        }
        int before = targetFor(rep, month);
        ReferralTarget setting = new ReferralTarget(rep, month.toString(), target, clock.now(), supervisor);
        em.persist(setting);
        securityLog.record("REFERRAL_TARGET_SET", supervisor, rep, month + ": " + before + " -> " + target);
        return setting;
    }

    private Optional<ReferralTarget> latest(String rep, YearMonth month) {
        return em.createQuery("select t from ReferralTarget t where t.rep = :rep and t.month = :month order by t.id desc",
                        ReferralTarget.class)
                .setParameter("rep", rep)
                .setParameter("month", month.toString())
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
