/** `crosscheck figures`: each figure's values with their attributions, independent sources and verdict. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { openRecord } from '../record.js';
import { table } from '../output.js';
import type { CliContext } from '../context.js';
import type { Figure } from '../../pipeline/3-reconcile/types.js';

/** CSV field, quoted where needed (RFC 4180). */
function csv(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV row per value of each figure. */
export function figuresCsv(figures: Figure[]): string {
  const rows = [['event', 'measure', 'group', 'unit', 'value', 'min', 'max', 'reports', 'independent', 'attributions', 'verdict', 'reason']];
  for (const f of figures) for (const v of f.values) {
    rows.push([f.eventLabel, f.key.measure, f.key.group, f.key.unit, v.label, v.min === null ? '' : String(v.min), v.max === null ? '' : String(v.max),
      String(v.reports.length), String(v.independent), v.attributions.join('; '), f.verdict.status + ('kind' in f.verdict ? `: ${f.verdict.kind}` : ''), f.verdict.reason]);
  }
  return rows.map((r) => r.map(csv).join(',')).join('\n');
}

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('figures')
    .description('the reconciled figures: every value, who states it, how many independent sources, and the verdict')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--event <event>', 'only figures of this event (its key or label)')
    .option('--all', 'also population and other counts')
    .option('--csv', 'print CSV')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; event?: string; all?: boolean; csv?: boolean; json?: boolean }) => {
      const { store, record } = await openRecord(createApp({ db: opts.db }));
      await store.close();
      const want = opts.event?.toLowerCase();
      const figures = record.figures.filter((f) => (opts.all || (f.key.measure !== 'other' && f.key.measure !== 'population'))
        && (!want || f.key.event === want || f.eventLabel.toLowerCase().includes(want)));
      if (opts.json) return ctx.out(JSON.stringify(figures, null, 2));
      if (opts.csv) return ctx.out(figuresCsv(figures));
      for (const f of figures) {
        const badge = f.verdict.status === 'consistent' ? 'CONSISTENT' : `DIVERGING (${f.verdict.kind})`;
        ctx.out(`\n${f.eventLabel} — ${f.key.measure} / ${f.key.group}${f.key.unit === 'families' ? ' / families' : ''}   [${badge}]`);
        ctx.out(`  ${f.verdict.reason}`);
        ctx.out(table(['value', 'reports', 'independent', 'attributed to'], f.values.map((v) => [
          v.label, String(v.reports.length), String(v.independent), [...v.attributions, ...(v.unattributed ? ['(report\'s own voice)'] : [])].join('; '),
        ]), 90).split('\n').map((l) => `  ${l}`).join('\n'));
      }
      if (!figures.length) ctx.out('no figures');
    });
}
