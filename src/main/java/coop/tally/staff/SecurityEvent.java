package coop.tally.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import coop.tally.crypto.LogEncoding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line of the append-only security log. Immutable once written. */
@Entity
@Table(name = "security_event")
public class SecurityEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String subject;

    @Column(updatable = false)
    private String detail;

    @Column(name = "remote_addr", updatable = false)
    private String remoteAddress;

    protected SecurityEvent() {
    }

    SecurityEvent(Instant occurredAt, String eventType, String actor, String subject, String detail, String remoteAddress) {
        // whole microseconds, as the database keeps them: the MAC is computed from these values
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.eventType = eventType;
        this.actor = actor;
        this.subject = subject;
        this.detail = detail;
        this.remoteAddress = remoteAddress;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String eventType() {
        return eventType;
    }

    public String actor() {
        return actor;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** The row as the security log's canonical encoding reads it. */
    public LogEncoding.SecurityEventRow toLogRow() {
        return new LogEncoding.SecurityEventRow(id, occurredAt, eventType, actor, subject, detail, remoteAddress);
    }
}
