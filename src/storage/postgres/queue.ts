/**
 * The ingest queue in PostgreSQL: `ingest --queue` puts files in, `worker` processes take them out.
 *
 * FOR UPDATE SKIP LOCKED on a jobs table rather than pg-boss or graphile-worker: the jobs live in
 * the database that already holds the archive (no second schema, no extra dependency), and a job's
 * completion is written in the same transaction as its report, so a report is stored once or not
 * at all whatever happens to the worker. A claimed job is held by a session advisory lock on the
 * worker's connection: if the worker dies its connection goes and the lock with it, and the next
 * worker to look takes the job over at once (no lease to time out).
 *
 * Workers read and extract in parallel but store in queue order: a worker whose job is done
 * waits until every earlier job is stored (or parked) before it writes. Reports then get their
 * row numbers in the order they were queued, as a single-process ingest of the same folder gives
 * them, and the reconciled record (which breaks ties by ingestion order) is the same.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { AppError } from '../../domain/errors.js';
import { silentLogger } from '../../domain/logger.js';
import type { Logger } from '../../domain/logger.js';
import type { AddResult, ReportInput } from '../store.js';
import { Db } from './db.js';
import { writeDerived } from './derived.js';
import { toStoreError } from './errors.js';
import { migratePg } from './migrate.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { writeReport } from './write.js';

/** Claims of a job before it is parked: the third failure parks it. */
export const MAX_ATTEMPTS = 3;
/** Advisory lock namespaces: one lock per claimed job, and one for reconciling. */
const JOB_LOCKS = 42_001;
const RECONCILE_LOCK = 42_002;

/** A file to enqueue. */
export interface JobInput {
  path: string;
  bytes: Uint8Array;
  /** Metadata from the file's sidecar, when it has one. */
  sidecar?: unknown;
}

/** A claimed job. */
export interface Job {
  id: number;
  path: string;
  bytes: Uint8Array;
  sidecar: unknown;
  /** This claim included. */
  attempts: number;
}

/**
 * What processing a job gave: a report to store; a file that cannot be read (final: stored as a
 * failed result, as a single-process ingest reports it); or an error worth another try.
 */
export type JobOutcome =
  | { kind: 'report'; input: ReportInput }
  | { kind: 'unreadable'; message: string }
  | { kind: 'error'; message: string };

/** A job as `crosscheck jobs` lists it. */
export interface JobInfo {
  id: number;
  path: string;
  state: 'queued' | 'running' | 'done' | 'parked';
  attempts: number;
  worker: string | null;
  lastError: string | null;
  documentId: string | null;
  result: string | null;
  enqueuedAt: string;
  finishedAt: string | null;
}

/** What one call to `work` did. */
export type WorkResult = { job: number; status: AddResult['status'] | 'failed' | 'retry' | 'parked' | 'yielded' } | null;

/** The queue over its own pool (one connection per worker loop holds the job locks). */
export class JobQueue {
  private constructor(private readonly db: Db, private readonly logger: Logger) {}

  /** Opens the queue at `url`, migrating the schema. */
  static async open(url: string, opts: { logger?: Logger } = {}): Promise<JobQueue> {
    const logger = opts.logger ?? silentLogger;
    const db = new Db(url, logger, 2);
    try {
      await migratePg(db, PG_MIGRATIONS, logger);
    } catch (e) {
      await db.close();
      throw toStoreError(e, 'the job queue');
    }
    return new JobQueue(db, logger);
  }

  /** Adds files to the queue; the same bytes at the same path already waiting are not added again. */
  async enqueue(items: readonly JobInput[]): Promise<{ queued: number; already: number }> {
    if (!items.length) return { queued: 0, already: 0 };
    const now = new Date().toISOString();
    return this.db.tx('the queued files', async (c) => {
      let queued = 0;
      for (const item of items) {
        const sha256 = createHash('sha256').update(item.bytes).digest('hex');
        const r = await c.query(`INSERT INTO jobs (path, sha256, bytes, sidecar, enqueued_at) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (path, sha256) WHERE state IN ('queued', 'running') DO NOTHING`,
        [item.path, sha256, Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength), item.sidecar === undefined ? null : JSON.stringify(item.sidecar), now]);
        queued += r.rowCount ?? 0;
      }
      return { queued, already: items.length - queued };
    });
  }

  /**
   * Claims the oldest job no live worker holds, runs `process` on it and stores its report with
   * the job's completion in one transaction. Null when there is nothing to do.
   */
  async work(worker: string, process: (job: Job) => Promise<JobOutcome>): Promise<WorkResult> {
    const client = await this.connect();
    let job: Job | null = null;
    try {
      job = await this.claim(client, worker);
      if (job === null) return null;
      let outcome: JobOutcome;
      try {
        outcome = await process(job);
      } catch (e) {
        outcome = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      return { job: job.id, status: await this.finish(client, job, outcome) };
    } finally {
      if (job !== null) await client.query('SELECT pg_advisory_unlock($1::int, $2::int)', [JOB_LOCKS, job.id]).catch(() => undefined);
      client.release();
    }
  }

  /** Runs `fn` while holding the reconcile lock; without `wait`, returns false at once when another worker holds it. */
  async reconciling(fn: () => Promise<void>, wait: boolean): Promise<boolean> {
    const client = await this.connect();
    try {
      if (wait) await client.query('SELECT pg_advisory_lock($1::int, 0)', [RECONCILE_LOCK]);
      else if (!(await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, 0) AS ok', [RECONCILE_LOCK])).rows[0]!.ok) return false;
      try {
        await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1::int, 0)', [RECONCILE_LOCK]);
      }
      return true;
    } finally {
      client.release();
    }
  }

  /** Jobs by state, and those that need a person: parked, or failed on an unreadable file. */
  async summary(): Promise<{ counts: Record<JobInfo['state'], number>; attention: JobInfo[] }> {
    const counts = { queued: 0, running: 0, done: 0, parked: 0 };
    for (const r of await this.db.read<{ state: JobInfo['state']; n: number }>('SELECT state, count(*) AS n FROM jobs GROUP BY state')) counts[r.state] = r.n;
    const rows = await this.db.read<Record<string, unknown>>(`SELECT id, path, state, attempts, worker, last_error, document_id, result, enqueued_at, finished_at
      FROM jobs WHERE state = 'parked' OR result = 'failed' ORDER BY id LIMIT 1000`);
    return { counts, attention: rows.map(toInfo) };
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.db.pool.connect();
    } catch (e) {
      throw toStoreError(e, 'the job queue');
    }
  }

  /** The claim, committed before the work starts: attempts counts a worker that dies during it too. */
  private async claim(c: pg.PoolClient, worker: string): Promise<Job | null> {
    let after = 0;
    for (;;) {
      await c.query('BEGIN');
      try {
        // Row locks keep two claimers off one job; the advisory try-lock tells a live worker's job from an orphan.
        const page = (await c.query<{ id: number; attempts: number; last_error: string | null }>(`SELECT id, attempts, last_error FROM jobs
          WHERE state IN ('queued', 'running') AND id > $1 ORDER BY id LIMIT 16 FOR UPDATE SKIP LOCKED`, [after])).rows;
        if (!page.length) {
          await c.query('COMMIT');
          return null;
        }
        for (const row of page) {
          after = row.id;
          if (!(await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS ok', [JOB_LOCKS, row.id])).rows[0]!.ok) continue;
          if (row.attempts >= MAX_ATTEMPTS) {
            await c.query(`UPDATE jobs SET state = 'parked', finished_at = $2, last_error = $3 WHERE id = $1`,
              [row.id, new Date().toISOString(), `stopped ${row.attempts} times without finishing${row.last_error ? `; last error: ${row.last_error}` : ' (the worker died during the job)'}`]);
            await c.query('SELECT pg_advisory_unlock($1::int, $2::int)', [JOB_LOCKS, row.id]);
            continue;
          }
          const r = (await c.query<{ id: number; path: string; bytes: Buffer; sidecar: string | null; attempts: number }>(`UPDATE jobs SET state = 'running',
            attempts = attempts + 1, worker = $2 WHERE id = $1 RETURNING id, path, bytes, sidecar, attempts`, [row.id, worker])).rows[0]!;
          await c.query('COMMIT');
          return { id: r.id, path: r.path, bytes: new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), sidecar: r.sidecar === null ? undefined : JSON.parse(r.sidecar), attempts: r.attempts };
        }
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw toStoreError(e, 'a job claim');
      }
    }
  }

  /**
   * Waits until every job queued before `job` is stored or parked. When an earlier job has no live
   * worker (its worker died, or it went back to the queue while every worker held a later one),
   * this job is handed back instead (true: go on; false: yielded), so the worker takes the earlier.
   */
  private async awaitTurn(c: pg.PoolClient, job: Job): Promise<boolean> {
    for (;;) {
      const earlier = (await c.query<{ id: number }>(EARLIER, [job.id])).rows[0];
      if (earlier === undefined) return true;
      const free = (await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS ok', [JOB_LOCKS, earlier.id])).rows[0]!.ok;
      if (free) {
        await c.query('SELECT pg_advisory_unlock($1::int, $2::int)', [JOB_LOCKS, earlier.id]);
        // Not this job's failure: the claim is not counted.
        await c.query(`UPDATE jobs SET state = 'queued', attempts = attempts - 1, worker = NULL WHERE id = $1`, [job.id]);
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, TURN_POLL_MS));
    }
  }

  /** Stores the outcome: the report and the job's end in one transaction, or the job back in the queue (parked after the last try). */
  private async finish(c: pg.PoolClient, job: Job, outcome: JobOutcome): Promise<NonNullable<WorkResult>['status']> {
    const now = new Date().toISOString();
    if (outcome.kind === 'report') {
      if (!(await this.awaitTurn(c, job))) return 'yielded';
      await c.query('BEGIN');
      try {
        const { result, seq } = await writeReport(c, outcome.input, now);
        if (seq !== undefined && outcome.input.derived !== undefined) await writeDerived(c, seq, outcome.input.derived);
        await c.query(`UPDATE jobs SET state = 'done', result = $2, document_id = $3, finished_at = $4, last_error = $5 WHERE id = $1`,
          [job.id, result.status, result.id, now, result.reason ?? null]);
        await c.query('COMMIT');
        return result.status;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        const error = toStoreError(e, `report "${job.path}"`);
        if (error.code === 'E_STORE') throw error;
        outcome = { kind: 'unreadable', message: error.message };
      }
    }
    if (outcome.kind === 'unreadable') {
      await c.query(`UPDATE jobs SET state = 'done', result = 'failed', last_error = $2, finished_at = $3 WHERE id = $1`, [job.id, outcome.message, now]);
      return 'failed';
    }
    const park = job.attempts >= MAX_ATTEMPTS;
    this.logger.warn(park ? 'job parked' : 'job failed, will be retried', { job: job.id, path: job.path, error: outcome.message });
    await c.query(`UPDATE jobs SET state = $2, last_error = $3, finished_at = $4 WHERE id = $1`,
      [job.id, park ? 'parked' : 'queued', outcome.message, park ? now : null]);
    return park ? 'parked' : 'retry';
  }
}

/** Milliseconds between looks while an earlier job is being worked on. */
const TURN_POLL_MS = 20;

/** The earliest job before `id` still waiting or running. */
const EARLIER = `SELECT id FROM jobs WHERE id < $1 AND state IN ('queued', 'running') ORDER BY id LIMIT 1`;

function toInfo(r: Record<string, unknown>): JobInfo {
  return {
    id: r.id as number, path: r.path as string, state: r.state as JobInfo['state'], attempts: r.attempts as number,
    worker: r.worker as string | null, lastError: r.last_error as string | null, documentId: r.document_id as string | null,
    result: r.result as string | null, enqueuedAt: r.enqueued_at as string, finishedAt: r.finished_at as string | null,
  };
}

/** Refuses a queue on anything but PostgreSQL, saying why. */
export function requirePostgres(db: string): void {
  if (!/^postgres(ql)?:\/\//i.test(db)) {
    throw new AppError('E_USAGE', 'The ingest queue lives in PostgreSQL: give --db postgres://user@host/db (or CROSSCHECK_DB)');
  }
}
