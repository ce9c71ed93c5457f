/** `crosscheck checks`: breakdowns that do not fit their totals, and contradictions within a report. */
import type { Command } from 'commander';
import { recordCommand } from '../record.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  recordCommand(program, ctx, {
    name: 'checks',
    description: 'consistency checks: subgroups against totals, joint figures against their parts, contradictions',
    json: ({ record }) => record.checks,
    print: ({ record, label }) => {
      for (const c of record.checks) {
        ctx.out(`${c.status === 'problem' ? 'PROBLEM' : 'agrees '}  ${c.kind}: ${oneLine(c.reason)}`);
        for (const r of c.counts) ctx.out(`          ${label(r.doc)} @${r.count.span.start}-${r.count.span.end}: "${oneLine(r.count.quote)}"`);
      }
      ctx.out(`${record.checks.filter((c) => c.status === 'problem').length} problems, ${record.checks.filter((c) => c.status === 'agrees').length} agreements`);
    },
  });
}
