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

/** A Currency Transaction Report record: a member's cash in one direction on one business day went above 10,000.00. Appended, never changed. */
@Entity
@Table(name = "bsa_ctr")
public class CurrencyTransactionReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_number", updatable = false)
    private String memberNumber;

    @Column(name = "business_date", updatable = false)
    private LocalDate businessDate;

    @Column(name = "direction", updatable = false)
    private String direction;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "triggered_by_entry", updatable = false)
    private Long triggeredByEntry;

    protected CurrencyTransactionReport() {
    }

    CurrencyTransactionReport(String memberNumber, LocalDate businessDate, String direction, Instant createdAt, Long triggeredByEntry) {
        this.memberNumber = memberNumber;
        this.businessDate = businessDate;
        this.direction = direction;
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

    public String direction() {
        return direction;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long triggeredByEntry() {
        return triggeredByEntry;
    }
}
