package coop.tally.caller;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A message to a member, written in the same transaction as what caused it (so a rolled-back
 * request sends nothing) and delivered later by a gateway that reads the unsent rows and stamps
 * {@code sent_at}; the demo has no gateway and shows the outbox to ADMIN instead.
 */
@Entity
@Table(name = "outbox_message")
@Access(AccessType.FIELD)
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "channel", nullable = false, updatable = false)
    private String channel;

    @Column(name = "destination", nullable = false, updatable = false)
    private String destination;

    @Column(name = "member_number", updatable = false)
    private String memberNumber;

    @Column(name = "call_id", updatable = false)
    private String callId;

    @Column(name = "purpose", nullable = false, updatable = false)
    private String purpose;

    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
        // for JPA
    }

    OutboxMessage(Instant createdAt, String channel, String destination, String memberNumber, String callId,
                  String purpose, String body) {
        this.createdAt = createdAt;
        this.channel = channel;
        this.destination = destination;
        this.memberNumber = memberNumber;
        this.callId = callId;
        this.purpose = purpose;
        this.body = body;
    }

    public Long id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String channel() {
        return channel;
    }

    public String destination() {
        return destination;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public String callId() {
        return callId;
    }

    public String purpose() {
        return purpose;
    }

    public String body() {
        return body;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
