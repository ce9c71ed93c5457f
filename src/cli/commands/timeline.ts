/** `crosscheck timeline`: one merged chronology of dated happenings across reports. */
import type { Command } from 'commander';
import { recordCommand } from '../record.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  recordCommand(program, ctx, {
    name: 'timeline',
    description: 'the merged timeline: each dated happening with every report that states it (publication dates kept apart)',
    json: ({ record }) => ({ entries: record.timeline, publications: record.publications }),
    print: ({ record, label }) => {
      for (const e of record.timeline) {
        const when = oneLine(e.start && e.end && e.start !== e.end ? `${e.value}  (${e.start} – ${e.end})` : e.value);
        ctx.out(`${when}\n    ${oneLine(e.sentenceText.replace(/\s+/g, ' ').slice(0, 160))}\n    stated in: ${e.reports.map(label).join(', ')}`);
      }
      ctx.out(`\n${record.timeline.length} dated happenings; ${record.publications.length} publication dates kept apart`);
    },
  });
}
