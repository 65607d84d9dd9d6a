-- vnie's SQLite output, schema version 2 (PRAGMA user_version = 2; also in
-- the meta table).  One row in documents per article; its mentions in the
-- other tables, keyed by doc_id.  Offsets (span_start, span_end) are in
-- Unicode code points of the normalized text, half-open, as in SPEC.md §3.
-- Amounts are TEXT exact decimals: every digit kept, no exponent.
-- The PostgreSQL sink mirrors these tables and columns (docs/batch.md).

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  doc_id       TEXT PRIMARY KEY,      -- 32 hex chars, XXH3-128 of the raw bytes
  source_path  TEXT NOT NULL,
  source_bytes INTEGER NOT NULL,
  encoding     TEXT,
  lang         TEXT,                  -- en | vi
  title        TEXT,
  published    TEXT,                  -- ISO 8601, or NULL
  rejected     TEXT,                  -- the reason, or NULL for a processed article
  source_url   TEXT,                  -- the page's address, when the input gives one
  source_offset INTEGER               -- where the record starts inside an archive (WARC), else NULL
);
CREATE INDEX IF NOT EXISTS documents_source_path ON documents (source_path);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published);

CREATE TABLE IF NOT EXISTS dates (
  doc_id     TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,        -- 0-based order within the document
  text       TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  value      TEXT,                    -- ISO value or interval; NULL if unresolvable
  grain      TEXT,
  mod        TEXT,
  relative   TEXT,
  PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS dates_value ON dates (value);

CREATE TABLE IF NOT EXISTS money (
  doc_id     TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  amount     TEXT NOT NULL,           -- exact decimal string
  currency   TEXT NOT NULL,           -- ISO 4217
  qualifier  TEXT,                    -- about, over, under, up_to, or NULL
  amount_min TEXT,                    -- ranges only
  amount_max TEXT,
  PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS money_currency ON money (currency);

CREATE TABLE IF NOT EXISTS officials (
  doc_id       TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
  entity       INTEGER NOT NULL,      -- 1-based within the document
  name         TEXT NOT NULL,
  name_key     TEXT NOT NULL,         -- ASCII key form, for joining across documents
  title        TEXT NOT NULL,
  organization TEXT,
  country      TEXT,                  -- ISO 3166-1 alpha-2
  PRIMARY KEY (doc_id, entity)
);
CREATE INDEX IF NOT EXISTS officials_name_key ON officials (name_key);
CREATE INDEX IF NOT EXISTS officials_title ON officials (title);

CREATE TABLE IF NOT EXISTS official_mentions (
  doc_id     TEXT NOT NULL,
  entity     INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  PRIMARY KEY (doc_id, entity, seq),
  FOREIGN KEY (doc_id, entity) REFERENCES officials (doc_id, entity) ON DELETE CASCADE
);

INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '2');
PRAGMA user_version = 2;
