/** Named JSON records: what the reconcile stage keeps between ingests (source index, figures, …). */
import type { Migration } from './types.js';

/** Adds the records table. */
export const migration: Migration = {
  version: 2,
  name: 'records',
  up: `
CREATE TABLE records (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
