/** `crosscheck reconcile`: bring the reconciled record up to date, or (`--full`) rebuild it from the stored rows. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { reconcileReviewed } from '../../review/reconcile.js';
import type { CliContext } from '../context.js';
import { requireDatabase } from '../database.js';
import { stepLine } from '../progress.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('reconcile')
    .description('update figures, sources, checks and the timeline for what changed (ingest and review do this already)')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--full', 'compare every report and assign every count again, from the stored rows (no text is re-extracted)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { db?: string; full?: boolean; json?: boolean }) => {
      const app = createApp({ db: opts.db });
      requireDatabase(app);
      const store = await app.openStore();
      try {
        const started = performance.now();
        const onStep = stepLine(!opts.json);
        const record = await reconcileReviewed(store, { full: opts.full === true, logger: app.logger, ...(onStep ? { onStep } : {}) });
        const result = { documents: record.documents, figures: record.figures, sourceGroups: record.sourceGroups, seconds: (performance.now() - started) / 1000 };
        ctx.out(opts.json ? JSON.stringify(result) : `reconciled ${result.documents} reports: ${result.figures} figures, ${result.sourceGroups} independent sources (${result.seconds.toFixed(1)} s)`);
      } finally {
        await store.close();
      }
    });
}
