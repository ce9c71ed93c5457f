/** `crosscheck sources`: source groups and the passages reports share. */
import type { Command } from 'commander';
import { recordCommand } from '../record.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  recordCommand(program, ctx, {
    name: 'sources',
    description: 'which reports copy each other: source groups, shared passages, and pairs to review',
    json: ({ record }) => record.sources,
    print: async ({ record, store, label }) => {
      const groups = record.sources.groups.filter((g) => g.length > 1);
      ctx.out(`${record.sources.groups.length} independent sources among ${record.documents} reports${groups.length ? '; groups of copies:' : ''}`);
      for (const g of groups) ctx.out(`  - ${g.map(label).join(', ')}`);
      const possible = new Set(record.sources.possible.map((p) => `${p.a}|${p.b}`));
      for (const p of record.sources.pairs) {
        const text = (await store.getDocument(p.a))?.text ?? '';
        const tag = possible.has(`${p.a}|${p.b}`) ? 'possibly the same source (review)' : 'shared passages';
        ctx.out(`\n${label(p.a)} ~ ${label(p.b)}: ${tag}; ${(p.containmentA * 100).toFixed(0)}% / ${(p.containmentB * 100).toFixed(0)}% of their text`);
        for (const s of p.passages.slice(0, 5)) {
          const t = text.slice(s.a.span.start, s.a.span.end).replace(/\s+/g, ' ');
          ctx.out(`    ${s.words} words: "${oneLine(t.length > 140 ? `${t.slice(0, 140)}…` : t)}"`);
        }
      }
    },
  });
}
