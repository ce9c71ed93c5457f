/** Migration 4: pages of the record in the order of its indexes, as SQLite's migration 11. */
import type { PgMigration } from './types.js';

/**
 * Every read of `record_rows` is in `(ord, key)` order; with the key in the indexes a page of a
 * set whose rows share one `ord` (the timeline, a figure value's mentions) is read in index order
 * rather than every row of the set sorted for it.
 */
export const migration: PgMigration = {
  version: 4,
  name: 'page indexes',
  up: `
DROP INDEX IF EXISTS record_rows_ord;
DROP INDEX IF EXISTS record_rows_grp;
DROP INDEX IF EXISTS record_rows_tag;
CREATE INDEX record_rows_ord ON record_rows (set_name, ord, key);
CREATE INDEX record_rows_grp ON record_rows (set_name, grp, ord, key) WHERE grp IS NOT NULL;
CREATE INDEX record_rows_tag ON record_rows (set_name, tag, ord, key) WHERE tag IS NOT NULL;
`,
};
