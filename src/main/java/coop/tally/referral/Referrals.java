package coop.tally.referral;

import coop.tally.caller.CallEvent;
import coop.tally.caller.CallGate;
import coop.tally.caller.MemberAction;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import coop.tally.platform.Refusal;
import coop.tally.platform.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cross-sell referrals: logged by a rep inside their own call verified (BASIC) for the member,
 * written to the call's log; converted later by a supervisor who records that the product was
 * opened (never the referring staff member themselves), which credits the referring rep; expired
 * after 90 days without conversion ({@link ReferralExpiry}). Nothing is edited: status changes are
 * appended events.
 */
@ApplicationScoped
public class Referrals {

    private static final Logger LOG = Logger.getLogger(Referrals.class.getName());

    /** What a rep asks to log. */
    public record NewReferral(String memberNumber, String productCode, ReferralDisposition disposition, String notes,
                              Optional<LocalDate> followUpOn) {
    }

    /** A referral with its ending event, if any. */
    public record ReferralView(Referral referral, Optional<ReferralEvent> ending) {
        public ReferralStatus status() {
            return ReferralRules.status(ending);
        }
    }

    /** A referral as counted on scorecards: who logged it and when. */
    public record Logged(long id, String referredBy, Instant loggedAt) {
    }

    /** A conversion as counted on scorecards: whose referral, and when it was recorded. */
    public record Conversion(long referralId, String referredBy, Instant convertedAt) {
    }

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    CallGate gate;

    @Inject
    Products products;

    @Inject
    ReferralExpiry expiry;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    /**
     * Appends EXPIRED to referrals past their 90 days, in a transaction of its own. Called before
     * referral and scorecard work (outside any other transaction); losing a race to another sweep
     * is harmless.
     */
    public void expireDue() {
        try {
            expiry.sweep();
        } catch (RuntimeException lostRace) {
            LOG.log(Level.FINE, "a concurrent sweep appended the same EXPIRED events", lostRace);
        }
    }

    @Transactional
    public ReferralView log(String rep, NewReferral request) {
        String detail = request.productCode() + " " + request.disposition()
                + request.followUpOn().map(date -> " follow-up " + date).orElse("");
        String callId = gate.admitMemberAction(rep, request.memberNumber(), MemberAction.REFERRAL,
                CallEvent.Type.REFERRAL, detail);
        ReferralProduct product = products.lockActive(request.productCode());
        Instant now = clock.now();
        ReferralRules.checkFollowUp(request.disposition(), request.followUpOn(), clock.today());
        List<ReferralRules.Earlier> earlier = em.createQuery("select r from Referral r where r.memberNumber = :member"
                        + " and r.productCode = :product", Referral.class)
                .setParameter("member", request.memberNumber())
                .setParameter("product", product.code())
                .getResultStream()
                .map(r -> new ReferralRules.Earlier(r.id(), r.referredBy(), r.loggedAt()))
                .toList();
        ReferralRules.duplicateOf(earlier, now).ifPresent(duplicate -> {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("existingReferralId", duplicate.id());
            about.put("loggedAt", duplicate.loggedAt().toString());
            about.put("acceptedFrom", duplicate.loggedAt().plus(ReferralRules.DUPLICATE_WINDOW).toString());
            throw new Refusal(Refusal.Kind.CONFLICT, "REFERRAL_DUPLICATE", "This member was referred for " + product.code()
                    + " within the last 30 days.", about);
        });
        Referral referral = new Referral(request.memberNumber(), product.code(), rep, callId, request.disposition(),
                request.notes(), request.followUpOn().orElse(null), now);
        em.persist(referral);
        em.flush();
        return new ReferralView(referral, Optional.empty());
    }

    @Transactional
    public ReferralView find(long id) {
        Referral referral = em.find(Referral.class, id);
        if (referral == null) {
            throw Refusal.notFound("REFERRAL_NOT_FOUND", "No referral with that id.");
        }
        return new ReferralView(referral, endingOf(id));
    }

    /**
     * Records that the referred product was opened: appends CONVERTED, crediting the referring rep.
     * Refused for one's own referral, for a referral that already ended, and after its 90 days.
     */
    @Transactional
    public ReferralView convert(String supervisor, long id, String note) {
        ReferralView view = find(id);
        Referral referral = view.referral();
        if (referral.referredBy().equals(supervisor)) {
            throw Refusal.forbidden("SELF_CREDIT_NOT_ALLOWED", "A conversion is recorded by someone other than the referring rep.");
        }
        Instant now = clock.now();
        if (view.ending().isEmpty() && ReferralRules.isExpiredAt(referral.loggedAt(), now)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "REFERRAL_ENDED", "The referral expired 90 days after it was logged.",
                    Map.of("referralStatus", ReferralStatus.EXPIRED.name()));
        }
        if (view.ending().isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "REFERRAL_ENDED", "The referral has already ended.",
                    Map.of("referralStatus", view.status().name()));
        }
        ReferralEvent converted = new ReferralEvent(id, ReferralStatus.CONVERTED, now, supervisor, note);
        try {
            em.persist(converted);
            em.flush();
        } catch (PersistenceException raced) {
            // the unique key: another request ended the referral a moment ago
            throw new Refusal(Refusal.Kind.CONFLICT, "REFERRAL_ENDED", "The referral has already ended.");
        }
        securityLog.record("REFERRAL_CONVERTED", supervisor, referral.referredBy(),
                "referral " + id + " " + referral.productCode() + " member " + referral.memberNumber());
        return new ReferralView(referral, Optional.of(converted));
    }

    /** The rep's open referrals whose follow-up date is today or earlier, oldest date first. */
    @Transactional
    public List<ReferralView> followUpsDue(String rep) {
        LocalDate today = clock.today();
        return em.createQuery("select r from Referral r where r.referredBy = :rep and r.followUpOn is not null"
                        + " and r.followUpOn <= :today and not exists (select e from ReferralEvent e where e.referralId = r.id)"
                        + " order by r.followUpOn, r.id", Referral.class)
                .setParameter("rep", rep)
                .setParameter("today", today)
                .getResultStream()
                .map(referral -> new ReferralView(referral, Optional.empty()))
                .toList();
    }

    /** The rep's referrals logged in [from, to), oldest first, with their status. */
    @Transactional
    public List<ReferralView> loggedBy(String rep, Instant from, Instant to) {
        return loggedBetween(from, to).stream()
                .filter(logged -> logged.referredBy().equals(rep))
                .map(logged -> find(logged.id()))
                .toList();
    }

    /** Every referral logged in [from, to), oldest first. */
    @Transactional
    public List<Logged> loggedBetween(Instant from, Instant to) {
        Query logged = em.createNativeQuery("SELECT id, referred_by, logged_at FROM referral"
                + " WHERE logged_at >= ? AND logged_at < ? ORDER BY logged_at, id");
        return new TimeWindow(from, to).select(logged, 1, row -> new Logged(row.number(0), row.text(1), row.instant(2)));
    }

    /** Every conversion recorded in [from, to), with the referring rep it credits. */
    @Transactional
    public List<Conversion> convertedBetween(Instant from, Instant to) {
        Query converted = em.createNativeQuery("SELECT e.referral_id, r.referred_by, e.occurred_at FROM referral_event e"
                        + " JOIN referral r ON r.id = e.referral_id"
                        + " WHERE e.status = ? AND e.occurred_at >= ? AND e.occurred_at < ? ORDER BY e.occurred_at, e.id")
                .setParameter(1, ReferralStatus.CONVERTED.name());
        return new TimeWindow(from, to).select(converted, 2,
                row -> new Conversion(row.number(0), row.text(1), row.instant(2)));
    }

    private Optional<ReferralEvent> endingOf(long referralId) {
        return em.createQuery("select e from ReferralEvent e where e.referralId = :id", ReferralEvent.class)
                .setParameter("id", referralId)
                .getResultStream().findFirst();
    }
}
