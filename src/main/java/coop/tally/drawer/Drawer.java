package coop.tally.drawer;

import coop.tally.money.Money;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One rep's cash drawer for one business day. Its expected cash is the balance of its own GL
 * account and moves only through {@link #move}, which {@link DrawerService} calls with the
 * journal entry that moved the same amount, the row locked. There is deliberately no setter for
 * it: a drawer is never adjusted by hand; a difference found at close is posted to cash over/short.
 */
@Entity
@Table(name = "drawer")
@Access(AccessType.FIELD)
public class Drawer {

    /** GL codes of drawers: the teller cash parent, then D and the drawer's id. */
    static final String GL_PREFIX = coop.tally.ledger.GlAccounts.DRAWER_CASH_PREFIX;

    /** Whether the line is on some drawer's cash account. */
    static boolean movesDrawerCash(coop.tally.ledger.LineDraft line) {
        return !line.account().isMember() && line.account().id().startsWith(GL_PREFIX);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner", nullable = false, updatable = false)
    private String owner;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Column(name = "gl_code")
    private String glCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private DrawerState state;

    @Column(name = "expected_cash", nullable = false)
    private Money expectedCash;

    @Column(name = "cash_limit", nullable = false, updatable = false)
    private Money cashLimit;

    @Column(name = "vault_issue", nullable = false, updatable = false)
    private Money vaultIssue;

    @Column(name = "opening_count", nullable = false, updatable = false)
    private String openingCount;

    @Column(name = "opening_total", nullable = false, updatable = false)
    private Money openingTotal;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closing_count")
    private String closingCount;

    @Column(name = "closing_total")
    private Money closingTotal;

    @Column(name = "expected_at_count")
    private Money expectedAtCount;

    @Column(name = "over_short")
    private Money overShort;

    @Column(name = "counted_at")
    private Instant countedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "close_approved_by")
    private String closeApprovedBy;

    @Column(name = "close_reason")
    private String closeReason;

    @Column(name = "close_approval_id")
    private Long closeApprovalId;

    protected Drawer() {
        // for JPA
    }

    /** A new drawer holding nothing yet: the vault issue arrives by a VAULT_BUY entry through {@link #move}. */
    Drawer(String owner, LocalDate businessDate, Money cashLimit, Money vaultIssue, DenominationCount openingCount, Instant now) {
        this.owner = Objects.requireNonNull(owner);
        this.businessDate = Objects.requireNonNull(businessDate);
        this.state = DrawerState.OPEN;
        this.expectedCash = Money.ZERO;
        this.cashLimit = cashLimit;
        this.vaultIssue = vaultIssue;
        this.openingCount = openingCount.encode();
        this.openingTotal = openingCount.total();
        this.openedAt = now;
    }

    /** Names the drawer's GL account once its id is known. */
    void assignGlAccount() {
        if (glCode != null || id == null) {
            throw new IllegalStateException("The GL account is assigned once, after the drawer is stored");
        }
        glCode = coop.tally.ledger.GlAccounts.drawerCash(id);
    }

    /**
     * Moves the expected cash by {@code delta} (positive: cash in). Only {@link DrawerService}
     * calls it, for a journal entry that debits or credits this drawer's GL account by the same.
     */
    void move(Money delta) {
        if (state == DrawerState.CLOSED) {
            throw new IllegalStateException("A closed drawer takes no postings");
        }
        expectedCash = expectedCash.plus(delta);
    }

    /** The close count is in: the expected cash is compared (and from now on shown). */
    void counted(DenominationCount count, Instant at) {
        this.closingCount = count.encode();
        this.closingTotal = count.total();
        this.expectedAtCount = expectedCash;
        this.overShort = closingTotal.minus(expectedCash);
        this.countedAt = at;
        this.state = DrawerState.AWAITING_APPROVAL;
    }

    /** The close counted out of tolerance waits for this approval request. */
    void awaitsApproval(long approvalId) {
        if (state != DrawerState.AWAITING_APPROVAL) {
            throw new IllegalStateException("Only a drawer counted out of tolerance waits for an approval");
        }
        this.closeApprovalId = approvalId;
    }

    /** The approval request the close waits for (or waited for), or null when the count was within tolerance. */
    public Long closeApprovalId() {
        return closeApprovalId;
    }

    void closed(Instant at, String approvedBy, String reason) {
        this.state = DrawerState.CLOSED;
        this.closedAt = at;
        this.closeApprovedBy = approvedBy;
        this.closeReason = reason;
    }

    public boolean isOverLimit() {
        return expectedCash.isGreaterThan(cashLimit);
    }

    public boolean isCounted() {
        return countedAt != null;
    }

    public Long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String glCode() {
        return glCode;
    }

    public DrawerState state() {
        return state;
    }

    /** The expected cash: callers must show it only once {@link #isCounted()} (blind close). */
    Money expectedCash() {
        return expectedCash;
    }

    public Money cashLimit() {
        return cashLimit;
    }

    public Money vaultIssue() {
        return vaultIssue;
    }

    public DenominationCount openingCount() {
        return DenominationCount.decode(openingCount);
    }

    public Money openingTotal() {
        return openingTotal;
    }

    public Money openingDifference() {
        return openingTotal.minus(vaultIssue);
    }

    public Instant openedAt() {
        return openedAt;
    }

    public DenominationCount closingCount() {
        return closingCount == null ? null : DenominationCount.decode(closingCount);
    }

    public Money closingTotal() {
        return closingTotal;
    }

    public Money expectedAtCount() {
        return expectedAtCount;
    }

    /** Counted minus expected: positive is over, negative is short; null before the count. */
    public Money overShort() {
        return overShort;
    }

    public Instant countedAt() {
        return countedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closeApprovedBy() {
        return closeApprovedBy;
    }

    public String closeReason() {
        return closeReason;
    }
}
