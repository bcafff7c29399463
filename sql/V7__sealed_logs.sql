-- Tamper evidence for the call log (call_event) and the security log (security_event): each log is
-- sealed into an RFC 9162 Merkle tree of its own, like the journal in merkle_leaf (V5).
-- Runs unchanged on Apache Derby and PostgreSQL.
--
-- Append-only: the application only ever inserts. No foreign key to the logged rows, so that
-- verification (not a constraint error) names a row deleted after it was sealed.
-- log_name is 'call_event' or 'security_event'; leaf_index runs 0, 1, 2, ... per log without gaps;
-- row_id is the id of the sealed row; leaf_hash = SHA-256(0x00 || canonical bytes of the row), hex.
CREATE TABLE log_leaf (
    log_name    VARCHAR(40) NOT NULL,
    leaf_index  BIGINT NOT NULL,
    row_id      BIGINT NOT NULL,
    leaf_hash   CHAR(64) NOT NULL,
    sealed_at   TIMESTAMP NOT NULL,
    CONSTRAINT log_leaf_pk PRIMARY KEY (log_name, leaf_index),
    CONSTRAINT log_leaf_row UNIQUE (log_name, row_id)
);

-- The single-writer guard of the log sealer (see audit_lock in V5).
INSERT INTO audit_lock (name, taken_at) VALUES ('log_sealer', NULL);
