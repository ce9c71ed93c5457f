/** `crosscheck docs`: the stored reports with their metadata. */
import type { Command } from 'commander';
import { requireDatabase } from '../database.js';
import { createApp } from '../../app.js';
import type { App } from '../../app.js';
import type { Store } from '../../storage/store.js';
import { table } from '../output.js';
import { wholeNumber } from '../options.js';
import type { CliContext } from '../context.js';

/** Opens an existing store read-only, with a clear message when there is none yet. */
export async function openExisting(app: App): Promise<Store> {
  requireDatabase(app);
  return app.openStore({ readonly: true });
}

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('docs')
    .description('list the stored reports with their metadata')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--limit <n>', 'how many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; limit: string; offset: string; json?: boolean }) => {
      const limit = wholeNumber('--limit', opts.limit, 1, 1000);
      const offset = wholeNumber('--offset', opts.offset, 0, Number.MAX_SAFE_INTEGER);
      const store = await openExisting(createApp({ db: opts.db }));
      try {
        const page = await store.listDocuments({ limit, offset });
        if (opts.json) return ctx.out(JSON.stringify(page, null, 2));
        ctx.out(table(['id', 'name', 'published', 'publisher', 'title', 'counts', 'dates'], page.items.map((d) => [
          d.id, d.name, d.meta.published ?? '', d.meta.publisher ?? '', d.meta.title ?? '', String(d.counts), String(d.dates),
        ]), 50));
        ctx.out(`${page.items.length} of ${page.total} reports`);
      } finally {
        await store.close();
      }
    });
}
