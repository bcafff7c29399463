package coop.tally.bsa;

import coop.tally.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** Cash deposits just under the CTR threshold repeated within 3 business days, for review. Appended, never changed. */
@Entity
@Table(name = "bsa_structuring_alert")
public class StructuringAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_number", updatable = false)
    private String memberNumber;

    @Column(name = "business_date", updatable = false)
    private LocalDate businessDate;

    @Column(name = "entry_ids", updatable = false)
    private String entryIds;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "triggered_by_entry", updatable = false)
    private Long triggeredByEntry;

    protected StructuringAlert() {
    }

    StructuringAlert(String memberNumber, LocalDate businessDate, String entryIds, Instant createdAt, Long triggeredByEntry) {
        this.memberNumber = memberNumber;
        this.businessDate = businessDate;
        this.entryIds = entryIds;
        this.createdAt = createdAt;
        this.triggeredByEntry = triggeredByEntry;
    }

    public Long id() {
        return id;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String entryIds() {
        return entryIds;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long triggeredByEntry() {
        return triggeredByEntry;
    }
}
