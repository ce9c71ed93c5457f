/** `crosscheck serve`: the JSON API and the web app over the store, until SIGINT or SIGTERM. */
import { existsSync } from 'node:fs';
import { requireDatabase } from '../database.js';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { AppError } from '../../domain/errors.js';
import type { Logger } from '../../domain/logger.js';
import { buildServer } from '../../server/build.js';
import { shownDatabase } from '../../storage/db-url.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

interface Options { db?: string; port: string; host: string; web?: string; allowPrivate?: boolean; readOnly?: boolean; ingestWorkers: string }

/** The web app built into the package (dist/cli/commands → web/dist; the same depth from src/). */
const PACKAGED_WEB = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Server errors on stderr, one line each; requests themselves are not logged. */
function stderrLogger(ctx: CliContext): Logger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => ctx.warn(`${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { debug() {}, info() {}, warn: line('warning'), error: line('error') };
}

/** Listens, turning the errors a user can fix (a port taken, a port reserved, an address not here) into words. */
async function listen(server: ReturnType<typeof buildServer>, port: number, host: string): Promise<void> {
  try {
    await server.listen({ port, host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new AppError('E_USAGE', `Port ${port} on ${host} is already in use (another crosscheck serve?); choose another with --port N, or --port 0 for any free one`, { cause: e });
    if (code === 'EACCES') throw new AppError('E_USAGE', `Port ${port} on ${host} needs privileges this user lacks; choose one above 1023 with --port N`, { cause: e });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new AppError('E_USAGE', `${host} is not an address of this machine; give --host 127.0.0.1, or an address it has`, { cause: e });
    throw e;
  }
}

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the JSON API (and the web app, when built) over the store; reads are open, writes need a token')
    .option('--db <file|url>', 'the database: a SQLite file or postgres://user@host/db (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <host>', 'address to bind (only this machine by default)', '127.0.0.1')
    .option('--web <dir>', 'the built web app to serve at / (default: the one in the package, when built)')
    .option('--allow-private', 'let reports be added by an address on this machine or a private network (refused by default)')
    .option('--read-only', 'take no writes: reviews, curation and uploads are refused (403 E_READ_ONLY) and the web app hides them; the database is opened read-only (e.g. a read replica), and its record is served as built')
    .option('--ingest-workers <n>', 'worker threads that read and extract uploaded and fetched reports, started by the first (0: in the server\'s thread, which then stops answering while it reads)', '1')
    .addHelpText('after', '\nWrites (reviews) need a token: crosscheck token create --name NAME\n\nExamples:\n  crosscheck serve\n  crosscheck serve --db vessany.db --port 3000\n  crosscheck serve --read-only --db postgres://reader@replica.example/crosscheck')
    .action(async (opts: Options) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('E_USAGE', `--port must be a whole number from 0 to 65535; got ${JSON.stringify(opts.port)}`);
      const workers = Number(opts.ingestWorkers);
      if (!/^\d+$/.test(opts.ingestWorkers) || workers > 64) throw new AppError('E_USAGE', `--ingest-workers must be a whole number from 0 to 64; got ${JSON.stringify(opts.ingestWorkers)}`);
      const app = createApp({ db: opts.db });
      requireDatabase(app);
      const webRoot = opts.web ?? (existsSync(PACKAGED_WEB) ? PACKAGED_WEB : undefined);
      if (opts.web !== undefined && !existsSync(opts.web)) throw new AppError('E_NOT_FOUND', `No web app at ${opts.web}`);
      const readOnly = opts.readOnly ?? false;
      const store = await app.openStore({ readonly: readOnly });
      const { maxSize, maxText, maxSeconds } = app.config;
      const server = buildServer({ store, logger: stderrLogger(ctx), webRoot, readOnly, ingest: { maxSize, maxText, maxSeconds, allowPrivate: opts.allowPrivate ?? false, workers } });
      try {
        // A record not yet built (or older than a review) is built before the first visitor
        // arrives; a stored one is only read, a page at a time, whatever the archive's size.
        // Read-only, there must be one already.
        const warm = await server.inject('/api/events');
        if (warm.statusCode !== 200) throw new AppError('E_STORE', `Could not build the record: ${warm.json<{ message?: string }>().message ?? warm.statusCode}`);
        const record = warm.json<{ documents: number }>();
        await listen(server, port, opts.host);
        const bound = server.server.address();
        const address = typeof bound === 'object' ? bound : null;
        const shown = address ? (address.family === 'IPv6' ? `[${address.address}]` : address.address) : opts.host;
        ctx.out(`crosscheck: serving ${record.documents} reports from ${oneLine(shownDatabase(app.config.dbPath))}${readOnly ? ', read-only' : ''}`);
        ctx.out(`  http://${shown}:${address?.port ?? port}/${webRoot ? '' : '  (web app not built: API only)'}`);
        if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) ctx.warn(`warning: listening on ${opts.host}, reachable from other machines; reads are open to them`);
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        ctx.out(`stopping (${signal})`);
      } finally {
        await server.close();
        await store.close();
      }
    });
}
