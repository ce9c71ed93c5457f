/** `crosscheck reextract`: rerun extraction over every stored text after an extractor upgrade. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { reextractAll } from '../../pipeline/run/reextract.js';
import { reconcileReviewed } from '../../review/reconcile.js';
import type { CliContext } from '../context.js';
import { requireDatabase } from '../database.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('reextract')
    .description('rerun extraction over the stored texts (the texts and originals are never changed)')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const app = createApp({ db: opts.db });
      requireDatabase(app);
      const store = await app.openStore();
      try {
        const n = await reextractAll(store);
        if (n) await reconcileReviewed(store, { full: true });
        ctx.out(opts.json ? JSON.stringify({ reextracted: n }) : `re-extracted ${n} reports`);
      } finally {
        await store.close();
      }
    });
}
