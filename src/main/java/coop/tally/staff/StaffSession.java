package coop.tally.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/** A signed-in staff member's bearer token, kept only as a SHA-256 hash of the token. */
@Entity
@Table(name = "staff_session")
public class StaffSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "staff_id")
    private Staff staff;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason")
    private String revokeReason;

    @Version
    private long version;

    protected StaffSession() {
    }

    StaffSession(String tokenHash, Staff staff, Instant now, Duration lifetime) {
        this.tokenHash = tokenHash;
        this.staff = staff;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    String tokenHash() {
        return tokenHash;
    }

    public Staff staff() {
        return staff;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }

    /** Why this token may not be used now, or null when it may. */
    TokenState stateAt(Instant now, Duration idleTimeout) {
        if (revokedAt != null) {
            return TokenState.REVOKED;
        }
        if (!now.isBefore(expiresAt) || !now.isBefore(lastSeenAt.plus(idleTimeout))) {
            return TokenState.EXPIRED;
        }
        if (!staff.isEnabled()) {
            return TokenState.REVOKED;
        }
        return TokenState.VALID;
    }

    void touch(Instant now) {
        lastSeenAt = now;
    }

    void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokeReason = reason;
        }
    }

    enum TokenState { VALID, EXPIRED, REVOKED }
}
