-- Accounts opened and closed at the desk. The balances and money of these accounts live in
-- member_account and the journal as for any account; these tables keep what the desk adds: a
-- certificate's term and renewal choice, who opened or closed the account in which session, and
-- the request's idempotency key so that a repeated request answers without acting twice.
CREATE TABLE account_opening (
    account_number      VARCHAR(20) NOT NULL PRIMARY KEY,
    member_number       VARCHAR(12) NOT NULL,
    account_type        VARCHAR(12) NOT NULL,
    term_months         INTEGER,
    renew_at_maturity   BOOLEAN NOT NULL,
    opened_by           VARCHAR(40) NOT NULL,
    call_id             VARCHAR(40) NOT NULL,
    idempotency_key     VARCHAR(200) NOT NULL,
    opened_at           TIMESTAMP NOT NULL,
    CONSTRAINT account_opening_key_unique UNIQUE (opened_by, idempotency_key),
    CONSTRAINT account_opening_account FOREIGN KEY (account_number) REFERENCES member_account (account_number),
    CONSTRAINT account_opening_term CHECK (term_months IS NULL OR (term_months >= 1 AND term_months <= 60))
);

CREATE TABLE account_closing (
    account_number      VARCHAR(20) NOT NULL PRIMARY KEY,
    closed_by           VARCHAR(40) NOT NULL,
    call_id             VARCHAR(40) NOT NULL,
    idempotency_key     VARCHAR(200) NOT NULL,
    payout              VARCHAR(16) NOT NULL,
    payout_account      VARCHAR(20),
    paid_out            DECIMAL(19,2) NOT NULL,
    penalty             DECIMAL(19,2) NOT NULL,
    penalty_waived      BOOLEAN NOT NULL,
    approval_id         BIGINT,
    closed_at           TIMESTAMP NOT NULL,
    CONSTRAINT account_closing_key_unique UNIQUE (closed_by, idempotency_key),
    CONSTRAINT account_closing_account FOREIGN KEY (account_number) REFERENCES member_account (account_number),
    CONSTRAINT account_closing_payout CHECK (payout IN ('NONE', 'TRANSFER', 'OFFICIAL_CHECK', 'CASH'))
);

-- a closing whose early-withdrawal penalty a supervisor is asked to waive waits as ACCOUNT_CLOSE
ALTER TABLE approval_request DROP CONSTRAINT approval_request_kind_known;
ALTER TABLE approval_request ADD CONSTRAINT approval_request_kind_known
    CHECK (kind IN ('POSTING', 'REVERSAL', 'PHONE_UNLOCK', 'DRAWER_CLOSE', 'ACCOUNT_CLOSE', 'SANCTIONS_REVIEW'));
