package coop.tally.drawer;

import coop.tally.money.Money;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of a drawer's cash with the journal entry that made it. Append-only. */
@Entity
@Table(name = "drawer_movement")
@Access(AccessType.FIELD)
public class DrawerMovement {

    /** What moved the cash. */
    public enum Kind { OPENING_ISSUE, CASH_POSTING, REVERSAL, VAULT_BUY, VAULT_SELL, OVER_SHORT, CLOSING_RETURN, TELLER_TRANSFER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "drawer_id", nullable = false, updatable = false)
    private Long drawerId;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private Long entryId;

    @Column(name = "kind", nullable = false, updatable = false)
    private String kind;

    @Column(name = "direction", nullable = false, updatable = false)
    private String direction;

    @Column(name = "amount", nullable = false, updatable = false)
    private Money amount;

    @Column(name = "expected_after", nullable = false, updatable = false)
    private Money expectedAfter;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "staff", nullable = false, updatable = false)
    private String staff;

    @Column(name = "denominations", updatable = false)
    private String denominations;

    protected DrawerMovement() {
        // for JPA
    }

    DrawerMovement(Drawer drawer, long entryId, Kind kind, Money delta, Instant at, String staff, DenominationCount denominations) {
        this.drawerId = drawer.id();
        this.entryId = entryId;
        this.kind = kind.name();
        this.direction = delta.isNegative() ? "O" : "I";
        this.amount = delta.isNegative() ? delta.negate() : delta;
        this.expectedAfter = drawer.expectedCash();
        this.occurredAt = at;
        this.staff = staff;
        this.denominations = denominations == null ? null : denominations.encode();
    }

    public Long id() {
        return id;
    }

    public long entryId() {
        return entryId;
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    public boolean in() {
        return "I".equals(direction);
    }

    public Money amount() {
        return amount;
    }

    Money expectedAfter() {
        return expectedAfter;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String staff() {
        return staff;
    }

    public DenominationCount denominations() {
        return denominations == null ? null : DenominationCount.decode(denominations);
    }
}
