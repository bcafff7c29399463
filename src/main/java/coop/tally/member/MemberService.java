package coop.tally.member;

import jakarta.persistence.LockModeType;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Finding members and reading their files. The transaction boundary between the API and JPA. */
@ApplicationScoped
@Transactional
public class MemberService {

    private static final String ORDER = " ORDER BY m.lastName, m.firstName, m.memberNumber";

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    public SearchResult search(MemberSearch search, int page, int size) {
        String where = switch (search.kind()) {
            case MEMBER_NUMBER -> "m.memberNumber = :value";
            case ACCOUNT_NUMBER -> "EXISTS (SELECT a FROM MemberAccount a WHERE a.member = m AND a.accountNumber = :value)";
            case PHONE -> "EXISTS (SELECT p FROM MemberPhone p WHERE p.member = m AND p.number = :value)";
            // without a space the query can only be a last name: one indexed column, no OR
            case NAME -> search.value().indexOf(' ') < 0
                    ? "m.lastNameKey LIKE :value"
                    : "(m.lastNameKey LIKE :value OR m.fullNameKey LIKE :value)";
        };
        Object value = search.kind() == MemberSearch.Kind.NAME ? search.value() + "%" : search.value();
        List<Member> items = em.createQuery("SELECT m FROM Member m WHERE " + where + ORDER, Member.class)
                .setParameter("value", value)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = items.size() < size && (page == 0 || !items.isEmpty())
                ? (long) page * size + items.size()
                : em.createQuery("SELECT COUNT(m) FROM Member m WHERE " + where, Long.class)
                        .setParameter("value", value)
                        .getSingleResult();
        return new SearchResult(items, page, size, total);
    }

    public Optional<Member> findByNumber(String memberNumber) {
        TypedQuery<Member> query = em.createQuery("SELECT m FROM Member m WHERE m.memberNumber = :number", Member.class)
                .setParameter("number", memberNumber);
        return query.getResultStream().findFirst();
    }

    /** The member's file, or 404 MEMBER_NOT_FOUND. */
    public MemberFile file(String memberNumber) {
        Member member = findByNumber(memberNumber).orElseThrow(() ->
                Refusal.notFound("MEMBER_NOT_FOUND", "No member has that member number."));
        return new MemberFile(member, List.copyOf(member.phones()), List.copyOf(member.addresses()), accountsOf(member));
    }

    public List<MemberAccount> accountsOf(Member member) {
        return em.createQuery("SELECT a FROM MemberAccount a WHERE a.member = :member ORDER BY a.accountNumber",
                        MemberAccount.class)
                .setParameter("member", member)
                .getResultList();
    }

    /** Locks the member's row until the caller's transaction ends: one member's cash records are written one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String memberNumber) {
        em.createQuery("select m from Member m where m.memberNumber = :number", Member.class)
                .setParameter("number", memberNumber).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }
}
