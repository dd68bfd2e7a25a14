-- 0031: how the procuratorate handles a lead (线索): which procuratorate and department owns it,
-- who evaluates it, when it was received, and what was decided. The leads table (0002) keeps the
-- lead itself and its status; model leads get a row here when someone first acts on them.
CREATE TABLE lead_handling (
  lead_id        TEXT PRIMARY KEY REFERENCES leads (id),
  org_code       TEXT REFERENCES organisations (code),  -- NULL: in the city pool, not yet claimed
  dept_code      TEXT NOT NULL DEFAULT '',
  assignee       TEXT REFERENCES users (login),
  received_on    TEXT NOT NULL,                  -- ISO date the lead reached the procuratorate
  source_detail  TEXT NOT NULL DEFAULT '{}',     -- JSON: reporter, deputy, transferring organ ...
  decision       TEXT NOT NULL DEFAULT '',       -- 立案 / 不予立案 / 移送 / 合并, '' until evaluated
  reason         TEXT NOT NULL DEFAULT '',
  decided_by     TEXT NOT NULL DEFAULT '',
  decided_on     TEXT NOT NULL DEFAULT '',
  merged_into    TEXT REFERENCES leads (id),
  outcome_ref    TEXT NOT NULL DEFAULT '',       -- the case or transfer the evaluation produced
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX lead_handling_by_org ON lead_handling (org_code, assignee);
CREATE INDEX lead_handling_by_merge ON lead_handling (merged_into);
