/** Migration 2: the ingest queue that `crosscheck worker` processes take jobs from. */
import type { PgMigration } from './types.js';

/**
 * One row per file to ingest, with its bytes (a worker on another machine cannot read the
 * enqueuer's path) and the sidecar metadata read beside it. A worker claims a job with
 * FOR UPDATE SKIP LOCKED and holds a session advisory lock on it while it works: a worker that
 * dies drops its connection and with it the lock, so another worker sees the job as orphaned at
 * once, without timeouts. `attempts` counts claims; the third failure parks the job with its reason.
 */
export const migration: PgMigration = {
  version: 2,
  name: 'jobs',
  up: `
CREATE TABLE jobs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path        text NOT NULL,
  sha256      text NOT NULL,
  bytes       bytea NOT NULL,
  sidecar     text,             -- JSON metadata from the file's sidecar, or NULL
  state       text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'parked')),
  attempts    integer NOT NULL DEFAULT 0,
  worker      text,
  last_error  text,
  document_id text,
  result      text,             -- added, new-version, skipped, failed
  enqueued_at text NOT NULL,
  finished_at text
);
CREATE INDEX jobs_waiting ON jobs (id) WHERE state IN ('queued', 'running');
-- The same bytes at the same path are queued once while waiting.
CREATE UNIQUE INDEX jobs_once ON jobs (path, sha256) WHERE state IN ('queued', 'running');
`,
};
