package coop.tally.staff;

import coop.tally.money.Money;
import coop.tally.platform.TallyClock;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The posting limits in force for a staff member: a setting for the staff member wins; else the
 * highest setting among their roles; else the credit union's default. Every change is appended and
 * written to the security log.
 */
@ApplicationScoped
public class PostingLimits {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    @Inject
    SecurityLog securityLog;

    @Inject
    StaffDirectory directory;

    /** The limits in force for {@code username}, each limit present. */
    @Transactional
    public Map<PostingLimit, Money> of(String username) {
        Set<Role> roles = directory.find(username).map(Staff::roles).orElse(Set.of());
        return of(username, roles);
    }

    /** The limits in force for {@code username}, who holds {@code roles} (as signed in), each limit present. */
    @Transactional
    public Map<PostingLimit, Money> of(String username, Set<Role> roles) {
        return resolve(username, roles, current());
    }

    /** The limits of a staff member with {@code roles}, from the settings in force (newest per key). */
    static Map<PostingLimit, Money> resolve(String username, Set<Role> roles, List<PostingLimitSetting> settings) {
        Map<PostingLimit, Money> limits = new EnumMap<>(PostingLimit.class);
        for (PostingLimit limit : PostingLimit.values()) {
            Money byStaff = null;
            Money byRole = null;
            for (PostingLimitSetting setting : settings) {
                if (setting.limit() != limit) {
                    continue;
                }
                if (setting.scope() == PostingLimitSetting.Scope.STAFF && setting.subject().equals(username)) {
                    byStaff = setting.amount();
                } else if (setting.scope() == PostingLimitSetting.Scope.ROLE
                        && roles.stream().anyMatch(role -> role.name().equals(setting.subject()))) {
                    byRole = byRole == null ? setting.amount() : byRole.max(setting.amount());
                }
            }
            limits.put(limit, byStaff != null ? byStaff : byRole != null ? byRole : limit.defaultAmount());
        }
        return limits;
    }

    /**
     * The newest setting of every (scope, subject, limit), in id order. Every posting asks, so the
     * few rows are read in one plain scan and the newest picked here, rather than by a correlated
     * subquery and a sort in the database.
     */
    @Transactional
    public List<PostingLimitSetting> current() {
        return newestOfEach(em.createQuery("select s from PostingLimitSetting s order by s.id", PostingLimitSetting.class)
                .getResultList());
    }

    /** Of settings in id order, the newest of every (scope, subject, limit), in id order. */
    static List<PostingLimitSetting> newestOfEach(List<PostingLimitSetting> inIdOrder) {
        Map<List<Object>, PostingLimitSetting> newest = new HashMap<>();
        inIdOrder.forEach(setting -> newest.put(key(setting), setting));
        return inIdOrder.stream().filter(setting -> newest.get(key(setting)) == setting).toList();
    }

    private static List<Object> key(PostingLimitSetting setting) {
        return List.of(setting.scope(), setting.subject(), setting.limit());
    }

    /** Every setting ever made, newest first. */
    @Transactional
    public List<PostingLimitSetting> history() {
        return em.createQuery("select s from PostingLimitSetting s order by s.id desc", PostingLimitSetting.class)
                .setMaxResults(500).getResultList();
    }

    @Transactional
    public PostingLimitSetting set(String admin, PostingLimitSetting.Scope scope, String subject, PostingLimit limit,
                                   Money amount) {
        if (scope == PostingLimitSetting.Scope.ROLE) {
            Role role;
            try {
                role = Role.valueOf(subject);
            } catch (IllegalArgumentException unknown) {
                throw new Refusal(Refusal.Kind.INVALID, "ROLE_UNKNOWN", "Unknown role '" + subject + "'.");
            }
            if (role != Role.REP && role != Role.SUPERVISOR) {
                throw new Refusal(Refusal.Kind.INVALID, "ROLE_DOES_NOT_POST", "Only REP and SUPERVISOR post; limits apply to them.");
            }
        } else if (directory.find(subject).isEmpty()) {
            throw Refusal.notFound("STAFF_NOT_FOUND", "No staff account with that username.");
        }
        PostingLimitSetting setting = new PostingLimitSetting(scope, subject, limit, amount, admin, clock.now());
        em.persist(setting);
        em.flush();
        securityLog.record("POSTING_LIMIT_SET", admin, scope + ":" + subject, limit + "=" + amount.toPlainString());
        return setting;
    }
}
