/** Migration 11: pages of the record and of the reports read from indexes alone, at any depth. */
import type { Migration } from './types.js';

/**
 * Every read of `record_rows` is in `(ord, key)` order, but its indexes ended at `ord`: a set
 * whose rows share one `ord` (the timeline's 1.4M entries at 1M bench reports, a figure value's
 * mentions) was read whole and sorted by key for each page, each row fetched from the table
 * (0.7 s for the timeline's first 300 entries; the 100 figures at offset 200,000: 2.7 s). With
 * the key in the index the order is the index's, and a page's rows are found in it alone (the
 * ord index holds the tag, so that "figures of these measures" is read in order too) before
 * any row is read. `versions_later`: the few paths with a later version, from which the reports
 * a newer version supersedes are found without probing every report's path.
 */
export const migration: Migration = {
  version: 11,
  name: 'page indexes',
  up: `
DROP INDEX IF EXISTS record_rows_ord;
DROP INDEX IF EXISTS record_rows_grp;
DROP INDEX IF EXISTS record_rows_tag;
CREATE INDEX record_rows_ord ON record_rows (set_name, ord, key, tag);
CREATE INDEX record_rows_grp ON record_rows (set_name, grp, ord, key) WHERE grp IS NOT NULL;
CREATE INDEX record_rows_tag ON record_rows (set_name, tag, ord, key) WHERE tag IS NOT NULL;
CREATE INDEX IF NOT EXISTS versions_later ON versions (path) WHERE version > 1;
`,
};
