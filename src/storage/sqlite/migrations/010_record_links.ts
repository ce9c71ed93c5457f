/** Migration 10: which reports have a word, an event, a date value, as links rather than rows. */
import type { Migration } from './types.js';

/**
 * `record_links`: (set, group, document row), one b-tree by group, then by when the report came.
 * The `key-docs`, `event-docs` and `value-docs` sets were rows of `record_rows`, each kept in its
 * table and three or four indexes with a key, an order and data it never used: at 100k bench
 * reports 1.8M rows, 18 a report, some 2 KB of the database a report and the largest write of a
 * first build's stretch. Their rows move here (a row's report is its tag, or its key after the tab).
 */
export const migration: Migration = {
  version: 10,
  name: 'record links',
  up: `
CREATE TABLE record_links (
  set_name TEXT NOT NULL,
  grp      TEXT NOT NULL,
  doc_seq  INTEGER NOT NULL REFERENCES documents (seq),
  PRIMARY KEY (set_name, grp, doc_seq)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO record_links (set_name, grp, doc_seq)
  SELECT r.set_name, r.grp, d.seq FROM record_rows r JOIN documents d ON d.id = coalesce(r.tag, substr(r.key, instr(r.key, char(9)) + 1))
  WHERE r.set_name IN ('key-docs', 'event-docs', 'value-docs') AND r.grp IS NOT NULL
  ORDER BY 1, 2, 3;
DELETE FROM record_rows WHERE set_name IN ('key-docs', 'event-docs', 'value-docs');
`,
};
