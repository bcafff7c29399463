package coop.tally.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One thing that happened to an approval request. Appended, never changed or removed. */
@Entity
@Table(name = "approval_event")
public class ApprovalEvent {

    /**
     * REQUESTED by the maker; APPROVED, DENIED (by a supervisor), EXPIRED (after 30 minutes),
     * CANCELLED (by the maker); after an approval, EXECUTED (it posted) or REFUSED (the re-check refused it).
     */
    public enum Type { REQUESTED, APPROVED, DENIED, EXPIRED, CANCELLED, EXECUTED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false)
    private Type type;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String code;

    @Column(name = "entry_id", updatable = false)
    private Long entryId;

    @Column(updatable = false)
    private String outcome;

    protected ApprovalEvent() {
    }

    ApprovalEvent(long requestId, Type type, Instant occurredAt, String actor, String reason, String code,
                  Long entryId, String outcome) {
        this.requestId = requestId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.reason = reason;
        this.code = code;
        this.entryId = entryId;
        this.outcome = outcome;
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
    }

    public Type type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    public Long entryId() {
        return entryId;
    }

    public String outcome() {
        return outcome;
    }
}
