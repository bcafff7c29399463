package coop.tally.caller;

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

import coop.tally.crypto.LogEncoding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of a call's log: append-only, every column {@code updatable = false} and no setter.
 * A note is an event of type NOTE whose detail is the note's text; a correction is a new note.
 */
@Entity
@Table(name = "call_event")
@Access(AccessType.FIELD)
public class CallEvent {

    /** Event types of the call log. */
    public enum Type {
        CALL_STARTED, MEMBER_IDENTIFIED, RED_FLAG, ANI_CHECKED, ATTEMPT, ATTEMPT_REFUSED_LOCKED, LEVEL_REACHED,
        PHONE_ACCESS_LOCKED, PASSCODE_SENT, PIN_SET, CONTACT_CHANGED, MEMBER_VIEWED, POSTING, APPROVAL_OUTCOME, REFERRAL, NOTE,
        TRANSFERRED, CALL_ENDED,
        /** A photo ID inspected in a visit, accepted or refused (never counted towards a phone lockout). */
        PHOTO_ID_CHECKED,
        /** An account opened or closed at the desk for the session's member. */
        ACCOUNT_OPENED, ACCOUNT_CLOSED
    }

    /** Outcome of an attempt. */
    public enum Outcome { PASS, FAIL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false, updatable = false)
    private String callId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "staff", nullable = false, updatable = false)
    private String staff;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false)
    private Type type;

    @Column(name = "member_number", updatable = false)
    private String memberNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "factor", updatable = false)
    private Factor factor;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", updatable = false)
    private Outcome outcome;

    @Column(name = "detail", updatable = false)
    private String detail;

    protected CallEvent() {
        // for JPA
    }

    CallEvent(MemberCall call, Instant at, String staff, Type type, Factor factor, Outcome outcome, String detail) {
        this.callId = call.id();
        // whole microseconds, as the database keeps them: the MAC is computed from these values
        this.occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        this.staff = staff;
        this.type = type;
        this.memberNumber = call.memberNumber();
        this.factor = factor;
        this.outcome = outcome;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String staff() {
        return staff;
    }

    public Type type() {
        return type;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public Factor factor() {
        return factor;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    /** The row as the call log's canonical encoding reads it (enums by name, as stored). */
    public LogEncoding.CallEventRow toLogRow() {
        return new LogEncoding.CallEventRow(id, callId, occurredAt, staff, type.name(), memberNumber,
                factor == null ? null : factor.name(), outcome == null ? null : outcome.name(), detail);
    }
}
