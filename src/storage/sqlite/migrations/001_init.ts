/** Migration 1: documents, texts, originals, versions, counts, dates and the full-text index. */
import type { Migration } from './types.js';

/**
 * Child tables point at `documents.seq` (an INTEGER PRIMARY KEY, so VACUUM never renumbers
 * it and the FTS index can use it as its rowid), not at the public text id: a 64-character
 * id repeated in every count row would double the size of the counts index.
 * Texts and original bytes live in their own tables so that documents rows stay small:
 * listing, filtering and counting documents then never read through the texts.
 * Tables are STRICT so a wrong type is an error at write time, not a surprise at read time.
 */
const sql = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  sha256      TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  path        TEXT NOT NULL,
  format      TEXT NOT NULL,
  title       TEXT,
  publisher   TEXT,
  author      TEXT,
  published   TEXT,
  url         TEXT,
  language    TEXT,
  inferred    TEXT,            -- JSON array of field names, or NULL when absent
  page_starts TEXT,            -- JSON array of offsets into the text, or NULL
  byte_length INTEGER NOT NULL CHECK (byte_length >= 0),
  ingested_at TEXT NOT NULL    -- ISO 8601
) STRICT;
CREATE INDEX documents_publisher ON documents (publisher);
CREATE INDEX documents_name ON documents (name);

CREATE TABLE texts (
  doc_seq INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  text    TEXT NOT NULL        -- exactly as read: every span points into it
) STRICT;

CREATE TABLE originals (
  doc_seq INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  bytes   BLOB NOT NULL
) STRICT;

-- One row per document: which version of its path it is. The same bytes at another path are
-- "already ingested" and add nothing, so a document has exactly one row here.
CREATE TABLE versions (
  path        TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  doc_seq     INTEGER NOT NULL UNIQUE REFERENCES documents (seq) ON DELETE CASCADE,
  ingested_at TEXT NOT NULL,
  PRIMARY KEY (path, version)
) STRICT;

CREATE TABLE counts (
  doc_seq        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  ordinal        INTEGER NOT NULL,  -- index in the extraction; part_of refers to it
  measure        TEXT NOT NULL,
  grp            TEXT NOT NULL,     -- Count.group (GROUP is an SQL keyword)
  unit           TEXT NOT NULL,
  subject        TEXT NOT NULL,
  min            REAL,
  max            REAL,
  approximate    INTEGER NOT NULL CHECK (approximate IN (0, 1)),
  attr_text      TEXT,              -- all attr_* NULL: the report's own voice
  attr_source    TEXT,
  attr_start     INTEGER,
  attr_end       INTEGER,
  attr_kind      TEXT CHECK (attr_kind IN ('official', 'unofficial')),
  span_start     INTEGER NOT NULL CHECK (span_start >= 0),
  span_end       INTEGER NOT NULL CHECK (span_end >= span_start),
  quote          TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  part_of        INTEGER,
  PRIMARY KEY (doc_seq, ordinal),
  CHECK ((attr_text IS NULL) = (attr_source IS NULL))
) STRICT;
CREATE INDEX counts_measure ON counts (measure, grp, unit);

CREATE TABLE dates (
  doc_seq    INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  value      TEXT NOT NULL,      -- EDTF
  span_start INTEGER NOT NULL CHECK (span_start >= 0),
  span_end   INTEGER NOT NULL CHECK (span_end >= span_start),
  quote      TEXT NOT NULL,
  relative   INTEGER CHECK (relative IN (0, 1)),  -- NULL when the extractor left it out
  PRIMARY KEY (doc_seq, ordinal)
) STRICT;

-- External content: the text is stored once, in texts; snippet() reads it through this view.
CREATE VIEW documents_fts_content AS
  SELECT d.seq AS seq, d.title AS title, t.text AS text
  FROM documents d JOIN texts t ON t.doc_seq = d.seq;

-- remove_diacritics 2 folds accents ("Xocalí" finds "Xocali"); the dotless ı is a letter of its
-- own, not an accented i, so spelling variants are left to entity aliases.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text,
  content = 'documents_fts_content', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
-- A title match weighs four body matches; ORDER BY rank then uses these weights.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

-- Triggers keep the index in the same transaction as the rows, whoever writes them. A
-- document is indexed when its text arrives (the documents row is written first).
CREATE TRIGGER texts_fts_insert AFTER INSERT ON texts BEGIN
  INSERT INTO documents_fts (rowid, title, text)
  VALUES (new.doc_seq, (SELECT title FROM documents WHERE seq = new.doc_seq), new.text);
END;
-- Texts go only with their document (by cascade), so the entry is dropped while both exist.
CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text)
  SELECT 'delete', old.seq, old.title, text FROM texts WHERE doc_seq = old.seq;
END;
CREATE TRIGGER documents_fts_title AFTER UPDATE OF title ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text)
  SELECT 'delete', old.seq, old.title, text FROM texts WHERE doc_seq = old.seq;
  INSERT INTO documents_fts (rowid, title, text)
  SELECT new.seq, new.title, text FROM texts WHERE doc_seq = new.seq;
END;
`;

/** Creates the evidence tables. */
export const migration: Migration = { version: 1, name: 'init', up: sql };
