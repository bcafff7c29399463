-- Tally schema, version 3: members, their contact details and their accounts.
-- Runs unchanged on Apache Derby and PostgreSQL (see V1).
--
-- Name search is a case-insensitive prefix search. Neither database can use a plain index for
-- LOWER(last_name) LIKE 'smi%', and a function index is not portable, so the lower-cased search
-- keys are stored beside the names (kept in step by the Member entity and the demo loader).
-- The full SSN is stored only encrypted (AES-256-GCM, "v1:" + base64); its last four digits are
-- kept in clear because callers are asked for them and screens show them masked.

CREATE TABLE member (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_number   VARCHAR(12) NOT NULL,
    first_name      VARCHAR(60) NOT NULL,
    last_name       VARCHAR(60) NOT NULL,
    last_name_key   VARCHAR(60) NOT NULL,
    full_name_key   VARCHAR(121) NOT NULL,
    date_of_birth   DATE NOT NULL,
    ssn_encrypted   VARCHAR(200) NOT NULL,
    ssn_last4       CHAR(4) NOT NULL,
    email           VARCHAR(254),
    status          VARCHAR(12) NOT NULL,
    joined_on       DATE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT member_number_unique UNIQUE (member_number),
    CONSTRAINT member_status_known CHECK (status IN ('ACTIVE', 'FROZEN', 'CLOSED'))
);

CREATE INDEX member_last_name_key ON member (last_name_key);
CREATE INDEX member_full_name_key ON member (full_name_key);

CREATE TABLE member_phone (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id       BIGINT NOT NULL,
    phone_number    VARCHAR(16) NOT NULL,
    kind            VARCHAR(8) NOT NULL,
    is_primary      BOOLEAN NOT NULL,
    CONSTRAINT member_phone_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT member_phone_kind_known CHECK (kind IN ('MOBILE', 'HOME', 'WORK'))
);

CREATE INDEX member_phone_number ON member_phone (phone_number);
CREATE INDEX member_phone_member_id ON member_phone (member_id);

CREATE TABLE member_address (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id       BIGINT NOT NULL,
    line1           VARCHAR(100) NOT NULL,
    line2           VARCHAR(100),
    city            VARCHAR(60) NOT NULL,
    state           CHAR(2) NOT NULL,
    zip             VARCHAR(10) NOT NULL,
    is_primary      BOOLEAN NOT NULL,
    CONSTRAINT member_address_member FOREIGN KEY (member_id) REFERENCES member (id)
);

CREATE INDEX member_address_member_id ON member_address (member_id);

-- Balances are materialized from the journal (DESIGN.md "The ledger"): rows are created at zero
-- and only journal entries move them. For deposit accounts ledger_balance is what the member
-- has; for a loan it is the principal owed, positive. available_balance = ledger_balance - holds.
CREATE TABLE member_account (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_number      VARCHAR(20) NOT NULL,
    member_id           BIGINT NOT NULL,
    account_type        VARCHAR(12) NOT NULL,
    status              VARCHAR(8) NOT NULL,
    ledger_balance      DECIMAL(19,2) NOT NULL DEFAULT 0,
    available_balance   DECIMAL(19,2) NOT NULL DEFAULT 0,
    opened_on           DATE NOT NULL,
    closed_on           DATE,
    annual_rate         DECIMAL(9,6),
    interest_paid_to    DATE,
    late_fees_due       DECIMAL(19,2) NOT NULL DEFAULT 0,
    next_due_date       DATE,
    payment_amount      DECIMAL(19,2),
    maturity_date       DATE,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT member_account_number_unique UNIQUE (account_number),
    CONSTRAINT member_account_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT member_account_type_known CHECK (account_type IN ('SHARE', 'SHARE_DRAFT', 'CERTIFICATE', 'LOAN')),
    CONSTRAINT member_account_status_known CHECK (status IN ('ACTIVE', 'DORMANT', 'FROZEN', 'CLOSED'))
);

CREATE INDEX member_account_member_id ON member_account (member_id);
