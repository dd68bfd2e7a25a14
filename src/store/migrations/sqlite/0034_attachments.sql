-- 0034: attachments (附件): reply letters, consultation minutes, evidence of rectification,
-- inspection photos, generated documents. The bytes are stored once per SHA-256; each
-- attachment row says what it is attached to and who uploaded it.
CREATE TABLE blobs (
  sha256  TEXT PRIMARY KEY,                   -- lower-case hex
  size    INTEGER NOT NULL,
  bytes   BLOB NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE attachments (
  id           TEXT PRIMARY KEY,              -- "A-000001"
  seq          INTEGER NOT NULL UNIQUE,
  sha256       TEXT NOT NULL REFERENCES blobs (sha256),
  size         INTEGER NOT NULL,
  media_type   TEXT NOT NULL,                 -- application/pdf, image/jpeg ...
  file_name    TEXT NOT NULL,                 -- the name it was uploaded under, for display
  purpose      TEXT NOT NULL,                 -- 回复文书, 磋商纪要, 整改证据, 巡查照片, 文书 ...
  object_id    TEXT NOT NULL,                 -- lead, matter or inspection it belongs to
  uploaded_by  TEXT NOT NULL,
  uploaded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_by_object ON attachments (object_id, seq);
