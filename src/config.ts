/** One way in for configuration: options (flags, environment) → a read-only resolved config. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from './domain/errors.js';
import { isDatabaseUrl } from './storage/open-store.js';

/** What a user may set; every field optional. */
export interface UserOptions {
  db?: string;
  workers?: number | string;
  maxSize?: number | string;
  /** Characters of text after decoding or extraction: "20M", "500k", 1000000. */
  maxText?: number | string;
  /** Seconds reading one file may take. */
  maxSeconds?: number | string;
}

/** The configuration every part reads, resolved once. */
export interface ResolvedConfig {
  readonly dbPath: string;
  readonly workers: number;
  readonly maxSize: number;
  readonly maxText: number;
  readonly maxSeconds: number;
}

/** "50MB", "1.5 GB", "2048" → bytes. */
export function parseSize(v: string | number): number {
  if (typeof v === 'number') return v;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(v);
  if (!m) throw new AppError('E_USAGE', `A size must look like 50MB, 512KB or 1048576; got ${JSON.stringify(v)}`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * mult);
}

/** "20M", "500k", "2000000" → a count of characters. */
export function parseCount(v: string | number, flag: string): number {
  if (typeof v === 'number') return v;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|m|g)?\s*$/i.exec(v);
  const n = m ? Math.round(Number(m[1]) * ({ k: 1e3, m: 1e6, g: 1e9 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1)) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new AppError('E_USAGE', `${flag} must look like 20M, 500k or 1000000; got ${JSON.stringify(v)}`);
  return n;
}

const dbOf = (db: string): string => (isDatabaseUrl(db) ? db : resolve(db));

/** Resolves options against the environment (`CROSSCHECK_DB`) and defaults. */
export function resolveConfig(opts: UserOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  const workers = opts.workers === undefined ? availableParallelism() : Number(opts.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
    throw new AppError('E_USAGE', `--workers must be a whole number from 0 to 64; got ${JSON.stringify(opts.workers)}`);
  }
  return Object.freeze({
    // A database URL (postgres://…) is kept as given; a SQLite file path is made absolute.
    dbPath: dbOf(opts.db ?? env.CROSSCHECK_DB ?? 'crosscheck.db'),
    workers,
    maxSize: opts.maxSize === undefined ? 50 * 1024 * 1024 : parseSize(opts.maxSize),
    maxText: opts.maxText === undefined ? 20_000_000 : parseCount(opts.maxText, '--max-text'),
    maxSeconds: opts.maxSeconds === undefined ? 120 : parseCount(opts.maxSeconds, '--max-seconds'),
  });
}
