package coop.tally.ledger;

import coop.tally.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal as of one business day, read for the day's close: the trial balance by GL account
 * through that day, and the day's entries that a supervisor approved or that reverse another.
 */
@ApplicationScoped
@Transactional
public class DayLedger {

    /**
     * Debits and credits through a business date, per GL code, or per member account type for the
     * lines of member accounts (rolled up to their control account below).
     */
    private static final String TOTALS = """
            SELECT l.gl_code, a.account_type,
                   COALESCE(SUM(CASE WHEN l.side = 'D' THEN l.amount ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN l.side = 'C' THEN l.amount ELSE 0 END), 0)
              FROM journal_line l
              JOIN journal_entry e ON e.id = l.entry_id
              LEFT JOIN member_account a ON a.id = l.member_account_id
             WHERE e.business_date <= ?
             GROUP BY l.gl_code, a.account_type""";

    /** The control account each member account type rolls up to. */
    private static final Map<String, String> CONTROL = Map.of(
            "SHARE", GlAccounts.MEMBER_SHARES,
            "SHARE_DRAFT", GlAccounts.SHARE_DRAFTS,
            "CERTIFICATE", GlAccounts.CERTIFICATES,
            "LOAN", GlAccounts.MEMBER_LOANS);

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    /** One GL account's line totals; {@code normalSide} is D or C. */
    public record GlTotal(String code, String name, String normalSide, Money debits, Money credits) {
    }

    /** Every GL account with lines through {@code through}, by code; member accounts in their control accounts. */
    public List<GlTotal> trialBalance(LocalDate through) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(TOTALS).setParameter(1, through).getResultList();
        for (Object[] row : rows) {
            String code = row[0] != null ? row[0].toString() : CONTROL.get(String.valueOf(row[1]));
            BigDecimal[] sum = sums.computeIfAbsent(code, c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(new BigDecimal(row[2].toString()));
            sum[1] = sum[1].add(new BigDecimal(row[3].toString()));
        }
        Map<String, GlAccount> chart = new TreeMap<>();
        em.createQuery("select g from GlAccount g", GlAccount.class).getResultList().forEach(g -> chart.put(g.code(), g));
        List<GlTotal> totals = new ArrayList<>();
        sums.forEach((code, sum) -> {
            GlAccount account = chart.get(code);
            totals.add(new GlTotal(code, account == null ? code : account.name(),
                    account == null ? "D" : account.normalSide().name().substring(0, 1),
                    Money.of(sum[0].setScale(2)), Money.of(sum[1].setScale(2))));
        });
        return totals;
    }

    /** The entries of a business date that carried out a supervisor's approval, in order. */
    public List<JournalEntry> approvedOn(LocalDate businessDate) {
        return em.createQuery("select e from JournalEntry e where e.businessDate = :date and e.approvalId is not null"
                + " order by e.id", JournalEntry.class).setParameter("date", businessDate).getResultList();
    }

    /** The reversal entries of a business date, in order. */
    public List<JournalEntry> reversalsOn(LocalDate businessDate) {
        return em.createQuery("select e from JournalEntry e where e.businessDate = :date and e.reversesEntryId is not null"
                + " order by e.id", JournalEntry.class).setParameter("date", businessDate).getResultList();
    }
}
