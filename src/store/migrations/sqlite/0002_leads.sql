-- 0002: leads (线索) and the model runs that find them.
--
-- A lead is one subject a source brought to the procuratorate's attention. Leads from a model
-- are keyed by (model, subject): the same model finding the same subject again updates the
-- lead's evidence and adds no new lead. Leads from other sources (12309, a deputy, the
-- discipline commission ...) have no model and are never merged by key.
-- JSON columns hold what the store does not interpret: rules fired, facts, evidence values.
CREATE TABLE model_runs (
  id             TEXT PRIMARY KEY,          -- "R-000001"
  seq            INTEGER NOT NULL UNIQUE,   -- allocation order of ids
  model_id       TEXT NOT NULL,
  model_version  TEXT NOT NULL,
  as_of          TEXT NOT NULL,             -- the run's reference date (ISO)
  started_at     TEXT NOT NULL,             -- Beijing time, ISO
  seconds        REAL NOT NULL,
  input_batches  TEXT NOT NULL DEFAULT '[]', -- JSON array of batch ids read
  leads_found    INTEGER NOT NULL,
  leads_new      INTEGER NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  message        TEXT NOT NULL DEFAULT '',  -- the error, or notes such as unmapped types
  started_by     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX model_runs_by_model ON model_runs (model_id, seq);

CREATE TABLE leads (
  id               TEXT PRIMARY KEY,        -- "L-000001"
  seq              INTEGER NOT NULL UNIQUE,
  source           TEXT NOT NULL,           -- 模型, 两法衔接平台, 12309, 代表委员建议, 纪委监委移送 ...
  model_id         TEXT NOT NULL DEFAULT '',  -- '' when the lead did not come from a model
  model_version    TEXT NOT NULL DEFAULT '',
  subject_kind     TEXT NOT NULL CHECK (subject_kind IN
                     ('record', 'vehicle', 'person', 'organisation', 'site')),
  subject_dataset  TEXT NOT NULL DEFAULT '',  -- for a record: its dataset; else ''
  subject_key      TEXT NOT NULL,           -- the normalised key
  subject_label    TEXT NOT NULL DEFAULT '',  -- how people call it: a name, a plate, a case number
  rules            TEXT NOT NULL DEFAULT '[]',  -- JSON array of sub-rules that fired
  title            TEXT NOT NULL,
  facts            TEXT NOT NULL DEFAULT '{}',  -- JSON object: values and thresholds compared
  legal_basis      TEXT NOT NULL DEFAULT '',
  addressee        TEXT NOT NULL DEFAULT '',  -- the agency a finding is addressed to
  status           TEXT NOT NULL DEFAULT '待评估',
  first_run_id     TEXT REFERENCES model_runs (id),
  last_run_id      TEXT REFERENCES model_runs (id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
-- One lead per (model, subject) for model leads. Other sources have model_id = '' and are
-- excluded, so two 12309 reports about one person stay two leads until someone merges them.
CREATE UNIQUE INDEX leads_by_model_subject
  ON leads (model_id, subject_kind, subject_dataset, subject_key) WHERE model_id <> '';
CREATE INDEX leads_by_subject ON leads (subject_kind, subject_key);
CREATE INDEX leads_by_status ON leads (status, seq);

-- The rows that produced a lead, as of its latest finding.
CREATE TABLE lead_evidence (
  lead_id   TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,             -- order within the lead
  dataset   TEXT NOT NULL,
  row_key   TEXT NOT NULL,                -- the row's dataset key (normalised)
  batch_id  TEXT NOT NULL DEFAULT '',     -- the import batch the row came from
  role      TEXT NOT NULL DEFAULT '',     -- what the row is to the finding, e.g. 行政处罚, 刑事案件
  row_values TEXT NOT NULL DEFAULT '{}',  -- JSON object of the values the model read
  PRIMARY KEY (lead_id, position)
) STRICT, WITHOUT ROWID;
