package coop.tally.referral;

import coop.tally.member.AccountOpened;
import coop.tally.member.AccountType;
import coop.tally.staff.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.Optional;

/**
 * A product a rep referred the member to, opened at the desk within the referral's 90 days,
 * converts the referral and credits that rep, recorded by {@code system} and naming the account.
 * The earliest open referral for the product gets the credit (the rep who first spotted the
 * need). Runs in the opening's transaction: an opening that fails converts nothing. Products opened
 * elsewhere (a loan by lending, a card) are still converted by a supervisor ({@link Referrals#convert}).
 */
@ApplicationScoped
public class ReferralConversions {

    static final String SYSTEM = "system";

    /** The referral product each account type opened at the desk is. A plain share is no cross-sell. */
    static final Map<AccountType, String> PRODUCT_OF = Map.of(
            AccountType.CERTIFICATE, "SHARE_CERTIFICATE",
            AccountType.SHARE_DRAFT, "SHARE_DRAFT");

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    SecurityLog securityLog;

    void accountOpened(@Observes AccountOpened opened) {
        String product = PRODUCT_OF.get(opened.type());
        if (product == null) {
            return;
        }
        Optional<Referral> referral = em.createQuery("select r from Referral r where r.memberNumber = :member"
                        + " and r.productCode = :product and r.loggedAt <= :now"
                        + " and not exists (select e from ReferralEvent e where e.referralId = r.id)"
                        + " order by r.loggedAt, r.id", Referral.class)
                .setParameter("member", opened.memberNumber())
                .setParameter("product", product)
                .setParameter("now", opened.openedAt())
                .getResultStream()
                .filter(candidate -> !ReferralRules.isExpiredAt(candidate.loggedAt(), opened.openedAt()))
                .findFirst();
        referral.ifPresent(found -> {
            em.persist(new ReferralEvent(found.id(), ReferralStatus.CONVERTED, opened.openedAt(), SYSTEM,
                    "opened as account " + opened.accountNumber() + " by " + opened.openedBy()));
            em.flush();
            securityLog.record("REFERRAL_CONVERTED", SYSTEM, found.referredBy(), "referral " + found.id() + " " + product
                    + " member " + found.memberNumber() + " account " + opened.accountNumber());
        });
    }
}
