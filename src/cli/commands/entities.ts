/** `crosscheck entities`: names with their other spellings and transliterations. */
import type { Command } from 'commander';
import { recordCommand } from '../record.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  recordCommand(program, ctx, {
    name: 'entities',
    description: 'people, organisations and places, each with a canonical name and its aliases',
    json: ({ record }) => record.entities,
    print: ({ record }) => {
      const total = (e: (typeof record.entities)[number]) => e.names.reduce((a, n) => a + n.count, 0);
      for (const e of [...record.entities].sort((a, b) => total(b) - total(a))) {
        const kind = record.entityMentions?.[e.canonical]?.kind;
        ctx.out(`${oneLine(e.canonical)}${kind ? ` [${kind}]` : ''} (${total(e)})${e.aliases.length ? `  also: ${oneLine(e.aliases.join(', '))}` : ''}`);
      }
    },
  });
}
