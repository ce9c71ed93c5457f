/** One way in for configuration: options (flags, environment) → a read-only resolved config. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from './domain/errors.js';

/** What a user may set; every field optional. */
export interface UserOptions {
  db?: string;
  workers?: number | string;
  maxSize?: number | string;
}

/** The configuration every part reads, resolved once. */
export interface ResolvedConfig {
  readonly dbPath: string;
  readonly workers: number;
  readonly maxSize: number;
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

/** Resolves options against the environment (`CROSSCHECK_DB`) and defaults. */
export function resolveConfig(opts: UserOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  const workers = opts.workers === undefined ? availableParallelism() : Number(opts.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
    throw new AppError('E_USAGE', `--workers must be a whole number from 0 to 64; got ${JSON.stringify(opts.workers)}`);
  }
  return Object.freeze({
    dbPath: resolve(opts.db ?? env.CROSSCHECK_DB ?? 'crosscheck.db'),
    workers,
    maxSize: opts.maxSize === undefined ? 50 * 1024 * 1024 : parseSize(opts.maxSize),
  });
}
