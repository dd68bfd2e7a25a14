-- Datasets: import batches with their files and rejects, and the rows of each dataset in
-- column segments (docs/design/dataset-storage.md; the BLOB format is in
-- src/store/sqlite/dataset_segment.h).

-- One import: what, from where, by whom, when, and what came of it.
CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,                -- "b-000001"
  seq INTEGER NOT NULL UNIQUE,        -- allocation order
  dataset TEXT NOT NULL,
  source TEXT NOT NULL,               -- the agency or system the data came from
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,          -- ISO 8601, Beijing time
  rows INTEGER NOT NULL DEFAULT 0 CHECK (rows = accepted + rejected + unchanged),
  accepted INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  new_versions INTEGER NOT NULL DEFAULT 0 CHECK (new_versions <= accepted),
  warnings INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX import_batches_by_dataset ON import_batches (dataset, seq);

CREATE TABLE import_batch_files (
  batch_id TEXT NOT NULL REFERENCES import_batches (id),
  position INTEGER NOT NULL,          -- 0-based, the order the files were given in
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  sheet TEXT NOT NULL,
  rows INTEGER NOT NULL CHECK (rows = accepted + rejected + unchanged),
  accepted INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  PRIMARY KEY (batch_id, position)
) STRICT, WITHOUT ROWID;

-- Rejected values and values accepted with a warning, in the order they were found.
CREATE TABLE import_rejects (
  batch_id TEXT NOT NULL REFERENCES import_batches (id),
  seq INTEGER NOT NULL,
  file_position INTEGER NOT NULL,
  line INTEGER NOT NULL,              -- 1-based; the header is line 1
  column_header TEXT NOT NULL,        -- as the user wrote it; '' for the whole row
  value TEXT NOT NULL,                -- the raw value
  reason TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('reject', 'warning')),
  PRIMARY KEY (batch_id, seq)
) STRICT, WITHOUT ROWID;

-- A dataset that has rows: its key and the counters of its ordinals.
CREATE TABLE datasets (
  name TEXT PRIMARY KEY,
  key_columns TEXT NOT NULL,          -- JSON array of column names
  next_ordinal INTEGER NOT NULL,      -- ordinals 0 .. next_ordinal - 1 are allocated
  current_rows INTEGER NOT NULL       -- next_ordinal minus the superseded versions
) STRICT;

-- The columns a dataset has ever stored, numbered for the segment data.
CREATE TABLE dataset_columns (
  dataset TEXT NOT NULL REFERENCES datasets (name),
  column_no INTEGER NOT NULL CHECK (column_no BETWEEN 2 AND 1023),
  name TEXT NOT NULL,
  PRIMARY KEY (dataset, column_no),
  UNIQUE (dataset, name)
) STRICT;

-- Up to 32768 consecutive rows (ordinals) of one batch.
CREATE TABLE dataset_segments (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL REFERENCES datasets (name),
  batch_id TEXT NOT NULL REFERENCES import_batches (id),
  first_ordinal INTEGER NOT NULL,
  row_count INTEGER NOT NULL CHECK (row_count > 0),
  format INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX dataset_segments_by_ordinal ON dataset_segments (dataset, first_ordinal);
CREATE INDEX dataset_segments_by_batch ON dataset_segments (batch_id);

-- One BLOB per segment and column: id = segment id * 1024 + column number (0: key hashes,
-- 1: provenance, 2..1023: dataset_columns). A column that is empty in a segment has none.
CREATE TABLE dataset_segment_data (
  id INTEGER PRIMARY KEY,
  data BLOB NOT NULL
) STRICT;

-- Versions that are no longer current, and the batch that replaced each.
CREATE TABLE dataset_superseded (
  dataset TEXT NOT NULL REFERENCES datasets (name),
  ordinal INTEGER NOT NULL,
  batch_id TEXT NOT NULL REFERENCES import_batches (id),
  PRIMARY KEY (dataset, ordinal)
) STRICT, WITHOUT ROWID;
