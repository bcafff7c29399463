package coop.tally.referral;

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

/** A later status change of a referral (CONVERTED or EXPIRED), appended; at most one per referral. */
@Entity
@Table(name = "referral_event")
@Access(AccessType.FIELD)
public class ReferralEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private Long referralId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false)
    private ReferralStatus status;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "note", updatable = false)
    private String note;

    protected ReferralEvent() {
        // for JPA
    }

    ReferralEvent(long referralId, ReferralStatus status, Instant occurredAt, String recordedBy, String note) {
        if (status == ReferralStatus.OPEN) {
            throw new IllegalArgumentException("a referral is OPEN by being logged, not by an event");
        }
        this.referralId = referralId;
        this.status = status;
        this.occurredAt = occurredAt;
        this.recordedBy = recordedBy;
        this.note = note;
    }

    public Long id() {
        return id;
    }

    public Long referralId() {
        return referralId;
    }

    public ReferralStatus status() {
        return status;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String note() {
        return note;
    }
}
