-- Tally schema, version 8: branch visits. A member session is a call (channel PHONE) or a visit
-- (channel BRANCH); both live in member_call and share its log, gates, red flags and handling
-- time. A visit has no caller number: its ani is the empty string.
-- For a visit the rep records the photo ID inspected: its type, the last four characters of its
-- number (never more) and its expiry date. Runs unchanged on Apache Derby and PostgreSQL.

ALTER TABLE member_call ADD COLUMN channel VARCHAR(8) DEFAULT 'PHONE' NOT NULL;
ALTER TABLE member_call ADD COLUMN photo_id_passed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE member_call ADD COLUMN photo_id_type VARCHAR(20);
ALTER TABLE member_call ADD COLUMN photo_id_last4 VARCHAR(4);
ALTER TABLE member_call ADD COLUMN photo_id_expires DATE;
ALTER TABLE member_call ADD CONSTRAINT member_call_channel_known CHECK (channel IN ('PHONE', 'BRANCH'));
