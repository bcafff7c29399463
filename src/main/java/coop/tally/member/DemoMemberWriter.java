package coop.tally.member;

import coop.tally.crypto.FieldCipher;
import coop.tally.money.Money;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes demo members with plain JDBC batches: JPA would flush row by row, and a large demo set
 * (100,000 members) must load in seconds. Runs on a table nobody else writes during start-up, so
 * new rows are found again by "id above the highest id seen before" (Derby returns no generated
 * keys for a batch).
 */
final class DemoMemberWriter {

    private static final String INSERT_MEMBER = "INSERT INTO member (member_number, first_name, last_name,"
            + " last_name_key, full_name_key, date_of_birth, ssn_encrypted, ssn_last4, email, status, joined_on, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final String INSERT_PHONE = "INSERT INTO member_phone (member_id, phone_number, kind, is_primary)"
            + " VALUES (?, ?, ?, ?)";
    private static final String INSERT_ADDRESS = "INSERT INTO member_address (member_id, line1, line2, city, state,"
            + " zip, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** Balances are not written: they start at zero and come from the journal. */
    private static final String INSERT_ACCOUNT = "INSERT INTO member_account (account_number, member_id, account_type,"
            + " status, opened_on, closed_on, annual_rate, interest_paid_to, late_fees_due, next_due_date,"
            + " payment_amount, maturity_date, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    private final Connection connection;
    private final FieldCipher cipher;
    private long highestMemberId;
    private long highestAccountId;

    DemoMemberWriter(Connection connection, FieldCipher cipher) throws SQLException {
        this.connection = connection;
        this.cipher = cipher;
        this.highestMemberId = highestId("member");
        this.highestAccountId = highestId("member_account");
    }

    /** Inserts one chunk (the caller commits) and returns its accounts with their new ids. */
    List<SeededAccount> write(List<DemoMember> members) throws SQLException {
        Map<String, Long> memberIds = insertMembers(members);
        insertContacts(members, memberIds);
        insertAccounts(members, memberIds);
        return seededAccounts(members);
    }

    private Map<String, Long> insertMembers(List<DemoMember> members) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_MEMBER)) {
            for (DemoMember member : members) {
                insert.setString(1, member.memberNumber());
                insert.setString(2, member.firstName());
                insert.setString(3, member.lastName());
                insert.setString(4, NameKeys.of(member.lastName()));
                insert.setString(5, NameKeys.fullName(member.firstName(), member.lastName()));
                insert.setDate(6, Date.valueOf(member.dateOfBirth()));
                String ssnDigits = SsnMask.digitsOf(member.ssn());
                insert.setString(7, cipher.encrypt(ssnDigits, member.memberNumber()));
                insert.setString(8, ssnDigits.substring(5));
                insert.setString(9, member.email());
                insert.setString(10, member.status().name());
                insert.setDate(11, Date.valueOf(member.joinedOn()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Long> ids = new HashMap<>(members.size() * 2);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, member_number FROM member WHERE id > ?")) {
            select.setLong(1, highestMemberId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(2), rows.getLong(1));
                    highestMemberId = Math.max(highestMemberId, rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private void insertContacts(List<DemoMember> members, Map<String, Long> memberIds) throws SQLException {
        try (PreparedStatement phones = connection.prepareStatement(INSERT_PHONE);
             PreparedStatement addresses = connection.prepareStatement(INSERT_ADDRESS)) {
            for (DemoMember member : members) {
                long memberId = memberIds.get(member.memberNumber());
                for (DemoMember.Phone phone : member.phones()) {
                    phones.setLong(1, memberId);
                    phones.setString(2, phone.number());
                    phones.setString(3, phone.kind().name());
                    phones.setBoolean(4, phone.primary());
                    phones.addBatch();
                }
                DemoMember.Address address = member.address();
                addresses.setLong(1, memberId);
                addresses.setString(2, address.line1());
                addresses.setString(3, address.line2());
                addresses.setString(4, address.city());
                addresses.setString(5, address.state());
                addresses.setString(6, address.zip());
                addresses.setBoolean(7, true);
                addresses.addBatch();
            }
            phones.executeBatch();
            addresses.executeBatch();
        }
    }

    private void insertAccounts(List<DemoMember> members, Map<String, Long> memberIds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ACCOUNT)) {
            for (DemoMember member : members) {
                long memberId = memberIds.get(member.memberNumber());
                for (DemoMember.Account account : member.accounts()) {
                    insert.setString(1, account.accountNumber());
                    insert.setLong(2, memberId);
                    insert.setString(3, account.type().name());
                    insert.setString(4, account.status().name());
                    insert.setDate(5, Date.valueOf(account.openedOn()));
                    setDate(insert, 6, account.closedOn());
                    setDecimal(insert, 7, account.annualRate());
                    setDate(insert, 8, account.interestPaidTo());
                    insert.setBigDecimal(9, (account.lateFeesDue() == null ? Money.ZERO : account.lateFeesDue()).toBigDecimal());
                    setDate(insert, 10, account.nextDueDate());
                    setDecimal(insert, 11, account.paymentAmount() == null ? null : account.paymentAmount().toBigDecimal());
                    setDate(insert, 12, account.maturityDate());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private List<SeededAccount> seededAccounts(List<DemoMember> members) throws SQLException {
        Map<String, DemoMember.Account> planned = new HashMap<>();
        members.forEach(member -> member.accounts().forEach(account -> planned.put(account.accountNumber(), account)));
        List<SeededAccount> seeded = new ArrayList<>(planned.size());
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, account_number FROM member_account WHERE id > ? ORDER BY id")) {
            select.setLong(1, highestAccountId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    DemoMember.Account account = planned.get(rows.getString(2));
                    seeded.add(new SeededAccount(id, account.accountNumber(), account.type(), account.status(),
                            account.openingBalance()));
                    highestAccountId = Math.max(highestAccountId, id);
                }
            }
        }
        if (seeded.size() != planned.size()) {
            throw new IllegalStateException("Expected " + planned.size() + " new accounts, found " + seeded.size());
        }
        return seeded;
    }

    private long highestId(String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(id) FROM " + table);
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
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
