/** Migration 9: the band-key index brought up to date in bulk, not one report at a time. */
import type { Migration } from './types.js';

/**
 * `meta` key `band-keys-through`: the band keys of every report up to this row number are in
 * `band_keys`; those of later reports are in their signatures only, and are indexed together,
 * sorted, before a report is next looked up (see prepareDerived). Inserted one report at a
 * time, 64 random keys a report made every commit rewrite pages all over the index: ingest
 * took 14, 23, 29, 36 and 40 s for each next 10,000 bench reports, against 9-10 s each
 * without. An archive stored before has every report's keys indexed.
 */
export const migration: Migration = {
  version: 9,
  name: 'band keys indexed in bulk',
  up: `INSERT OR IGNORE INTO meta (key, value) SELECT 'band-keys-through', CAST(coalesce(max(doc_seq), 0) AS TEXT) FROM signatures;`,
};
