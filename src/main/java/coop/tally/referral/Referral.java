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
import java.time.LocalDate;

/**
 * A referral as the rep logged it in a verified call. Append-only: every column is
 * {@code updatable = false} and there is no setter; what happens later is a {@link ReferralEvent}.
 */
@Entity
@Table(name = "referral")
@Access(AccessType.FIELD)
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_number", nullable = false, updatable = false)
    private String memberNumber;

    @Column(name = "product_code", nullable = false, updatable = false)
    private String productCode;

    @Column(name = "referred_by", nullable = false, updatable = false)
    private String referredBy;

    @Column(name = "call_id", nullable = false, updatable = false)
    private String callId;

    @Enumerated(EnumType.STRING)
    @Column(name = "disposition", nullable = false, updatable = false)
    private ReferralDisposition disposition;

    @Column(name = "notes", updatable = false)
    private String notes;

    @Column(name = "follow_up_on", updatable = false)
    private LocalDate followUpOn;

    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant loggedAt;

    protected Referral() {
        // for JPA
    }

    Referral(String memberNumber, String productCode, String referredBy, String callId, ReferralDisposition disposition,
             String notes, LocalDate followUpOn, Instant loggedAt) {
        this.memberNumber = memberNumber;
        this.productCode = productCode;
        this.referredBy = referredBy;
        this.callId = callId;
        this.disposition = disposition;
        this.notes = notes;
        this.followUpOn = followUpOn;
        this.loggedAt = loggedAt;
    }

    public Long id() {
        return id;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public String productCode() {
        return productCode;
    }

    public String referredBy() {
        return referredBy;
    }

    public String callId() {
        return callId;
    }

    public ReferralDisposition disposition() {
        return disposition;
    }

    public String notes() {
        return notes;
    }

    public LocalDate followUpOn() {
        return followUpOn;
    }

    public Instant loggedAt() {
        return loggedAt;
    }

    /** When an unconverted referral expires. */
    public Instant expiresAt() {
        return ReferralRules.expiresAt(loggedAt);
    }
}
