package coop.tally.account;

import coop.tally.member.AccountType;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What the desk adds to an account it opened: who opened it in which session, under which
 * idempotency key, and for a certificate its term and whether it renews at maturity (the only
 * thing that changes afterwards: a rep may mark it for renewal, or not).
 */
@Entity
@Table(name = "account_opening")
@Access(AccessType.FIELD)
public class AccountOpening {

    @Id
    @Column(name = "account_number", nullable = false, updatable = false)
    private String accountNumber;

    @Column(name = "member_number", nullable = false, updatable = false)
    private String memberNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, updatable = false)
    private AccountType type;

    @Column(name = "term_months", updatable = false)
    private Integer termMonths;

    @Column(name = "renew_at_maturity", nullable = false)
    private boolean renewAtMaturity;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "call_id", nullable = false, updatable = false)
    private String callId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    protected AccountOpening() {
        // for JPA
    }

    AccountOpening(String accountNumber, String memberNumber, AccountType type, Integer termMonths, boolean renewAtMaturity,
                   String openedBy, String callId, String idempotencyKey, Instant openedAt) {
        this.accountNumber = accountNumber;
        this.memberNumber = memberNumber;
        this.type = type;
        this.termMonths = termMonths;
        this.renewAtMaturity = renewAtMaturity;
        this.openedBy = openedBy;
        this.callId = callId;
        this.idempotencyKey = idempotencyKey;
        this.openedAt = openedAt;
    }

    void markRenewal(boolean renew) {
        renewAtMaturity = renew;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public AccountType type() {
        return type;
    }

    public Integer termMonths() {
        return termMonths;
    }

    public boolean renewAtMaturity() {
        return renewAtMaturity;
    }

    public String openedBy() {
        return openedBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
