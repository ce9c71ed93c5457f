/** Migration 8: large reconciled rows stored deflated. */
import type { Migration } from './types.js';

/**
 * `zdata`: a row's JSON deflated, for rows of DEFLATE_FROM characters or more (then `data` is
 * empty). SQLite compresses nothing itself; a timeline entry, a figure or a check repeats its
 * field names and its counts' sentences, and deflates to a quarter or less (measured at 100k
 * bench reports: timeline 162 MB, figures 152 MB, checks 33 MB of row data). Rows stored before
 * keep their JSON in `data` and read as they are.
 */
export const migration: Migration = {
  version: 8,
  name: 'deflated record rows',
  up: `ALTER TABLE record_rows ADD COLUMN zdata BLOB;`,
};
