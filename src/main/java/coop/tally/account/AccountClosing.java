package coop.tally.account;

import coop.tally.money.Money;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How an account was closed at the desk: by whom, its payout and penalty, under which approval. Never changed. */
@Entity
@Table(name = "account_closing")
@Access(AccessType.FIELD)
public class AccountClosing {

    @Id
    @Column(name = "account_number", nullable = false, updatable = false)
    private String accountNumber;

    @Column(name = "closed_by", nullable = false, updatable = false)
    private String closedBy;

    @Column(name = "call_id", nullable = false, updatable = false)
    private String callId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "payout", nullable = false, updatable = false)
    private Payout payout;

    @Column(name = "payout_account", updatable = false)
    private String payoutAccount;

    @Column(name = "paid_out", nullable = false, updatable = false)
    private Money paidOut;

    @Column(name = "penalty", nullable = false, updatable = false)
    private Money penalty;

    @Column(name = "penalty_waived", nullable = false, updatable = false)
    private boolean penaltyWaived;

    @Column(name = "approval_id", updatable = false)
    private Long approvalId;

    @Column(name = "closed_at", nullable = false, updatable = false)
    private Instant closedAt;

    protected AccountClosing() {
        // for JPA
    }

    AccountClosing(String accountNumber, String closedBy, String callId, String idempotencyKey, Payout payout,
                   String payoutAccount, Money paidOut, Money penalty, boolean penaltyWaived, Long approvalId, Instant closedAt) {
        this.accountNumber = accountNumber;
        this.closedBy = closedBy;
        this.callId = callId;
        this.idempotencyKey = idempotencyKey;
        this.payout = payout;
        this.payoutAccount = payoutAccount;
        this.paidOut = paidOut;
        this.penalty = penalty;
        this.penaltyWaived = penaltyWaived;
        this.approvalId = approvalId;
        this.closedAt = closedAt;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String closedBy() {
        return closedBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Payout payout() {
        return payout;
    }

    public String payoutAccount() {
        return payoutAccount;
    }

    public Money paidOut() {
        return paidOut;
    }

    public Money penalty() {
        return penalty;
    }

    public boolean penaltyWaived() {
        return penaltyWaived;
    }

    public Long approvalId() {
        return approvalId;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
