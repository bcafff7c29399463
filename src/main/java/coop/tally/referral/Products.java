package coop.tally.referral;

import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The products a referral can name. ADMIN adds and retires them; nothing is deleted. */
@ApplicationScoped
public class Products {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    @Transactional
    public List<ReferralProduct> all() {
        return em.createQuery("select p from ReferralProduct p order by p.code", ReferralProduct.class).getResultList();
    }

    @Transactional
    public ReferralProduct add(String admin, String code, String name) {
        if (!CODE.matcher(code).matches()) {
            throw new Refusal(Refusal.Kind.INVALID, "PRODUCT_CODE_INVALID",
                    "A product code is 2-40 characters: upper-case letters, digits and '_', starting with a letter.",
                    Map.of("field", "code"));
        }
        if (name.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "'name' must not be blank.", Map.of("field", "name"));
        }
        if (em.find(ReferralProduct.class, code) != null) {
            throw Refusal.conflict("PRODUCT_EXISTS", "A product with that code exists.");
        }
        ReferralProduct product = new ReferralProduct(code, name.strip(), clock.now(), admin);
        em.persist(product);
        securityLog.record("REFERRAL_PRODUCT_ADDED", admin, code, name.strip());
        return product;
    }

    @Transactional
    public ReferralProduct retire(String admin, String code) {
        ReferralProduct product = em.find(ReferralProduct.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            throw Refusal.notFound("PRODUCT_NOT_FOUND", "No product with that code.");
        }
        product.retire();
        securityLog.record("REFERRAL_PRODUCT_RETIRED", admin, code, null);
        return product;
    }

    /**
     * The active product, locked: referrals for one product are logged one at a time, so that two
     * reps cannot both pass the duplicate check for the same member at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ReferralProduct lockActive(String code) {
        ReferralProduct product = em.find(ReferralProduct.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (product == null || !product.isActive()) {
            throw new Refusal(Refusal.Kind.RULES, "PRODUCT_UNKNOWN", "No product a referral can name has that code; see GET /api/referral-products.",
                    Map.of("field", "product"));
        }
        return product;
    }
}
