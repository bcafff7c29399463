package coop.tally.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An account of the general ledger's chart. Its balance is not stored: it is derived from the
 * journal lines, so no posting has to lock a shared GL row (DESIGN.md "Concurrency").
 */
@Entity
@Table(name = "gl_account")
public class GlAccount {

    @Id
    @Column(name = "code", updatable = false)
    private String code;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "category", nullable = false, updatable = false)
    private String category;

    @Column(name = "normal_side", nullable = false, updatable = false, length = 1)
    private String normalSide;

    @Column(name = "parent_code", updatable = false)
    private String parentCode;

    @Column(name = "controls_type", updatable = false)
    private String controlsType;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected GlAccount() {
    }

    GlAccount(String code, String name, GlAccount parent, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.category = parent.category;
        this.normalSide = parent.normalSide;
        this.parentCode = parent.code;
        this.createdAt = createdAt;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String category() {
        return category;
    }

    public Side normalSide() {
        return "D".equals(normalSide) ? Side.DEBIT : Side.CREDIT;
    }

    public String parentCode() {
        return parentCode;
    }

    public String controlsType() {
        return controlsType;
    }
}
