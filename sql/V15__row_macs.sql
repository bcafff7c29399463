-- Authenticity of the journal, the call log and the security log: the MAC that binds each row to
-- this Tally (HMAC-SHA-256 of its canonical bytes under a key kept outside the database, in the
-- data folder's keys directory), written in the same transaction as the row, right after it.
-- Runs unchanged on Apache Derby and PostgreSQL.
--
-- A table of its own rather than a column: the ids of journal_entry, call_event and security_event
-- are identity values assigned by their INSERT, and the MAC covers the id, so a column could only be
-- filled by an UPDATE; here every row is inserted once and never changed.
--
-- Append-only: the application only ever inserts (on PostgreSQL grant the application role INSERT
-- and SELECT only). No foreign key, so that verification (not a constraint error) names a row whose
-- MAC is missing or wrong. Rows written before this table existed have no MAC: they are accepted
-- only where they were sealed before the MAC key was created, as the signed checkpoint with reason
-- MAC_KEY_CREATED records (see coop.tally.audit.Authenticity).
--
-- row_table is 'journal_entry', 'call_event' or 'security_event'; mac is lower-case hex.
CREATE TABLE row_mac (
    row_table  VARCHAR(40) NOT NULL,
    row_id     BIGINT NOT NULL,
    mac        CHAR(64) NOT NULL,
    CONSTRAINT row_mac_pk PRIMARY KEY (row_table, row_id)
);
