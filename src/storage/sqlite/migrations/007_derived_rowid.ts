/** Migration 7: `derived` as a rowid table, so that a report's parts fit on its pages. */
import type { Migration } from './types.js';

/**
 * A WITHOUT ROWID table keeps at most about a quarter of a page of a row on the page (1,002 of
 * 4,096 bytes) and spills the rest to an overflow page of its own: a report's entities (1.2 KB
 * for a 600-byte bench report) took a whole overflow page for the last 200 bytes, and 36,599
 * overflow pages were 150 MB of the table's 240 MB at 50k reports. A rowid table keeps rows of
 * up to a page whole; the key (doc_seq, part) stays unique through its index.
 */
export const migration: Migration = {
  version: 7,
  name: 'derived as a rowid table',
  up: `
CREATE TABLE derived_rows (
  doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  part    TEXT NOT NULL,
  data    TEXT NOT NULL,
  PRIMARY KEY (doc_seq, part)
) STRICT;
INSERT INTO derived_rows (doc_seq, part, data) SELECT doc_seq, part, data FROM derived ORDER BY doc_seq, part;
DROP TABLE derived;
ALTER TABLE derived_rows RENAME TO derived;
`,
};
