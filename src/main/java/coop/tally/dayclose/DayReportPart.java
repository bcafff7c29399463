package coop.tally.dayclose;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A part of a closed day's stored report text (parts keep every column a plain VARCHAR on both databases). */
@Entity
@Table(name = "day_close_report_part")
public class DayReportPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Column(name = "part_no", nullable = false, updatable = false)
    private int partNo;

    @Column(name = "content", nullable = false, updatable = false)
    private String content;

    protected DayReportPart() {
    }

    DayReportPart(LocalDate businessDate, int partNo, String content) {
        this.businessDate = businessDate;
        this.partNo = partNo;
        this.content = content;
    }

    String content() {
        return content;
    }
}
