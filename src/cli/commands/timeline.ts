/** `crosscheck timeline`: one merged chronology of dated happenings across reports. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { docLabels, openRecord } from '../record.js';
import type { CliContext } from '../context.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('timeline')
    .description('the merged timeline: each dated happening with every report that states it (publication dates kept apart)')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { store, record } = await openRecord(createApp({ db: opts.db }));
      const label = await docLabels(store);
      await store.close();
      if (opts.json) return ctx.out(JSON.stringify({ entries: record.timeline, publications: record.publications }, null, 2));
      for (const e of record.timeline) {
        const when = e.start && e.end && e.start !== e.end ? `${e.value}  (${e.start} – ${e.end})` : e.value;
        ctx.out(`${when}\n    ${e.sentenceText.replace(/\s+/g, ' ').slice(0, 160)}\n    stated in: ${e.reports.map(label).join(', ')}`);
      }
      ctx.out(`\n${record.timeline.length} dated happenings; ${record.publications.length} publication dates kept apart`);
    });
}
