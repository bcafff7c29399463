package coop.tally.drawer;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** Something about a drawer a supervisor must look at. Append-only. */
@Entity
@Table(name = "drawer_flag")
@Access(AccessType.FIELD)
public class DrawerFlag {

    /** Why a drawer is flagged. */
    public enum Kind {
        /** The opening count differs from the cash the vault issued. */
        OPENING_DIFFERENCE,
        /** The drawer was still open (or waiting for approval) when the business date advanced. */
        OPEN_AT_DAY_END
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "drawer_id", nullable = false, updatable = false)
    private Long drawerId;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Column(name = "flag", nullable = false, updatable = false)
    private String flag;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "detail", updatable = false)
    private String detail;

    protected DrawerFlag() {
        // for JPA
    }

    DrawerFlag(Drawer drawer, Kind kind, Instant at, String detail) {
        this.drawerId = drawer.id();
        this.businessDate = drawer.businessDate();
        this.flag = kind.name();
        this.raisedAt = at;
        this.detail = detail;
    }

    public Long drawerId() {
        return drawerId;
    }

    public Kind kind() {
        return Kind.valueOf(flag);
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public String detail() {
        return detail;
    }
}
