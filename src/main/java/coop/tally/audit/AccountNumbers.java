package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Member account numbers by account id, for the sealer, which must never hold a lock a posting
 * needs. Joining journal lines to member_account did: on Derby the sealer took a shared lock on an
 * account row that a posting was waiting to update while the posting held the line row the sealer
 * waited for, and one of them was chosen as a deadlock victim. An account's number never changes
 * once the account exists, so each is read once and kept, and read on Derby without waiting for
 * (or taking) row locks; PostgreSQL's readers never wait for writers.
 */
final class AccountNumbers {

    private final Map<Long, String> known = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** The number of the account with this id; null when no account has it. */
    String of(Connection connection, long accountId) throws SQLException {
        if (!loaded) {
            loadAll(connection);
        }
        String number = known.get(accountId);
        if (number == null) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT account_number FROM member_account WHERE id = ?" + withoutLocks(connection))) {
                query.setLong(1, accountId);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        number = rows.getString(1);
                        known.put(accountId, number);
                    }
                }
            }
        }
        return number;
    }

    private synchronized void loadAll(Connection connection) throws SQLException {
        if (loaded) {
            return;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, account_number FROM member_account" + withoutLocks(connection));
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                known.put(rows.getLong(1), rows.getString(2));
            }
        }
        loaded = true;
    }

    /**
     * Derby's read-uncommitted clause: safe here because an account's number is written once, with
     * the account, and an entry is sealed only once committed, so the accounts it names are too.
     */
    private static String withoutLocks(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().contains("Derby") ? " WITH UR" : "";
    }
}
