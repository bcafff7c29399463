package coop.tally.caller;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A member's telephone PIN, held only as an Argon2id hash. */
@Entity
@Table(name = "member_pin")
@Access(AccessType.FIELD)
public class MemberPin {

    @Id
    @Column(name = "member_number")
    private String memberNumber;

    @Column(name = "pin_hash", nullable = false)
    private String pinHash;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    @Column(name = "call_id", nullable = false)
    private String callId;

    protected MemberPin() {
        // for JPA
    }

    MemberPin(String memberNumber) {
        this.memberNumber = memberNumber;
    }

    void set(String pinHash, Instant at, String staff, String callId) {
        this.pinHash = pinHash;
        this.setAt = at;
        this.setBy = staff;
        this.callId = callId;
    }

    String pinHash() {
        return pinHash;
    }
}
