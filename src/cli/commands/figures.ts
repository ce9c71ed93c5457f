/** `crosscheck figures`: each figure's values with their attributions, independent sources and verdict. */
import type { Command } from 'commander';
import { recordCommand } from '../record.js';
import { table } from '../output.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';
import type { Figure } from '../../pipeline/3-reconcile/types.js';
import { AppError } from '../../domain/errors.js';
import { csvField } from '../../server/export/csv.js';

/** CSV field: the export's own (quoted where needed, formula-like text defused), numbers kept as numbers. */
const csv = (v: string): string => csvField(/^\d+$/.test(v) ? Number(v) : v);

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
  const pick = (figures: Figure[], o: { event?: string; all?: boolean }) => {
    const want = o.event?.toLowerCase();
    const ofEvent = (f: Figure) => !want || f.key.event === want || f.eventLabel.toLowerCase().includes(want);
    // An event that matches nothing is a mistake to name, with the events there are.
    if (want && !figures.some(ofEvent)) {
      const known = [...new Set(figures.map((f) => (f.key.event && f.key.event !== f.eventLabel.toLowerCase() ? `${f.eventLabel} (${f.key.event})` : f.eventLabel)))];
      throw new AppError('E_NOT_FOUND', `No event matches ${JSON.stringify(o.event)}; ${known.length ? `the events are: ${known.join(', ')}` : 'the record has no figures yet'}`);
    }
    return figures.filter((f) => (o.all || (f.key.measure !== 'other' && f.key.measure !== 'population')) && ofEvent(f));
  };
  recordCommand<{ event?: string; all?: boolean; csv?: boolean }>(program, ctx, {
    name: 'figures',
    description: 'the reconciled figures: every value, who states it, how many independent sources, and the verdict',
    options: [['--event <event>', 'only figures of this event (its key or label)'], ['--all', 'also population and other counts'], ['--csv', 'print CSV']],
    json: ({ record, opts }) => pick(record.figures, opts),
    print: ({ record, opts }) => {
      const figures = pick(record.figures, opts);
      if (opts.csv) return ctx.out(figuresCsv(figures));
      for (const f of figures) {
        const badge = f.verdict.status !== 'diverging' ? (f.verdict.status === 'unplaced' ? 'NOT COMPARED' : 'CONSISTENT') : `DIVERGING (${f.verdict.kind})`;
        // What the figure counts, qualifier and scope included ("orphaned · children · lost both parents"); older records have no label.
        const what = f.label ?? `${f.key.measure} / ${f.key.group}${f.key.unit === 'families' ? ' / families' : ''}`;
        ctx.out(`\n${oneLine(f.eventLabel)} — ${oneLine(what)}   [${badge}]`);
        ctx.out(`  ${oneLine(f.verdict.reason)}`);
        ctx.out(table(['value', 'reports', 'independent', 'attributed to'], f.values.map((v) => [
          v.label, String(v.reports.length), String(v.independent), [...v.attributions, ...(v.unattributed ? ['(report\'s own voice)'] : [])].join('; '),
        ]), 90).split('\n').map((l) => `  ${l}`).join('\n'));
      }
      if (!figures.length) ctx.out('no figures');
    },
  });
}
