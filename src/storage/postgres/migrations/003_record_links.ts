/** Migration 3: which reports have a word, an event, a date value, as links rather than rows. */
import type { PgMigration } from './types.js';

/**
 * `record_links`: (set, group, report), indexed by group, as SQLite's migration
 * 10: the `key-docs`, `event-docs` and `value-docs` rows move here as they are.
 */
export const migration: PgMigration = {
  version: 3,
  name: 'record links',
  up: `
CREATE TABLE record_links (
  set_name text COLLATE "C" NOT NULL,
  grp      text COLLATE "C" NOT NULL,
  doc      text COLLATE "C" NOT NULL,
  PRIMARY KEY (set_name, grp, doc)
);

INSERT INTO record_links (set_name, grp, doc)
  SELECT set_name, grp, coalesce(tag, substr(key, strpos(key, E'\\t') + 1)) FROM record_rows
  WHERE set_name IN ('key-docs', 'event-docs', 'value-docs') AND grp IS NOT NULL
  ON CONFLICT DO NOTHING;
DELETE FROM record_rows WHERE set_name IN ('key-docs', 'event-docs', 'value-docs');
`,
};
