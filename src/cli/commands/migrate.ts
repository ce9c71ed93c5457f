/** `crosscheck migrate --from FILE.db --to postgres://…`: move a SQLite archive into PostgreSQL, verified. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from '../../app.js';
import { AppError } from '../../domain/errors.js';
import { migrateSqliteToPostgres } from '../../storage/postgres/from-sqlite.js';
import { requirePostgres } from '../../storage/postgres/queue.js';
import type { CliContext } from '../context.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('copy a SQLite archive whole into an empty PostgreSQL database (originals, extractions, record, reviews, audit log, tokens), verified by counts and hashes')
    .requiredOption('--from <file>', 'the SQLite database file')
    .requiredOption('--to <url>', 'the PostgreSQL database (postgres://user@host/db), empty')
    .option('--json', 'print the tables copied as JSON')
    .addHelpText('after', '\nThe SQLite file is only read. Example:\n  crosscheck migrate --from crosscheck.db --to postgres://desk@db.example/archive')
    .action(async (opts: { from: string; to: string; json?: boolean }) => {
      requirePostgres(opts.to);
      const from = resolve(opts.from);
      if (!existsSync(from)) throw new AppError('E_NOT_FOUND', `No SQLite archive at ${from}`);
      const app = createApp({ db: opts.to });
      const started = performance.now();
      const s = await migrateSqliteToPostgres(from, opts.to, { logger: app.logger });
      if (opts.json) {
        ctx.out(JSON.stringify(s));
        return;
      }
      const rows = Object.values(s.tables).reduce((n, t) => n + t.rows, 0);
      ctx.out(`migrated ${s.tables.documents!.rows} reports (${rows} rows in ${Object.keys(s.tables).length} tables) in ${((performance.now() - started) / 1000).toFixed(1)} s; every table verified by count and sha256, ${s.originalsVerified} originals by their sha256`);
    });
}
