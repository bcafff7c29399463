package coop.tally.ledger;

import coop.tally.crypto.RowMacs;
import coop.tally.member.AccountType;
import coop.tally.member.DemoAccountsSeeded;
import coop.tally.member.SeededAccount;
import coop.tally.money.Money;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Posts the opening balances of newly loaded demo accounts as OPENING_BALANCE journal entries
 * (a data conversion: each entry credits up to {@value #ACCOUNTS_PER_ENTRY} deposit accounts or
 * debits loans, balanced against GL 3900), and sets the same balances on the accounts in the same
 * transaction. Batched JDBC, because a benchmark data set has hundreds of thousands of accounts.
 * Each entry's MAC is recorded with it ({@link RowMacs}), as {@link Journal} does for postings.
 */
@ApplicationScoped
class OpeningBalanceLoader {

    static final int ACCOUNTS_PER_ENTRY = 500;
    /** What the demo credit union's vault holds at conversion. */
    static final Money DEMO_VAULT_CASH = Money.parseAmount("250000.00");
    private static final String MEMO = "Opening balances converted from the previous core system (demo data)";
    private static final Logger LOG = Logger.getLogger(OpeningBalanceLoader.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    @Inject
    RowMacs rowMacs;

    void post(@Observes DemoAccountsSeeded seeded) throws SQLException {
        List<SeededAccount> funded = seeded.accounts().stream().filter(a -> a.openingBalance().isPositive()).toList();
        long started = System.nanoTime();
        LocalDate businessDate = businessDates.current();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < funded.size(); from += ACCOUNTS_PER_ENTRY) {
                postEntry(connection, funded.subList(from, Math.min(funded.size(), from + ACCOUNTS_PER_ENTRY)), businessDate);
                connection.commit();
            }
            if (!hasLines(connection, GlAccounts.VAULT_CASH)) {
                postVaultCash(connection, businessDate);
                connection.commit();
            }
        }
        LOG.info(() -> "Opening balances of " + funded.size() + " accounts posted in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private void postEntry(Connection connection, List<SeededAccount> accounts, LocalDate businessDate) throws SQLException {
        Instant postedAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        long entryId = insertHeader(connection, businessDate, postedAt);
        List<CanonicalLine> lines = new ArrayList<>();
        Money net = Money.ZERO;
        try (PreparedStatement line = connection.prepareStatement("INSERT INTO journal_line (entry_id, line_no, account_kind,"
                + " account_ref, member_account_id, gl_code, side, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement balance = connection.prepareStatement(
                     "UPDATE member_account SET ledger_balance = ?, available_balance = ? WHERE id = ?")) {
            int lineNo = 0;
            for (SeededAccount account : accounts) {
                boolean loan = account.type() == AccountType.LOAN;
                lines.add(addLine(line, entryId, ++lineNo, "M", account.accountNumber(), account.accountId(), null,
                        loan ? "D" : "C", account.openingBalance()));
                net = loan ? net.minus(account.openingBalance()) : net.plus(account.openingBalance());
                balance.setBigDecimal(1, account.openingBalance().toBigDecimal());
                balance.setBigDecimal(2, account.openingBalance().toBigDecimal());
                balance.setLong(3, account.accountId());
                balance.addBatch();
            }
            if (!net.isZero()) {
                lines.add(addLine(line, entryId, ++lineNo, "G", GlAccounts.OPENING_BALANCE_EQUITY, null,
                        GlAccounts.OPENING_BALANCE_EQUITY, net.isPositive() ? "D" : "C", net.isPositive() ? net : net.negate()));
            }
            line.executeBatch();
            balance.executeBatch();
        }
        recordMac(connection, entryId, businessDate, postedAt, lines);
    }

    /**
     * The vault's cash as converted, once: the drawers' vault buys draw on it, and a vault that
     * issued cash it never had would show a negative balance.
     */
    private void postVaultCash(Connection connection, LocalDate businessDate) throws SQLException {
        Instant postedAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        long entryId = insertHeader(connection, businessDate, postedAt);
        List<CanonicalLine> lines = new ArrayList<>();
        try (PreparedStatement line = connection.prepareStatement("INSERT INTO journal_line (entry_id, line_no, account_kind,"
                + " account_ref, member_account_id, gl_code, side, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            lines.add(addLine(line, entryId, 1, "G", GlAccounts.VAULT_CASH, null, GlAccounts.VAULT_CASH, "D", DEMO_VAULT_CASH));
            lines.add(addLine(line, entryId, 2, "G", GlAccounts.OPENING_BALANCE_EQUITY, null, GlAccounts.OPENING_BALANCE_EQUITY, "C",
                    DEMO_VAULT_CASH));
            line.executeBatch();
        }
        recordMac(connection, entryId, businessDate, postedAt, lines);
    }

    private static boolean hasLines(Connection connection, String glCode) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM journal_line WHERE gl_code = ?")) {
            query.setString(1, glCode);
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static long insertHeader(Connection connection, LocalDate businessDate, Instant postedAt) throws SQLException {
        try (PreparedStatement header = connection.prepareStatement("INSERT INTO journal_entry (entry_type, business_date,"
                + " posted_at, posted_by, memo) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            header.setString(1, EntryType.OPENING_BALANCE.name());
            header.setDate(2, Date.valueOf(businessDate));
            header.setTimestamp(3, Timestamp.from(postedAt));
            header.setString(4, "system");
            header.setString(5, MEMO);
            header.executeUpdate();
            try (ResultSet keys = header.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The entry's MAC, from exactly the values its header and lines were inserted with, in the same transaction. */
    private void recordMac(Connection connection, long entryId, LocalDate businessDate, Instant postedAt,
                           List<CanonicalLine> lines) throws SQLException {
        CanonicalEntry entry = new CanonicalEntry(entryId, EntryType.OPENING_BALANCE, businessDate, postedAt, "system",
                null, null, null, MEMO, null, null, lines);
        rowMacs.record(connection, RowMacs.JOURNAL_ENTRY, entryId, EntryEncoding.encode(entry));
    }

    /** Adds one line to the batch; returns it as it takes part in the entry's canonical bytes. */
    private static CanonicalLine addLine(PreparedStatement line, long entryId, int lineNo, String kind, String ref,
                                Long memberAccountId, String glCode, String side, Money amount) throws SQLException {
        line.setLong(1, entryId);
        line.setInt(2, lineNo);
        line.setString(3, kind);
        line.setString(4, ref);
        if (memberAccountId == null) {
            line.setNull(5, java.sql.Types.BIGINT);
        } else {
            line.setLong(5, memberAccountId);
        }
        line.setString(6, glCode);
        line.setString(7, side);
        line.setBigDecimal(8, amount.toBigDecimal());
        line.addBatch();
        return new CanonicalLine(lineNo, "M".equals(kind) ? AccountRef.member(ref) : AccountRef.gl(ref),
                "D".equals(side) ? Side.DEBIT : Side.CREDIT, amount);
    }
}
