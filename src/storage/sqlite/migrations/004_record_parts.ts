/** Records too large for one JSON string (the reconciled record of 100,000 reports) kept as parts. */
import type { Migration } from './types.js';

/** Adds record_parts, and on records the number of parts (0: the value is inline). */
export const migration: Migration = {
  version: 4,
  name: 'record parts',
  up: `
ALTER TABLE records ADD COLUMN parts INTEGER NOT NULL DEFAULT 0;
CREATE TABLE record_parts (
  key   TEXT NOT NULL REFERENCES records (key) ON DELETE CASCADE,
  part  INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (key, part)
) STRICT, WITHOUT ROWID;
`,
};
