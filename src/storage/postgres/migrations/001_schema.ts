/** Migration 1: the whole evidence schema as the SQLite store has it after its six steps, written for PostgreSQL. */
import type { PgMigration } from './types.js';

/**
 * The same tables and meanings as SQLite's migrations 001–006 (see ../../sqlite/migrations),
 * with PostgreSQL's types: originals in bytea, JSON checked by the json type, identities for
 * the growing ids. Keys that are sorted or compared by prefix use the "C" collation, so that
 * ordering is by code point whatever the cluster's locale (as SQLite's BINARY).
 * Text with a NUL character (PostgreSQL's text type cannot hold one) is kept as UTF-8 in
 * texts.raw instead of texts.text. The full-text index is a tsvector per document, built by the
 * store from the same tokens the SQLite tokenizer makes (see text-index.ts), in a GIN index.
 */
const sql = `
CREATE TABLE meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE documents (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          text COLLATE "C" NOT NULL UNIQUE,
  sha256      text NOT NULL UNIQUE,
  name        text NOT NULL,
  path        text COLLATE "C" NOT NULL,
  format      text NOT NULL,
  title       text,
  publisher   text,
  author      text,
  published   text,
  url         text,
  language    text,
  inferred    text,            -- JSON array of field names, or NULL when absent
  page_starts text,            -- JSON array of offsets into the text, or NULL
  byte_length bigint NOT NULL CHECK (byte_length >= 0),
  ingested_at text NOT NULL    -- ISO 8601
);
CREATE INDEX documents_publisher ON documents (publisher);
CREATE INDEX documents_name ON documents (name);

CREATE TABLE texts (
  doc_seq bigint PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  text    text,                -- exactly as read: every span points into it
  raw     bytea,               -- the text as UTF-8 when it holds a NUL
  CHECK ((text IS NULL) <> (raw IS NULL))
);

CREATE TABLE originals (
  doc_seq bigint PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  bytes   bytea NOT NULL
);

CREATE TABLE versions (
  path        text COLLATE "C" NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  doc_seq     bigint NOT NULL UNIQUE REFERENCES documents (seq) ON DELETE CASCADE,
  ingested_at text NOT NULL,
  PRIMARY KEY (path, version)
);

CREATE TABLE counts (
  doc_seq        bigint NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  ordinal        integer NOT NULL,
  measure        text NOT NULL,
  grp            text NOT NULL,
  unit           text NOT NULL,
  subject        text NOT NULL,
  min            double precision,
  max            double precision,
  approximate    smallint NOT NULL CHECK (approximate IN (0, 1)),
  attr_text      text,
  attr_source    text,
  attr_start     integer,
  attr_end       integer,
  attr_kind      text CHECK (attr_kind IN ('official', 'unofficial')),
  span_start     integer NOT NULL CHECK (span_start >= 0),
  span_end       integer NOT NULL CHECK (span_end >= span_start),
  quote          text NOT NULL,
  sentence_start integer NOT NULL,
  sentence_end   integer NOT NULL,
  part_of        integer,
  PRIMARY KEY (doc_seq, ordinal),
  CHECK ((attr_text IS NULL) = (attr_source IS NULL))
);
CREATE INDEX counts_measure ON counts (measure, grp, unit);

CREATE TABLE dates (
  doc_seq    bigint NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  ordinal    integer NOT NULL,
  value      text NOT NULL,
  span_start integer NOT NULL CHECK (span_start >= 0),
  span_end   integer NOT NULL CHECK (span_end >= span_start),
  quote      text NOT NULL,
  relative   smallint CHECK (relative IN (0, 1)),
  PRIMARY KEY (doc_seq, ordinal)
);

-- Title lexemes carry weight A, text lexemes weight B: title:/text: filter by weight, and
-- ranking weighs a title match as four text matches (as SQLite's bm25(4.0, 1.0)).
CREATE TABLE documents_fts (
  doc_seq bigint PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  terms   tsvector NOT NULL
);
CREATE INDEX documents_fts_terms ON documents_fts USING gin (terms);

CREATE TABLE records (
  key        text PRIMARY KEY,
  value      text NOT NULL,
  parts      integer NOT NULL DEFAULT 0,
  updated_at text NOT NULL
);
CREATE TABLE record_parts (
  key   text NOT NULL REFERENCES records (key) ON DELETE CASCADE,
  part  integer NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (key, part)
);

-- Reviews and audit entries are evidence: triggers refuse to change or delete them, whatever
-- code runs. Reviews point at documents without ON DELETE CASCADE.
CREATE TABLE reviews (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_seq    bigint NOT NULL REFERENCES documents (seq),
  kind       text NOT NULL CHECK (kind IN ('count', 'date')),
  span_start integer NOT NULL CHECK (span_start >= 0),
  span_end   integer NOT NULL CHECK (span_end >= span_start),
  item       text NOT NULL,
  item_key   text NOT NULL,
  action     text NOT NULL CHECK (action IN ('confirm', 'reject', 'correct')),
  corrected  json,
  reason     text NOT NULL,
  reviewer   text NOT NULL,
  created_at text NOT NULL,
  CHECK ((action = 'correct') = (corrected IS NOT NULL))
);
CREATE INDEX reviews_item ON reviews (doc_seq, item_key, id);

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          text NOT NULL,
  who         text NOT NULL,
  action      text NOT NULL,
  target      text COLLATE "C" NOT NULL,
  before_json json,
  after_json  json,
  reason      text
);
CREATE INDEX audit_log_target ON audit_log (target);

CREATE FUNCTION crosscheck_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- Statement triggers: they refuse even a statement that would touch no row.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION crosscheck_append_only();
CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON reviews
  FOR EACH STATEMENT EXECUTE FUNCTION crosscheck_append_only();

-- Only the sha256 of a token is kept: a copy of the database grants no access.
CREATE TABLE tokens (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  hash       text NOT NULL UNIQUE CHECK (length(hash) = 64),
  created_at text NOT NULL,
  revoked_at text
);

CREATE TABLE review_idempotency (
  reviewer     text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  review_id    bigint NOT NULL REFERENCES reviews (id),
  result_json  text NOT NULL,
  created_at   text NOT NULL,
  PRIMARY KEY (reviewer, key)
);

CREATE TABLE derived (
  doc_seq bigint NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  part    text NOT NULL,
  data    text NOT NULL,
  PRIMARY KEY (doc_seq, part)
);

CREATE TABLE signatures (
  doc_seq     bigint PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  fingerprint bigint NOT NULL,
  starts      bytea NOT NULL,
  ends        bytea NOT NULL,
  shingles    bytea NOT NULL,
  bands       bytea NOT NULL,   -- the band keys again, as int32 pairs: band_keys is indexed by key only
  paired      boolean NOT NULL DEFAULT false
);
CREATE INDEX signatures_unpaired ON signatures (doc_seq) WHERE NOT paired;

CREATE TABLE band_keys (
  k1      integer NOT NULL,
  k2      integer NOT NULL,
  doc_seq bigint NOT NULL,
  PRIMARY KEY (k1, k2, doc_seq)
);

CREATE TABLE record_rows (
  set_name text COLLATE "C" NOT NULL,
  key      text COLLATE "C" NOT NULL,
  grp      text COLLATE "C",
  tag      text COLLATE "C",
  ord      double precision NOT NULL DEFAULT 0,
  lo       text COLLATE "C",
  hi       text COLLATE "C",
  data     text NOT NULL,
  PRIMARY KEY (set_name, key)
);
CREATE INDEX record_rows_ord ON record_rows (set_name, ord);
CREATE INDEX record_rows_grp ON record_rows (set_name, grp, ord) WHERE grp IS NOT NULL;
CREATE INDEX record_rows_tag ON record_rows (set_name, tag, ord) WHERE tag IS NOT NULL;
`;

/** Creates the evidence tables. */
export const migration: PgMigration = { version: 1, name: 'schema', up: sql };
