package coop.tally.bsa;

import coop.tally.caller.CallGate;
import coop.tally.member.MemberService;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryType;
import coop.tally.caller.PhotoId;
import coop.tally.ledger.AccountRef;
import coop.tally.ledger.GlAccounts;
import coop.tally.ledger.JournalEntry;
import coop.tally.ledger.JournalLine;
import coop.tally.money.Money;
import coop.tally.platform.TallyClock;
import coop.tally.ledger.EntryPosted;
import coop.tally.ledger.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps the Bank Secrecy Act records as cash postings are written, in the posting's own
 * transaction: the cash movement itself, a CTR record when the member's day crosses 10,000.00 in
 * one direction, the buyer of an official check bought with 3,000.00-10,000.00 in cash, and a
 * structuring alert. None of this blocks the posting.
 */
@ApplicationScoped
public class BsaRecords {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    CallGate callGate;

    @Inject
    MemberService members;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    /**
     * Every entry that moved a member's cash across the counter: its teller-cash lines are the cash.
     * A check deposit, a transfer, a drawer's or the vault's move names no member's cash and is
     * left out. A reversal of a cash entry is recorded against the original's business day with
     * the amount negated, so that the day's totals are what the member really brought or took.
     */
    void onPosted(@Observes EntryPosted posted) {
        JournalEntry entry = posted.entry();
        String member = posted.context().memberNumber();
        if (member == null || cashOf(entry).isZero()) {
            return;
        }
        if (entry.type() == EntryType.REVERSAL) {
            recordReversal(entry, member);
            return;
        }
        Optional<BsaRules.Direction> direction = BsaRules.direction(entry.type());
        if (direction.isEmpty()) {
            return;
        }
        Money cash = cashOf(entry);
        Instant now = clock.now();
        // serializes the member's cash records, so that two postings at once cannot both miss (or both make) the CTR
        members.lock(member);
        em.persist(new CashMovement(entry.id(), member, entry.businessDate(), direction.get().name(), entry.type().name(),
                cash, entry.postedBy(), entry.approvedBy(), entry.sessionId(), now));
        em.flush();
        BsaRules.Movement latest = new BsaRules.Movement(entry.id(), member, entry.businessDate(), direction.get(),
                entry.type(), cash);

        List<BsaRules.Movement> today = movements(member, entry.businessDate(), entry.businessDate());
        if (BsaRules.needsCtr(today, member, entry.businessDate(), direction.get())
                && ctr(member, entry.businessDate(), direction.get()).isEmpty()) {
            em.persist(new CurrencyTransactionReport(member, entry.businessDate(), direction.get().name(), now, entry.id()));
        }
        Money faceValue = faceValueOf(entry);
        if (BsaRules.needsBuyerId(entry.type(), faceValue)) {
            em.persist(new InstrumentPurchase(entry.id(), member, entry.businessDate(),
                    String.valueOf(posted.context().instrument()), faceValue, entry.sessionId(),
                    buyerIdentification(member, entry.sessionId()), entry.postedBy(), now));
        }
        if (BsaRules.isNearThreshold(latest)) {
            LocalDate windowStart = businessDates.oldestOfLast(BsaRules.STRUCTURING_BUSINESS_DAYS, entry.businessDate());
            List<BsaRules.Movement> pattern = BsaRules.structuring(latest,
                    movements(member, windowStart, entry.businessDate()), windowStart);
            if (!pattern.isEmpty()) {
                em.persist(new StructuringAlert(member, entry.businessDate(),
                        pattern.stream().map(m -> String.valueOf(m.entryId())).collect(Collectors.joining(",")),
                        now, entry.id()));
            }
        }
    }

    /**
     * How the buyer was identified: the government photo ID the rep inspected in the visit (type,
     * last four, expiry; cash is taken only at the counter), else the member verified on the session.
     */
    private String buyerIdentification(String member, String sessionId) {
        PhotoId id = callGate.photoIdOf(sessionId).orElse(null);
        if (id == null) {
            return "member " + member + " verified on session " + sessionId;
        }
        return id.type() + " ending " + id.last4() + ", expires " + id.expires() + ", in the name of member " + member
                + ", inspected in visit " + sessionId;
    }

    /** A reversal of a recorded cash movement: the same member, day and direction, the amount negated. */
    private void recordReversal(JournalEntry reversal, String member) {
        List<CashMovement> originals = em.createQuery("select c from CashMovement c where c.entryId = :entry", CashMovement.class)
                .setParameter("entry", reversal.reversesEntryId())
                .getResultList();
        if (!originals.isEmpty()) {
            members.lock(member);
        }
        for (CashMovement original : originals) {
            em.persist(original.reversedBy(reversal, clock.now()));
        }
    }

    /** An official check's face value: what the entry credits to official checks outstanding. */
    private static Money faceValueOf(JournalEntry entry) {
        Money face = Money.ZERO;
        for (JournalLine line : entry.lines()) {
            if (line.account().equals(AccountRef.gl(GlAccounts.OFFICIAL_CHECKS_OUTSTANDING)) && line.side() == Side.CREDIT) {
                face = face.plus(line.amount());
            }
        }
        return face;
    }

    /** The cash on the entry's teller-cash line (for an official check, the face value and the fee). */
    private static Money cashOf(JournalEntry entry) {
        Money cash = Money.ZERO;
        for (JournalLine line : entry.lines()) {
            if (!line.account().isMember() && line.account().id().startsWith(GlAccounts.TELLER_CASH_PREFIX)) {
                cash = cash.plus(line.amount());
            }
        }
        return cash;
    }



    private List<BsaRules.Movement> movements(String member, LocalDate from, LocalDate to) {
        return em.createQuery("select c from CashMovement c where c.memberNumber = :member and c.businessDate >= :from"
                        + " and c.businessDate <= :to order by c.id", CashMovement.class)
                .setParameter("member", member).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(BsaRecords::movement).toList();
    }

    static BsaRules.Movement movement(CashMovement c) {
        return new BsaRules.Movement(c.entryId(), c.memberNumber(), c.businessDate(),
                BsaRules.Direction.valueOf(c.direction()), EntryType.valueOf(c.entryType()), c.amount());
    }

    private Optional<CurrencyTransactionReport> ctr(String member, LocalDate date, BsaRules.Direction direction) {
        return em.createQuery("select r from CurrencyTransactionReport r where r.memberNumber = :member"
                        + " and r.businessDate = :date and r.direction = :direction", CurrencyTransactionReport.class)
                .setParameter("member", member).setParameter("date", date).setParameter("direction", direction.name())
                .getResultStream().findFirst();
    }
}
