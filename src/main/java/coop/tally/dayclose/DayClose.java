package coop.tally.dayclose;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One closed business day. Written once by the close, never changed. */
@Entity
@Table(name = "day_close")
public class DayClose {

    @Id
    @Column(name = "business_date", updatable = false)
    private LocalDate businessDate;

    @Column(name = "next_business_date", nullable = false, updatable = false)
    private LocalDate nextBusinessDate;

    @Column(name = "closed_at", nullable = false, updatable = false)
    private Instant closedAt;

    @Column(name = "closed_by", nullable = false, updatable = false)
    private String closedBy;

    @Column(name = "holds_released", nullable = false, updatable = false)
    private int holdsReleased;

    @Column(name = "report_sha256", nullable = false, updatable = false)
    private String reportSha256;

    protected DayClose() {
    }

    DayClose(LocalDate businessDate, LocalDate nextBusinessDate, Instant closedAt, String closedBy, int holdsReleased,
             String reportSha256) {
        this.businessDate = businessDate;
        this.nextBusinessDate = nextBusinessDate;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.holdsReleased = holdsReleased;
        this.reportSha256 = reportSha256;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public LocalDate nextBusinessDate() {
        return nextBusinessDate;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public int holdsReleased() {
        return holdsReleased;
    }

    public String reportSha256() {
        return reportSha256;
    }
}
