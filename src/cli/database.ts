/** The one check every reading command makes first: that there is a database to read. */
import { existsSync } from 'node:fs';
import type { App } from '../app.js';
import { AppError } from '../domain/errors.js';

/** Throws a clear E_NOT_FOUND, saying what to run, when the app's database file does not exist. */
export function requireDatabase(app: App): void {
  if (!existsSync(app.config.dbPath)) {
    throw new AppError('E_NOT_FOUND', `No database at ${app.config.dbPath}: run \`crosscheck ingest PATH\` first, or give --db FILE`);
  }
}
