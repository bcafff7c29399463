package coop.tally.referral;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One setting of a rep's referral target for a month; the newest row wins, older rows are history. */
@Entity
@Table(name = "referral_target")
@Access(AccessType.FIELD)
public class ReferralTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "rep", nullable = false, updatable = false)
    private String rep;

    @Column(name = "target_month", nullable = false, updatable = false)
    private String month;

    @Column(name = "target", nullable = false, updatable = false)
    private int target;

    @Column(name = "set_at", nullable = false, updatable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false, updatable = false)
    private String setBy;

    protected ReferralTarget() {
        // for JPA
    }

    ReferralTarget(String rep, String month, int target, Instant setAt, String setBy) {
        this.rep = rep;
        this.month = month;
        this.target = target;
        this.setAt = setAt;
        this.setBy = setBy;
    }

    public String rep() {
        return rep;
    }

    public String month() {
        return month;
    }

    public int target() {
        return target;
    }

    public Instant setAt() {
        return setAt;
    }

    public String setBy() {
        return setBy;
    }
}
