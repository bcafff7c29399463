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

/**
 * What a maker asked for that needs a supervisor: written once, never changed. What becomes of it
 * is its list of {@link ApprovalEvent}s. The payload is the request itself as JSON, enough for its
 * kind's {@link ApprovalExecutor} to run it again on approval; reasons and balances are JSON arrays.
 */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ApprovalKind kind;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "session_id", updatable = false)
    private String sessionId;

    @Column(name = "member_number", updatable = false)
    private String memberNumber;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(nullable = false, updatable = false)
    private String summary;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(nullable = false, updatable = false)
    private String reasons;

    @Column(nullable = false, updatable = false)
    private String balances;

    protected ApprovalRequest() {
    }

    ApprovalRequest(ApprovalKind kind, String requestedBy, String sessionId, String memberNumber, Instant requestedAt,
                    Instant expiresAt, String summary, String payload, String reasons, String balances) {
        this.kind = kind;
        this.requestedBy = requestedBy;
        this.sessionId = sessionId;
        this.memberNumber = memberNumber;
        this.requestedAt = requestedAt;
        this.expiresAt = expiresAt;
        this.summary = summary;
        this.payload = payload;
        this.reasons = reasons;
        this.balances = balances;
    }

    public Long id() {
        return id;
    }

    public ApprovalKind kind() {
        return kind;
    }

    public String requestedBy() {
        return requestedBy;
    }

    /** The call (or visit) the request was made in, or null for a kind that needs none. */
    public String sessionId() {
        return sessionId;
    }

    /** The member whose money or access it concerns, or null. */
    public String memberNumber() {
        return memberNumber;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String summary() {
        return summary;
    }

    public jakarta.json.JsonObject payload() {
        return read(payload).asJsonObject();
    }

    public jakarta.json.JsonArray reasons() {
        return read(reasons).asJsonArray();
    }

    public jakarta.json.JsonArray balances() {
        return read(balances).asJsonArray();
    }

    private static jakarta.json.JsonValue read(String json) {
        try (var reader = coop.tally.web.JsonBuilders.JSON.createReader(new java.io.StringReader(json))) {
            return reader.readValue();
        }
    }
}
