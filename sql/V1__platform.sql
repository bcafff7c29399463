-- Tally schema, version 1: the application's own settings.
-- Every migration in this folder runs unchanged on Apache Derby and PostgreSQL:
-- standard types only (BIGINT, INTEGER, VARCHAR, DECIMAL, DATE, TIMESTAMP, BOOLEAN),
-- identity columns, no vendor functions; binary values are stored as hex or base64 text.

CREATE TABLE app_setting (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    setting     VARCHAR(1000) NOT NULL,
    changed_at  TIMESTAMP NOT NULL,
    version     BIGINT NOT NULL
);
