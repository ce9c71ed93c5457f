/** The one check every reading command makes first: that there is a database to read. */
import { existsSync } from 'node:fs';
import type { App } from '../app.js';
import { AppError } from '../domain/errors.js';
import { isDatabaseUrl } from '../storage/open-store.js';

/** Throws a clear E_NOT_FOUND, saying what to run, when the app's database file does not exist. */
export function requireDatabase(app: App): void {
  // A database server answers for itself when the store opens.
  if (!isDatabaseUrl(app.config.dbPath) && !existsSync(app.config.dbPath)) {
    throw new AppError('E_NOT_FOUND', `No database at ${app.config.dbPath}: run \`crosscheck ingest PATH\` first, or give --db FILE`);
  }
}
