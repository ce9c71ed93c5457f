/** Migration 3: curators' reviews, the append-only audit log and API tokens. */
import type { Migration } from './types.js';

/**
 * Reviews and audit entries are evidence: triggers refuse to update or delete them, whatever
 * code runs, and refuse an INSERT OR REPLACE over an existing row (REPLACE deletes without
 * firing delete triggers). Reviews point at `documents.seq` without ON DELETE CASCADE, so a
 * reviewed document cannot silently take its reviews with it.
 * A review is keyed by its item's span and measure (counts) or EDTF value (dates), not by
 * its position in the extraction, which changes on re-extraction.
 */
const sql = `
CREATE TABLE reviews (
  id         INTEGER PRIMARY KEY,
  doc_seq    INTEGER NOT NULL REFERENCES documents (seq),
  kind       TEXT NOT NULL CHECK (kind IN ('count', 'date')),
  span_start INTEGER NOT NULL CHECK (span_start >= 0),
  span_end   INTEGER NOT NULL CHECK (span_end >= span_start),
  item       TEXT NOT NULL,   -- the extracted measure (counts) or EDTF value (dates)
  item_key   TEXT NOT NULL,   -- kind:start-end:item, shared by every review of one item
  action     TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'correct')),
  corrected  TEXT CHECK (corrected IS NULL OR json_valid(corrected)),
  reason     TEXT NOT NULL,
  reviewer   TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK ((action = 'correct') = (corrected IS NOT NULL))
) STRICT;
CREATE INDEX reviews_item ON reviews (doc_seq, item_key, id);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  who         TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json  TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  reason      TEXT
) STRICT;
CREATE INDEX audit_log_target ON audit_log (target);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
  WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = new.id) BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only');
END;
CREATE TRIGGER reviews_no_replace BEFORE INSERT ON reviews
  WHEN EXISTS (SELECT 1 FROM reviews WHERE id = new.id) BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only');
END;

-- Only the sha256 of a token is kept: a copy of the database grants no access.
CREATE TABLE tokens (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  hash       TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
`;

/** Adds the reviews, audit_log and tokens tables. */
export const migration: Migration = { version: 3, name: 'review', up: sql };
