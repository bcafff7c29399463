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

/** A lock of a member's phone access; open until a supervisor unlocks it with a reason. */
@Entity
@Table(name = "phone_lock")
@Access(AccessType.FIELD)
public class PhoneLock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_number", nullable = false, updatable = false)
    private String memberNumber;

    @Column(name = "locked_at", nullable = false, updatable = false)
    private Instant lockedAt;

    @Column(name = "call_id", updatable = false)
    private String callId;

    @Column(name = "unlocked_at")
    private Instant unlockedAt;

    @Column(name = "unlocked_by")
    private String unlockedBy;

    @Column(name = "unlock_reason")
    private String unlockReason;

    protected PhoneLock() {
        // for JPA
    }

    PhoneLock(String memberNumber, Instant lockedAt, String callId) {
        this.memberNumber = memberNumber;
        this.lockedAt = lockedAt;
        this.callId = callId;
    }

    void unlock(Instant at, String supervisor, String reason) {
        this.unlockedAt = at;
        this.unlockedBy = supervisor;
        this.unlockReason = reason;
    }

    public Instant lockedAt() {
        return lockedAt;
    }

    public Instant unlockedAt() {
        return unlockedAt;
    }
}
