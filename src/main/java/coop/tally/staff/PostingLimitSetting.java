package coop.tally.staff;

import coop.tally.money.Money;
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
 * One setting of a limit by an admin, for a role or one staff member. Appended, never changed: the
 * newest setting for a (scope, subject, limit) is in force, the older ones are its history.
 */
@Entity
@Table(name = "posting_limit")
public class PostingLimitSetting {

    /** Whom a setting applies to. */
    public enum Scope { ROLE, STAFF }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Scope scope;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "limit_name", nullable = false, updatable = false)
    private PostingLimit limit;

    @Column(nullable = false, updatable = false)
    private Money amount;

    @Column(name = "set_by", nullable = false, updatable = false)
    private String setBy;

    @Column(name = "set_at", nullable = false, updatable = false)
    private Instant setAt;

    protected PostingLimitSetting() {
    }

    PostingLimitSetting(Scope scope, String subject, PostingLimit limit, Money amount, String setBy, Instant setAt) {
        this.scope = scope;
        this.subject = subject;
        this.limit = limit;
        this.amount = amount;
        this.setBy = setBy;
        this.setAt = setAt;
    }

    public Long id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    public String subject() {
        return subject;
    }

    public PostingLimit limit() {
        return limit;
    }

    public Money amount() {
        return amount;
    }

    public String setBy() {
        return setBy;
    }

    public Instant setAt() {
        return setAt;
    }
}
