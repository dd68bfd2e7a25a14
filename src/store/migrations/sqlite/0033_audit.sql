-- 0033: the audit log (安全审计). Append-only: every change is one row (who, when, what, before
-- and after), chained by a MAC over the previous row's MAC and this row's content, so a changed,
-- removed or reordered row is detected by `shujian audit verify`. The triggers refuse UPDATE and
-- DELETE even to raw SQL; the store API has no method for either.
CREATE TABLE audit_events (
  seq          INTEGER PRIMARY KEY,           -- 1, 2, 3 ... without gaps
  at           TEXT NOT NULL,                 -- ISO date-time, Beijing
  actor        TEXT NOT NULL,                 -- login, 本机操作员 or 系统
  actor_org    TEXT NOT NULL DEFAULT '',
  action       TEXT NOT NULL,                 -- e.g. suggestion.sign, user.grant, document.generate
  object_type  TEXT NOT NULL DEFAULT '',
  object_id    TEXT NOT NULL DEFAULT '',
  outcome      TEXT NOT NULL CHECK (outcome IN ('ok', 'refused')),
  summary      TEXT NOT NULL DEFAULT '',
  before       TEXT NOT NULL DEFAULT '{}',    -- JSON (personal data masked)
  after        TEXT NOT NULL DEFAULT '{}',
  key_id       TEXT NOT NULL,                 -- which audit key made the MAC
  prev_mac     TEXT NOT NULL,                 -- hex; the genesis value for seq 1
  mac          TEXT NOT NULL                  -- hex HMAC over prev_mac and the row
) STRICT;
CREATE INDEX audit_events_by_object ON audit_events (object_id, seq);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, '审计记录只能追加，不得修改');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, '审计记录只能追加，不得删除');
END;
