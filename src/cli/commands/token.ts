/** `crosscheck token`: create, list and revoke the API tokens that writes need. */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { requireDbFolder } from '../options.js';
import { AppError } from '../../domain/errors.js';
import { shownDatabase } from '../../storage/db-url.js';
import { table } from '../output.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';
import { openExisting } from './docs.js';

interface DbOption { db?: string }

/** Who ran the command, for the audit log. */
function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** Registers the command and its subcommands. */
export function register(program: Command, ctx: CliContext): void {
  const token = program.command('token').description('API tokens: writes to the server (reviews) need one');
  const db = '--db <file>';
  const dbHelp = 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)';

  token.command('create')
    .description('create a token and print it once (only its sha256 is stored)')
    .requiredOption('--name <name>', 'who or what the token is for (shown in the audit log)')
    .option(db, dbHelp)
    .option('--json', 'print JSON')
    .action(async (opts: DbOption & { name: string; json?: boolean }) => {
      const app = createApp({ db: opts.db });
      requireDbFolder(app.config.dbPath);
      const store = await app.openStore();
      try {
        const created = await store.createToken(opts.name, operator());
        if (opts.json) return ctx.out(JSON.stringify(created, null, 2));
        ctx.out(created.token);
        ctx.warn(`token ${created.id} "${oneLine(created.name)}" created in ${oneLine(shownDatabase(app.config.dbPath))}; it is shown only now. Send it as: Authorization: Bearer <token>`);
      } finally {
        await store.close();
      }
    });

  token.command('list')
    .description('list tokens (never their secrets)')
    .option(db, dbHelp)
    .option('--json', 'print JSON')
    .action(async (opts: DbOption & { json?: boolean }) => {
      const store = await openExisting(createApp({ db: opts.db }));
      try {
        const tokens = await store.listTokens();
        if (opts.json) return ctx.out(JSON.stringify(tokens, null, 2));
        if (!tokens.length) return ctx.out('no tokens; create one with `crosscheck token create --name NAME`');
        ctx.out(table(['id', 'name', 'created', 'revoked'], tokens.map((t) => [String(t.id), t.name, t.createdAt, t.revokedAt ?? ''])));
      } finally {
        await store.close();
      }
    });

  token.command('revoke')
    .description('revoke a token by its id (see `token list`)')
    .argument('<id>', 'the token id')
    .option(db, dbHelp)
    .action(async (idText: string, opts: DbOption) => {
      const id = Number(idText);
      if (!Number.isInteger(id) || id < 1) throw new AppError('E_USAGE', `A token id is a whole number; got ${JSON.stringify(idText)}`);
      const app = createApp({ db: opts.db });
      requireDbFolder(app.config.dbPath);
      const store = await app.openStore();
      try {
        if (!(await store.revokeToken(id, operator()))) throw new AppError('E_NOT_FOUND', `No active token has the id ${id}`);
        ctx.out(`revoked token ${id}`);
      } finally {
        await store.close();
      }
    });
}
