/** Migration 6: Idempotency-Key for reviews, so a client that retries a review does not store it twice. */
import type { Migration } from './types.js';

/**
 * One row per key a reviewer has used: the hash of the request it came with (a key reused for
 * another request is a conflict) and the review and audit entry it stored, to answer a retry
 * with exactly the first answer. Keys belong to their reviewer: two reviewers' keys never meet.
 */
export const migration: Migration = {
  version: 6,
  name: 'review idempotency keys',
  up: `
CREATE TABLE review_idempotency (
  reviewer     TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  review_id    INTEGER NOT NULL REFERENCES reviews (id),
  result_json  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (reviewer, key)
) STRICT, WITHOUT ROWID;
`,
};
