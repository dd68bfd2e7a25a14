-- 0020: the tables a model run returns besides its leads (e.g. the agency scorecard of
-- penalty-upload-gap: published, uploaded, missing, share missing, median delay per agency).
-- Kept with the run, so a report can show the figures a run found. Columns and rows are JSON
-- the store does not interpret (arrays of text; "" for no value).
CREATE TABLE model_run_outputs (
  run_id    TEXT NOT NULL REFERENCES model_runs (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,              -- order within the run
  step      TEXT NOT NULL DEFAULT '',      -- the model step that produced it
  title     TEXT NOT NULL,
  columns   TEXT NOT NULL DEFAULT '[]',    -- JSON array of column names
  rows      TEXT NOT NULL DEFAULT '[]',    -- JSON array of arrays of values (text)
  PRIMARY KEY (run_id, position)
) STRICT, WITHOUT ROWID;
