/** Migration 3: which reports have a word, an event, a date value, as links rather than rows. */
import type { PgMigration } from './types.js';

/**
 * `record_links`: (set, group, document row), indexed by group, then by when the report came,
 * as SQLite's migration 10: the `key-docs`, `event-docs` and `value-docs` rows move here.
 */
export const migration: PgMigration = {
  version: 3,
  name: 'record links',
  up: `
CREATE TABLE record_links (
  set_name text COLLATE "C" NOT NULL,
  grp      text COLLATE "C" NOT NULL,
  doc_seq  bigint NOT NULL REFERENCES documents (seq),
  PRIMARY KEY (set_name, grp, doc_seq)
);

INSERT INTO record_links (set_name, grp, doc_seq)
  SELECT r.set_name, r.grp, d.seq FROM record_rows r JOIN documents d ON d.id = coalesce(r.tag, substr(r.key, strpos(r.key, E'\\t') + 1))
  WHERE r.set_name IN ('key-docs', 'event-docs', 'value-docs') AND r.grp IS NOT NULL
  ON CONFLICT DO NOTHING;
DELETE FROM record_rows WHERE set_name IN ('key-docs', 'event-docs', 'value-docs');
`,
};
