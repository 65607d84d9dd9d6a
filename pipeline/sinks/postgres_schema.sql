-- vnie's PostgreSQL schema: one row per article in `documents`, one row per
-- mention in `dates`, `money` and `official_mentions`, one row per person in
-- `officials`.  The columns are those of the SQLite sink and of the JSON record
-- (SPEC.md §3); offsets count code points of the normalized text, end exclusive.
--
-- vnie applies this file itself (`vnie run ... --out postgresql://...`): it
-- creates the schema named by --pg-schema (default `vnie`), sets search_path to
-- it, runs the set-up part below, then every "-- migration N" section newer than
-- the highest version in schema_version, in one transaction, recording each N.
-- A section is never edited once released; a change of schema is a new section.
-- To apply it by hand: CREATE SCHEMA vnie; SET search_path TO vnie; then run
-- the sections in order and INSERT INTO schema_version (version) VALUES (N).

CREATE TABLE IF NOT EXISTS schema_version (
  version    integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- migration 1
CREATE TABLE documents (
  doc_id         text PRIMARY KEY,      -- XXH3-128 of the raw bytes (32 hex), or the input id
  source_path    text NOT NULL,
  source_bytes   bigint NOT NULL,
  encoding       text,                  -- as detected: UTF-8, windows-1258, VISCII, ...
  lang           text,                  -- en | vi
  title          text,
  published      text,                  -- ISO 8601 as in the record: 2020-02-24 or 2020-02-24T11:03
  published_date date,                  -- the day of `published`, when it names one
  rejected       text,                  -- why the document could not be processed, or NULL
  body           text,                  -- the normalized text (with --emit-text only)
  ingested_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_published_date ON documents (published_date);
CREATE INDEX documents_source_path ON documents (source_path);

CREATE TABLE dates (
  doc_id       text NOT NULL REFERENCES documents ON DELETE CASCADE,
  seq          integer NOT NULL,        -- 0-based position in the record's list
  text         text NOT NULL,
  span_start   integer NOT NULL,
  span_end     integer NOT NULL,
  value        text,                    -- 2020-02-19, 2020-02, 2020-Q1, 196X, 2022-01/2022-05, ...; NULL if unresolved
  grain        text,                    -- day, month, year, quarter, minute, decade
  mod          text,                    -- early, mid, late, approx
  relative     text,                    -- the relative phrase when value is NULL
  value_date   date,                    -- `value` as a date when it is one day (grain day or minute)
  PRIMARY KEY (doc_id, seq)
);
CREATE INDEX dates_value_date ON dates (value_date);

CREATE TABLE money (
  doc_id       text NOT NULL REFERENCES documents ON DELETE CASCADE,
  seq          integer NOT NULL,
  text         text NOT NULL,
  span_start   integer NOT NULL,
  span_end     integer NOT NULL,
  amount       numeric,                 -- exact, in units of the currency
  currency     text NOT NULL,           -- ISO 4217
  qualifier    text,                    -- about, over, under, up_to
  amount_min   numeric,                 -- ranges only
  amount_max   numeric,                 -- ranges only
  PRIMARY KEY (doc_id, seq)
);
CREATE INDEX money_currency_amount ON money (currency, amount);

CREATE TABLE officials (
  doc_id       text NOT NULL REFERENCES documents ON DELETE CASCADE,
  entity       integer NOT NULL,        -- 1-based within the document
  name         text NOT NULL,
  name_key     text NOT NULL,           -- lowercase ASCII fold of name
  title        text NOT NULL,           -- canonical English title, or 'other'
  organization text,
  country      text,                    -- ISO 3166-1 alpha-2
  PRIMARY KEY (doc_id, entity)
);
CREATE INDEX officials_name_key ON officials (name_key);
CREATE INDEX officials_title ON officials (title);

CREATE TABLE official_mentions (
  doc_id       text NOT NULL,
  entity       integer NOT NULL,
  seq          integer NOT NULL,
  text         text NOT NULL,
  span_start   integer NOT NULL,
  span_end     integer NOT NULL,
  PRIMARY KEY (doc_id, entity, seq),
  FOREIGN KEY (doc_id, entity) REFERENCES officials ON DELETE CASCADE
);

-- migration 2
-- Where a document came from on the web, and its place in an archive (WARC).
ALTER TABLE documents ADD COLUMN source_url text, ADD COLUMN source_offset bigint;
