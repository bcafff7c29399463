package coop.tally.referral;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A product a referral can name, e.g. AUTO_LOAN. Kept as data: ADMIN adds them. */
@Entity
@Table(name = "referral_product")
@Access(AccessType.FIELD)
public class ReferralProduct {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected ReferralProduct() {
        // for JPA
    }

    ReferralProduct(String code, String name, Instant createdAt, String createdBy) {
        this.code = code;
        this.name = name;
        this.active = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void retire() {
        this.active = false;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
