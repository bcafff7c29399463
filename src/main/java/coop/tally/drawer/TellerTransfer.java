package coop.tally.drawer;

import coop.tally.money.Money;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Cash by denomination handed from one rep's open drawer to another's of the same business day.
 * Proposed by the sender; nothing moves until the receiver accepts with a matching count of their
 * own, when one journal entry moves the cash between the drawers. The state changes once, through
 * {@link TellerTransferRules#next}, with the row and both drawers locked ({@link TellerTransfers}).
 */
@Entity
@Table(name = "teller_transfer")
@Access(AccessType.FIELD)
public class TellerTransfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Column(name = "from_drawer_id", nullable = false, updatable = false)
    private Long fromDrawerId;

    @Column(name = "to_drawer_id", nullable = false, updatable = false)
    private Long toDrawerId;

    @Column(name = "from_rep", nullable = false, updatable = false)
    private String fromRep;

    @Column(name = "to_rep", nullable = false, updatable = false)
    private String toRep;

    @Column(name = "amount", nullable = false, updatable = false)
    private Money amount;

    @Column(name = "denominations", nullable = false, updatable = false)
    private String denominations;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private TellerTransferState state;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "reason")
    private String reason;

    @Column(name = "entry_id")
    private Long entryId;

    protected TellerTransfer() {
        // for JPA
    }

    TellerTransfer(Drawer from, Drawer to, DenominationCount count, Instant at) {
        this.businessDate = from.businessDate();
        this.fromDrawerId = from.id();
        this.toDrawerId = to.id();
        this.fromRep = from.owner();
        this.toRep = to.owner();
        this.amount = count.total();
        this.denominations = count.encode();
        this.state = TellerTransferState.PROPOSED;
        this.proposedAt = at;
    }

    /** Takes the step (refused unless the transfer is PROPOSED); {@code entryId} is the accepted transfer's entry. */
    void decide(TellerTransferRules.Step step, String staff, Instant at, String why, Long entry) {
        this.state = TellerTransferRules.next(state, step);
        this.decidedBy = staff;
        this.decidedAt = at;
        this.reason = why;
        this.entryId = entry;
    }

    public Long id() {
        return id;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public long fromDrawerId() {
        return fromDrawerId;
    }

    public long toDrawerId() {
        return toDrawerId;
    }

    public String fromRep() {
        return fromRep;
    }

    public String toRep() {
        return toRep;
    }

    public Money amount() {
        return amount;
    }

    public DenominationCount denominations() {
        return DenominationCount.decode(denominations);
    }

    public TellerTransferState state() {
        return state;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    public Long entryId() {
        return entryId;
    }
}
