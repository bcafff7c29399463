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

/** An official check bought with 3,000.00 to 10,000.00 in cash, with how the buyer was identified. Appended, never changed. */
@Entity
@Table(name = "bsa_instrument_purchase")
public class InstrumentPurchase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_id", updatable = false)
    private Long entryId;

    @Column(name = "member_number", updatable = false)
    private String memberNumber;

    @Column(name = "business_date", updatable = false)
    private LocalDate businessDate;

    @Column(name = "instrument", updatable = false)
    private String instrument;

    @Column(name = "amount", updatable = false)
    private Money amount;

    @Column(name = "session_id", updatable = false)
    private String sessionId;

    @Column(name = "buyer_identified_by", updatable = false)
    private String buyerIdentifiedBy;

    @Column(name = "staff", updatable = false)
    private String staff;

    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    protected InstrumentPurchase() {
    }

    InstrumentPurchase(Long entryId, String memberNumber, LocalDate businessDate, String instrument, Money amount, String sessionId, String buyerIdentifiedBy, String staff, Instant recordedAt) {
        this.entryId = entryId;
        this.memberNumber = memberNumber;
        this.businessDate = businessDate;
        this.instrument = instrument;
        this.amount = amount;
        this.sessionId = sessionId;
        this.buyerIdentifiedBy = buyerIdentifiedBy;
        this.staff = staff;
        this.recordedAt = recordedAt;
    }

    public Long id() {
        return id;
    }

    public Long entryId() {
        return entryId;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String instrument() {
        return instrument;
    }

    public Money amount() {
        return amount;
    }

    public String sessionId() {
        return sessionId;
    }

    public String buyerIdentifiedBy() {
        return buyerIdentifiedBy;
    }

    public String staff() {
        return staff;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
