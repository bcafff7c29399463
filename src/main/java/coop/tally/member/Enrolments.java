package coop.tally.member;

import coop.tally.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes a new member: the member with the SSN encrypted as every member's is, the SSN's blind
 * index, the primary address and phone, a share account opened at zero (its first deposit is an
 * ordinary posting), and the customer identification record. Runs in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Enrolments {

    static final String SSN_PURPOSE = "member-ssn";

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    /** The customer identification data a new member gives. {@code email} may be null. */
    public record NewMember(String firstName, String lastName, LocalDate dateOfBirth, String ssn, String line1, String line2,
                            String city, String state, String zip, String phone, String email) {

        /** Names the member by name only: the SSN stays out of logs. */
        @Override
        public String toString() {
            return "NewMember[" + firstName + " " + lastName + "]";
        }
    }

    /** The photo ID the rep inspected: its type, the last four of its number, its expiry. */
    public record PhotoIdSeen(String type, String last4, LocalDate expires) {
    }

    /**
     * Whether a member already has this SSN: one indexed lookup of its blind index, and, for members
     * written before the index existed, a decryption of only those with the same last four digits.
     */
    public boolean ssnTaken(String ssn) {
        String digits = SsnMask.digitsOf(ssn);
        if (em.find(SsnIndexRow.class, cipher.blindIndex(SSN_PURPOSE, digits)) != null) {
            return true;
        }
        return em.createQuery("select m from Member m where m.ssnLast4 = :last4 and not exists"
                        + " (select i from SsnIndexRow i where i.memberNumber = m.memberNumber)", Member.class)
                .setParameter("last4", digits.substring(5))
                .getResultStream().anyMatch(member -> member.hasSsn(digits, cipher));
    }

    /** Enrols the member (the caller checked the SSN is free; the index's key holds against a race). */
    public Member enrol(NewMember data, String enrolledBy, String sessionId, PhotoIdSeen photoId, Long approvalId,
                        Instant at, LocalDate joinedOn) {
        EnrolmentRecord record = new EnrolmentRecord(enrolledBy, sessionId, at, photoId, approvalId);
        em.persist(record);
        em.flush();
        String number = record.assignNumber();
        Member member = new Member(number, data.firstName(), data.lastName(), data.dateOfBirth(), data.ssn(), cipher,
                data.email(), joinedOn);
        member.addAddress(data.line1(), data.line2(), data.city(), data.state(), data.zip(), true);
        member.addPhone(data.phone(), PhoneKind.MOBILE, true);
        em.persist(member);
        em.persist(new SsnIndexRow(cipher.blindIndex(SSN_PURPOSE, SsnMask.digitsOf(data.ssn())), number));
        em.persist(MemberAccount.openDeposit(member, number + "-S00", AccountType.SHARE, joinedOn));
        em.flush();
        return member;
    }
}
