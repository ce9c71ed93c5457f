/** `crosscheck checks`: breakdowns that do not fit their totals, and contradictions within a report. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { docLabels, openRecord } from '../record.js';
import type { CliContext } from '../context.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('checks')
    .description('consistency checks: subgroups against totals, joint figures against their parts, contradictions')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { store, record } = await openRecord(createApp({ db: opts.db }));
      const label = await docLabels(store);
      await store.close();
      if (opts.json) return ctx.out(JSON.stringify(record.checks, null, 2));
      for (const c of record.checks) {
        ctx.out(`${c.status === 'problem' ? 'PROBLEM' : 'agrees '}  ${c.kind}: ${c.reason}`);
        for (const r of c.counts) ctx.out(`          ${label(r.doc)} @${r.count.span.start}-${r.count.span.end}: "${r.count.quote}"`);
      }
      ctx.out(`${record.checks.filter((c) => c.status === 'problem').length} problems, ${record.checks.filter((c) => c.status === 'agrees').length} agreements`);
    });
}
