-- 0032: cases (案件) and everything done in them: consultations, procuratorial suggestions,
-- opinions, transfers to the police, clue transfers, deputies' suggestions, litigation. Each is
-- a "matter" run by a state machine of rules/procedure/<machine>.yaml; what differs between
-- kinds lives in `attributes` (JSON) and in the events.
CREATE TABLE matters (
  id                TEXT PRIMARY KEY,                -- "S-000001": prefix of the machine + seq
  prefix            TEXT NOT NULL,
  seq               INTEGER NOT NULL,
  machine           TEXT NOT NULL,                   -- case, suggestion, opinion ...
  kind              TEXT NOT NULL DEFAULT '',        -- case kind, suggestion type, transfer kind
  state             TEXT NOT NULL,
  case_id           TEXT REFERENCES matters (id),    -- the case a disposition belongs to
  parent_id         TEXT REFERENCES matters (id),    -- the matter this one came from
  lead_id           TEXT REFERENCES leads (id),      -- the lead it came from
  org_code          TEXT NOT NULL REFERENCES organisations (code),  -- handling procuratorate
  dept_code         TEXT NOT NULL DEFAULT '',
  handler           TEXT REFERENCES users (login),   -- 承办人
  counterparty_org  TEXT REFERENCES organisations (code),  -- addressee: agency, police, court ...
  title             TEXT NOT NULL,
  urgent            INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  doc_number        TEXT NOT NULL DEFAULT '',        -- 文号 once signed
  attributes        TEXT NOT NULL DEFAULT '{}',      -- JSON object
  opened_on         TEXT NOT NULL,                   -- ISO date
  closed_on         TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (prefix, seq)
) STRICT;
CREATE INDEX matters_by_case ON matters (case_id);
CREATE INDEX matters_by_parent ON matters (parent_id);
CREATE INDEX matters_by_lead ON matters (lead_id);
CREATE INDEX matters_by_org ON matters (org_code, machine, state);
CREATE INDEX matters_by_handler ON matters (handler);
CREATE INDEX matters_by_counterparty ON matters (counterparty_org);

-- The history of every lead and matter: one row per act, in order.
CREATE TABLE workflow_events (
  object_id    TEXT NOT NULL,                 -- a lead id or a matter id
  seq          INTEGER NOT NULL,              -- 1, 2, ... per object
  action       TEXT NOT NULL,
  label        TEXT NOT NULL,
  from_state   TEXT NOT NULL,
  to_state     TEXT NOT NULL,
  actor        TEXT NOT NULL,                 -- login, or 本机操作员 / 系统
  acted_on     TEXT NOT NULL,                 -- the procedural date of the act (ISO)
  recorded_at  TEXT NOT NULL,                 -- when it was recorded (ISO date-time)
  inputs       TEXT NOT NULL DEFAULT '{}',    -- JSON: what the actor supplied
  PRIMARY KEY (object_id, seq)
) STRICT, WITHOUT ROWID;

-- Deadlines (期限) started and stopped by acts; the 待办 list reads the open ones.
CREATE TABLE deadlines (
  id                INTEGER PRIMARY KEY,
  object_id         TEXT NOT NULL,            -- lead or matter
  name              TEXT NOT NULL,            -- rules/procedure/procedure.yaml deadlines
  title             TEXT NOT NULL,
  base_on           TEXT NOT NULL,            -- the day the period runs from (not counted)
  due_on            TEXT NOT NULL,            -- the last day
  period            TEXT NOT NULL,            -- 2个月, 15日, 3个工作日
  state             TEXT NOT NULL CHECK (state IN ('open', 'paused', 'done', 'cancelled')),
  closed_on         TEXT NOT NULL DEFAULT '',
  paused_on         TEXT NOT NULL DEFAULT '',
  handler           TEXT NOT NULL DEFAULT '',  -- login responsible on the procuratorate side
  org_code          TEXT NOT NULL DEFAULT '',  -- the procuratorate owning the object
  counterparty_org  TEXT NOT NULL DEFAULT '',  -- an outside party who also sees it
  note              TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX deadlines_by_object ON deadlines (object_id, name);
CREATE INDEX deadlines_open ON deadlines (state, due_on);

-- Document numbers (文号): one counter per procuratorate, department, document type and year,
-- incremented in the signing transaction; every number handed out is recorded and never reused.
CREATE TABLE document_counters (
  org_code   TEXT NOT NULL,
  dept_code  TEXT NOT NULL,
  doc_type   TEXT NOT NULL,
  year       INTEGER NOT NULL,
  last       INTEGER NOT NULL,
  PRIMARY KEY (org_code, dept_code, doc_type, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE document_numbers (
  number        TEXT PRIMARY KEY,             -- 郧检行建〔2024〕3号
  org_code      TEXT NOT NULL,
  dept_code     TEXT NOT NULL,
  doc_type      TEXT NOT NULL,
  year          INTEGER NOT NULL,
  n             INTEGER NOT NULL,
  matter_id     TEXT NOT NULL REFERENCES matters (id),
  allocated_at  TEXT NOT NULL,
  allocated_by  TEXT NOT NULL,
  UNIQUE (org_code, dept_code, doc_type, year, n)
) STRICT;
CREATE TRIGGER document_numbers_never_change BEFORE UPDATE ON document_numbers
BEGIN
  SELECT RAISE(ABORT, '文号一经分配不得修改');
END;
CREATE TRIGGER document_numbers_never_deleted BEFORE DELETE ON document_numbers
BEGIN
  SELECT RAISE(ABORT, '文号一经分配不得删除，也不得重复使用');
END;
