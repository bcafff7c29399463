-- A drawer counted out of tolerance waits for a supervisor through the approval queue; the drawer
-- names the approval request that its close waits for (the latest one, if the rep had to ask again).
ALTER TABLE drawer ADD COLUMN close_approval_id BIGINT REFERENCES approval_request (id);
