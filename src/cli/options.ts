/** Flag values read for people: a wrong one is named with what was given and what would do. */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../domain/errors.js';
import { isDatabaseUrl } from '../storage/open-store.js';

/** `--limit 20` → 20; "abc", "1.5" or out of range is an E_USAGE naming the flag and the value given. */
export function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new AppError('E_USAGE', `${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Refuses to create a database in a folder that does not exist: a typo in --db should not make folders. */
export function requireDbFolder(dbPath: string): void {
  if (isDatabaseUrl(dbPath)) return;
  const folder = dirname(dbPath);
  if (!existsSync(folder)) throw new AppError('E_NOT_FOUND', `No folder ${folder} for the database ${dbPath}: create it first, or give another --db`);
  if (!statSync(folder).isDirectory()) throw new AppError('E_USAGE', `${folder} is not a folder, so ${dbPath} cannot be created in it`);
}
