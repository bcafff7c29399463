package coop.tally.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One opened business day. The newest row is the credit union's current business date. */
@Entity
@Table(name = "business_day")
public class BusinessDay {

    @Id
    @Column(name = "business_date", updatable = false)
    private LocalDate businessDate;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    protected BusinessDay() {
    }

    BusinessDay(LocalDate businessDate, Instant openedAt, String openedBy) {
        this.businessDate = businessDate;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
    }

    public LocalDate date() {
        return businessDate;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }
}
