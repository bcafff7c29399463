package coop.tally.bsa;

import coop.tally.money.Money;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.JournalEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One cash posting for a member on a business day, in one direction. Appended, never changed. */
@Entity
@Table(name = "bsa_cash_movement")
public class CashMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_id", updatable = false)
    private Long entryId;

    @Column(name = "member_number", updatable = false)
    private String memberNumber;

    @Column(name = "business_date", updatable = false)
    private LocalDate businessDate;

    @Column(name = "direction", updatable = false)
    private String direction;

    @Column(name = "entry_type", updatable = false)
    private String entryType;

    @Column(name = "amount", updatable = false)
    private Money amount;

    @Column(name = "staff", updatable = false)
    private String staff;

    @Column(name = "approved_by", updatable = false)
    private String approvedBy;

    @Column(name = "session_id", updatable = false)
    private String sessionId;

    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    protected CashMovement() {
    }

    CashMovement(Long entryId, String memberNumber, LocalDate businessDate, String direction, String entryType, Money amount, String staff, String approvedBy, String sessionId, Instant recordedAt) {
        this.entryId = entryId;
        this.memberNumber = memberNumber;
        this.businessDate = businessDate;
        this.direction = direction;
        this.entryType = entryType;
        this.amount = amount;
        this.staff = staff;
        this.approvedBy = approvedBy;
        this.sessionId = sessionId;
        this.recordedAt = recordedAt;
    }

    /** What takes this movement back: the same member, day and direction, the amount negated, recorded for the reversal. */
    CashMovement reversedBy(JournalEntry reversal, Instant now) {
        return new CashMovement(reversal.id(), memberNumber, businessDate, direction, EntryType.REVERSAL.name(), amount.negate(),
                reversal.postedBy(), reversal.approvedBy(), reversal.sessionId(), now);
    }

    public Long id() {
        return id;
    }

    public Long entryId() {
        return entryId;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String direction() {
        return direction;
    }

    public String entryType() {
        return entryType;
    }

    public Money amount() {
        return amount;
    }

    public String staff() {
        return staff;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
