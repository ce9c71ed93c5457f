/** `crosscheck sources`: source groups and the passages reports share. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { docLabels, openRecord } from '../record.js';
import type { CliContext } from '../context.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('sources')
    .description('which reports copy each other: source groups, shared passages, and pairs to review')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { store, record } = await openRecord(createApp({ db: opts.db }));
      const label = await docLabels(store);
      const texts = new Map<string, string>();
      for (const p of record.sources.pairs) for (const id of [p.a, p.b]) if (!texts.has(id)) texts.set(id, (await store.getDocument(id))?.text ?? '');
      await store.close();
      if (opts.json) return ctx.out(JSON.stringify(record.sources, null, 2));
      const groups = record.sources.groups.filter((g) => g.length > 1);
      ctx.out(`${record.sources.groups.length} independent sources among ${record.documents} reports${groups.length ? '; groups of copies:' : ''}`);
      for (const g of groups) ctx.out(`  - ${g.map(label).join(', ')}`);
      const possible = new Set(record.sources.possible.map((p) => `${p.a}|${p.b}`));
      for (const p of record.sources.pairs) {
        const tag = possible.has(`${p.a}|${p.b}`) ? 'possibly the same source (review)' : 'shared passages';
        ctx.out(`\n${label(p.a)} ~ ${label(p.b)}: ${tag}; ${(p.containmentA * 100).toFixed(0)}% / ${(p.containmentB * 100).toFixed(0)}% of their text`);
        for (const s of p.passages.slice(0, 5)) {
          const t = texts.get(s.a.doc)!.slice(s.a.span.start, s.a.span.end).replace(/\s+/g, ' ');
          ctx.out(`    ${s.words} words: "${t.length > 140 ? `${t.slice(0, 140)}…` : t}"`);
        }
      }
    });
}
