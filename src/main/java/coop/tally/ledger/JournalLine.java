package coop.tally.ledger;

import coop.tally.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One committed line of a journal entry: a value object stored in {@code journal_line}, written
 * once with its entry and never changed.
 */
@Embeddable
public class JournalLine {

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    /** 'M' member account, 'G' general-ledger account. */
    @Column(name = "account_kind", nullable = false, updatable = false, length = 1)
    private String accountKind;

    /** The account number or GL code, exactly as hashed. */
    @Column(name = "account_ref", nullable = false, updatable = false)
    private String accountRef;

    @Column(name = "member_account_id", updatable = false)
    private Long memberAccountId;

    @Column(name = "gl_code", updatable = false)
    private String glCode;

    /** 'D' debit, 'C' credit. */
    @Column(name = "side", nullable = false, updatable = false, length = 1)
    private String side;

    @Column(name = "amount", nullable = false, updatable = false, precision = 19, scale = 2)
    private Money amount;

    protected JournalLine() {
    }

    JournalLine(int lineNo, AccountRef account, Long memberAccountId, Side side, Money amount) {
        this.lineNo = lineNo;
        this.accountKind = account.isMember() ? "M" : "G";
        this.accountRef = account.id();
        this.memberAccountId = account.isMember() ? memberAccountId : null;
        this.glCode = account.isMember() ? null : account.id();
        this.side = side == Side.DEBIT ? "D" : "C";
        this.amount = amount;
    }

    public int lineNo() {
        return lineNo;
    }

    public AccountRef account() {
        return "M".equals(accountKind) ? AccountRef.member(accountRef) : AccountRef.gl(accountRef);
    }

    public Long memberAccountId() {
        return memberAccountId;
    }

    public Side side() {
        return "D".equals(side) ? Side.DEBIT : Side.CREDIT;
    }

    public Money amount() {
        return amount;
    }

    public LineDraft toDraft() {
        return new LineDraft(account(), side(), amount);
    }

    CanonicalLine toCanonical() {
        return new CanonicalLine(lineNo, account(), side(), amount);
    }
}
