package coop.tally.member;

import coop.tally.crypto.FieldCipher;
import coop.tally.money.Money;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes demo members with plain JDBC batches: JPA would flush row by row, and a large demo set
 * (100,000 members) must load in well under a minute.
 *
 * <p>Ids are chosen here, not by the identity columns (see V3__members.sql for why): every member
 * index owns a fixed block of ids in each table (one member, two phones, one address, four
 * accounts), so that chunks can be written by several connections at once and in any order. The
 * identities are moved past all blocks before the first row is written ({@link IdBlocks#reserve}),
 * so the application's own inserts never collide with demo rows, even after a load that failed
 * half-way. Unused ids in a block are simply never used.
 */
final class DemoMemberWriter {

    static final int PHONES_PER_MEMBER = 2;
    static final int ACCOUNTS_PER_MEMBER = 4;

    private static final String INSERT_MEMBER = "INSERT INTO member (id, member_number, first_name, last_name,"
            + " last_name_key, full_name_key, date_of_birth, ssn_encrypted, ssn_last4, email, status, joined_on, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final String INSERT_PHONE = "INSERT INTO member_phone (id, member_id, phone_number, kind, is_primary)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_ADDRESS = "INSERT INTO member_address (id, member_id, line1, line2, city, state,"
            + " zip, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    /** Balances are not written: they start at zero and come from the journal. */
    private static final String INSERT_ACCOUNT = "INSERT INTO member_account (id, account_number, member_id,"
            + " account_type, status, opened_on, closed_on, annual_rate, interest_paid_to, late_fees_due,"
            + " next_due_date, payment_amount, maturity_date, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    /** The highest ids in use before the load; demo ids are counted up from them. */
    record IdBlocks(long member, long phone, long address, long account) {

        static IdBlocks read(Connection connection) throws SQLException {
            return new IdBlocks(highestId(connection, "member"), highestId(connection, "member_phone"),
                    highestId(connection, "member_address"), highestId(connection, "member_account"));
        }

        /** Moves every identity past the blocks of {@code members} members (the caller commits). */
        void reserve(Connection connection, int members) throws SQLException {
            restart(connection, "member", member + members + 1);
            restart(connection, "member_phone", phone + (long) members * PHONES_PER_MEMBER + 1);
            restart(connection, "member_address", address + members + 1);
            restart(connection, "member_account", account + (long) members * ACCOUNTS_PER_MEMBER + 1);
        }

        private static long highestId(Connection connection, String table) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT MAX(id) FROM " + table)) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }

        /** The same statement on Derby and PostgreSQL. */
        private static void restart(Connection connection, String table, long next) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    private final FieldCipher cipher;
    private final IdBlocks ids;

    DemoMemberWriter(FieldCipher cipher, IdBlocks ids) {
        this.cipher = cipher;
        this.ids = ids;
    }

    /**
     * Inserts the members whose indexes start at {@code firstIndex} (the caller commits) and
     * returns their accounts with their ids.
     */
    List<SeededAccount> write(Connection connection, int firstIndex, List<DemoMember> members) throws SQLException {
        List<SeededAccount> seeded = new ArrayList<>(members.size() * 3);
        try (PreparedStatement memberRows = connection.prepareStatement(INSERT_MEMBER);
             PreparedStatement phoneRows = connection.prepareStatement(INSERT_PHONE);
             PreparedStatement addressRows = connection.prepareStatement(INSERT_ADDRESS);
             PreparedStatement accountRows = connection.prepareStatement(INSERT_ACCOUNT)) {
            for (int i = 0; i < members.size(); i++) {
                long index = firstIndex + i;
                DemoMember member = members.get(i);
                requireFits(member);
                long memberId = ids.member() + index + 1;
                addMember(memberRows, memberId, member);
                for (int k = 0; k < member.phones().size(); k++) {
                    addPhone(phoneRows, ids.phone() + index * PHONES_PER_MEMBER + k + 1, memberId, member.phones().get(k));
                }
                addAddress(addressRows, ids.address() + index + 1, memberId, member.address());
                for (int k = 0; k < member.accounts().size(); k++) {
                    DemoMember.Account account = member.accounts().get(k);
                    long accountId = ids.account() + index * ACCOUNTS_PER_MEMBER + k + 1;
                    addAccount(accountRows, accountId, memberId, account);
                    seeded.add(new SeededAccount(memberId, accountId, account.accountNumber(), account.type(), account.status(),
                            account.openingBalance()));
                }
            }
            // parents before children: the foreign keys are checked row by row
            memberRows.executeBatch();
            phoneRows.executeBatch();
            addressRows.executeBatch();
            accountRows.executeBatch();
        }
        return seeded;
    }

    private static void requireFits(DemoMember member) {
        if (member.phones().size() > PHONES_PER_MEMBER || member.accounts().size() > ACCOUNTS_PER_MEMBER) {
            throw new IllegalStateException("Demo member " + member.memberNumber() + " does not fit its id block");
        }
    }

    private void addMember(PreparedStatement insert, long id, DemoMember member) throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, member.memberNumber());
        insert.setString(3, member.firstName());
        insert.setString(4, member.lastName());
        insert.setString(5, NameKeys.of(member.lastName()));
        insert.setString(6, NameKeys.fullName(member.firstName(), member.lastName()));
        insert.setDate(7, Date.valueOf(member.dateOfBirth()));
        String ssnDigits = SsnMask.digitsOf(member.ssn());
        insert.setString(8, cipher.encrypt(ssnDigits, member.memberNumber()));
        insert.setString(9, ssnDigits.substring(5));
        insert.setString(10, member.email());
        insert.setString(11, member.status().name());
        insert.setDate(12, Date.valueOf(member.joinedOn()));
        insert.addBatch();
    }

    private static void addPhone(PreparedStatement insert, long id, long memberId, DemoMember.Phone phone)
            throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, memberId);
        insert.setString(3, phone.number());
        insert.setString(4, phone.kind().name());
        insert.setBoolean(5, phone.primary());
        insert.addBatch();
    }

    private static void addAddress(PreparedStatement insert, long id, long memberId, DemoMember.Address address)
            throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, memberId);
        insert.setString(3, address.line1());
        insert.setString(4, address.line2());
        insert.setString(5, address.city());
        insert.setString(6, address.state());
        insert.setString(7, address.zip());
        insert.setBoolean(8, true);
        insert.addBatch();
    }

    private static void addAccount(PreparedStatement insert, long id, long memberId, DemoMember.Account account)
            throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, account.accountNumber());
        insert.setLong(3, memberId);
        insert.setString(4, account.type().name());
        insert.setString(5, account.status().name());
        insert.setDate(6, Date.valueOf(account.openedOn()));
        setDate(insert, 7, account.closedOn());
        setDecimal(insert, 8, account.annualRate());
        setDate(insert, 9, account.interestPaidTo());
        insert.setBigDecimal(10, (account.lateFeesDue() == null ? Money.ZERO : account.lateFeesDue()).toBigDecimal());
        setDate(insert, 11, account.nextDueDate());
        setDecimal(insert, 12, account.paymentAmount() == null ? null : account.paymentAmount().toBigDecimal());
        setDate(insert, 13, account.maturityDate());
        insert.addBatch();
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, Date.valueOf(date));
        }
    }

    private static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DECIMAL);
        } else {
            statement.setBigDecimal(index, value);
        }
    }
}
