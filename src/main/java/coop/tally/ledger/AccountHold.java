package coop.tally.ledger;

import coop.tally.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** Part of a deposit not yet available to the member, until its release date. */
@Entity
@Table(name = "account_hold")
public class AccountHold {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_account_id", nullable = false, updatable = false)
    private Long memberAccountId;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private Long entryId;

    @Column(name = "amount", nullable = false, updatable = false)
    private Money amount;

    @Column(name = "placed_on", nullable = false, updatable = false)
    private LocalDate placedOn;

    @Column(name = "release_on", nullable = false, updatable = false)
    private LocalDate releaseOn;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "release_reason")
    private String releaseReason;

    @Version
    private long version;

    protected AccountHold() {
    }

    AccountHold(Long memberAccountId, Long entryId, Money amount, LocalDate placedOn, LocalDate releaseOn) {
        this.memberAccountId = memberAccountId;
        this.entryId = entryId;
        this.amount = amount;
        this.placedOn = placedOn;
        this.releaseOn = releaseOn;
    }

    public Long memberAccountId() {
        return memberAccountId;
    }

    public Long entryId() {
        return entryId;
    }

    public Money amount() {
        return amount;
    }

    public LocalDate placedOn() {
        return placedOn;
    }

    public LocalDate releaseOn() {
        return releaseOn;
    }

    public boolean isActive() {
        return releasedAt == null;
    }

    void release(Instant at, String reason) {
        releasedAt = at;
        releaseReason = reason;
    }
}
