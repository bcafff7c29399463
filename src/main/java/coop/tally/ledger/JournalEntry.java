package coop.tally.ledger;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A committed journal entry: header and balanced lines. Append-only: every column is
 * insert-only and the class offers no way to change it after it is written.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, updatable = false)
    private EntryType type;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    @Column(name = "posted_by", nullable = false, updatable = false)
    private String postedBy;

    @Column(name = "session_id", updatable = false)
    private String sessionId;

    @Column(name = "approval_id", updatable = false)
    private Long approvalId;

    @Column(name = "approved_by", updatable = false)
    private String approvedBy;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "memo", updatable = false)
    private String memo;

    @Column(name = "reverses_entry_id", updatable = false)
    private Long reversesEntryId;

    @Column(name = "reason_code", updatable = false)
    private String reasonCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "journal_line", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderBy("lineNo")
    private List<JournalLine> lines = new ArrayList<>();

    protected JournalEntry() {
    }

    JournalEntry(EntryHeader header, List<JournalLine> lines) {
        this.type = header.type();
        this.businessDate = header.businessDate();
        this.postedAt = header.postedAt();
        this.postedBy = header.postedBy();
        this.sessionId = header.sessionId();
        this.approvalId = header.approvalId();
        this.approvedBy = header.approvedBy();
        this.idempotencyKey = header.idempotencyKey();
        this.memo = header.memo();
        this.reversesEntryId = header.reversesEntryId();
        this.reasonCode = header.reasonCode();
        this.lines = new ArrayList<>(lines);
    }

    public Long id() {
        return id;
    }

    public EntryType type() {
        return type;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public String postedBy() {
        return postedBy;
    }

    public String sessionId() {
        return sessionId;
    }

    public Long approvalId() {
        return approvalId;
    }

    /** The supervisor who approved the override this entry was posted under, or null. */
    public String approvedBy() {
        return approvedBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String memo() {
        return memo;
    }

    public Long reversesEntryId() {
        return reversesEntryId;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public List<JournalLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<LineDraft> lineDrafts() {
        return lines.stream().map(JournalLine::toDraft).toList();
    }

    /** The entry as it takes part in tamper evidence (see {@link EntryEncoding}). */
    public CanonicalEntry toCanonical() {
        return new CanonicalEntry(id, type, businessDate, postedAt, postedBy, sessionId, approvalId, approvedBy,
                idempotencyKey, memo, reversesEntryId, reasonCode,
                lines.stream().map(JournalLine::toCanonical).toList());
    }
}
