-- The keys kept outside the database (the ledger's signing key, the row MAC key, the field
-- encryption key), recognised by a fingerprint: SHA-256 over a label, the key's name and the key,
-- recorded by the first server that runs with them. Every server of one database must hold the
-- same keys; one that holds another refuses to start before it writes anything, instead of
-- writing rows that would later look forged. Runs unchanged on Apache Derby and PostgreSQL.
CREATE TABLE key_fingerprint (
    key_name     VARCHAR(40) NOT NULL PRIMARY KEY,
    fingerprint  CHAR(64) NOT NULL,
    recorded_at  TIMESTAMP NOT NULL
);
