/** Migration 5: what a report yields, stored once at ingest, and the reconciled record as rows. */
import type { Migration } from './types.js';

/**
 * `derived`: a report's named parts (entities, quotes, citations, event mentions, dated sentences,
 * count facts), written with the report, so reconciliation never reads or re-extracts texts.
 * `signatures` and `band_keys`: the shared-passage index as tables; a new report finds its
 * candidates by an index lookup on its band keys. `record_rows`: reconciled state (figures,
 * their mentions, checks, timeline entries, entity clusters, source pairs and groups) as keyed
 * rows in named sets, each read by index and a page at a time. The old one-JSON record goes.
 */
export const migration: Migration = {
  version: 5,
  name: 'rows',
  up: `
CREATE TABLE derived (
  doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  part    TEXT NOT NULL,
  data    TEXT NOT NULL,
  PRIMARY KEY (doc_seq, part)
) STRICT, WITHOUT ROWID;

CREATE TABLE signatures (
  doc_seq     INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  fingerprint INTEGER NOT NULL,
  starts      BLOB NOT NULL,
  ends        BLOB NOT NULL,
  shingles    BLOB NOT NULL,
  bands       BLOB NOT NULL,   -- the band keys again, as int32 pairs: band_keys is indexed by key only
  paired      INTEGER NOT NULL DEFAULT 0 CHECK (paired IN (0, 1))
) STRICT;
CREATE INDEX signatures_unpaired ON signatures (doc_seq) WHERE paired = 0;

CREATE TABLE band_keys (
  k1      INTEGER NOT NULL,
  k2      INTEGER NOT NULL,
  doc_seq INTEGER NOT NULL,
  PRIMARY KEY (k1, k2, doc_seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE record_rows (
  set_name TEXT NOT NULL,
  key      TEXT NOT NULL,
  grp      TEXT,
  tag      TEXT,
  ord      REAL NOT NULL DEFAULT 0,
  lo       TEXT,
  hi       TEXT,
  data     TEXT NOT NULL,
  PRIMARY KEY (set_name, key)
) STRICT;
CREATE INDEX record_rows_ord ON record_rows (set_name, ord);
CREATE INDEX record_rows_grp ON record_rows (set_name, grp, ord) WHERE grp IS NOT NULL;
CREATE INDEX record_rows_tag ON record_rows (set_name, tag, ord) WHERE tag IS NOT NULL;

DELETE FROM record_parts;
DELETE FROM records WHERE key IN ('reconcile', 'reconcile-built', 'source-index', 'source-pairs', 'reviews-applied');
`,
};
