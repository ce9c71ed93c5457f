/** `crosscheck entities`: names with their other spellings and transliterations. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { openRecord } from '../record.js';
import type { CliContext } from '../context.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('entities')
    .description('people, organisations and places, each with a canonical name and its aliases')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { store, record } = await openRecord(createApp({ db: opts.db }));
      await store.close();
      if (opts.json) return ctx.out(JSON.stringify(record.entities, null, 2));
      const total = (e: (typeof record.entities)[number]) => e.names.reduce((a, n) => a + n.count, 0);
      for (const e of [...record.entities].sort((a, b) => total(b) - total(a))) {
        ctx.out(`${e.canonical} (${total(e)})${e.aliases.length ? `  also: ${e.aliases.join(', ')}` : ''}`);
      }
    });
}
