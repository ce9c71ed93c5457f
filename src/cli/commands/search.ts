/** `crosscheck search QUERY`: full-text search over the stored reports, best first. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../storage/snippet.js';
import { openExisting } from './docs.js';
import type { CliContext } from '../context.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('full-text search (words, "exact phrases", prefix*, AND/OR/NOT), ranked by bm25')
    .argument('<query...>', 'what to look for')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--limit <n>', 'how many hits', '20')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  crosscheck search Khojaly\n  crosscheck search \'"official data"\'\n  crosscheck search \'massacr* AND 613\'')
    .action(async (words: string[], opts: { db?: string; limit: string; json?: boolean }) => {
      const store = await openExisting(createApp({ db: opts.db }));
      try {
        const r = await store.search(words.join(' '), { limit: Number(opts.limit) });
        if (opts.json) return ctx.out(JSON.stringify(r, null, 2));
        const mark = process.stdout.isTTY ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']'];
        for (const h of r.items) {
          // Document text is untrusted: control characters are dropped before printing.
          const clean = h.snippet.replace(/[\u0000-\u0001\u0004-\u0008\u000b-\u001f\u007f]/g, '').replace(/\s+/g, ' ');
          ctx.out(`${h.documentId}  ${h.name}${h.title ? `  — ${h.title.replace(/[\u0000-\u001f]/g, '')}` : ''}  (score ${h.score.toFixed(2)})`);
          ctx.out(`    ${clean.split(SNIPPET_OPEN).join(mark[0]).split(SNIPPET_CLOSE).join(mark[1])}`);
        }
        ctx.out(`${r.items.length} hit${r.items.length === 1 ? '' : 's'}${r.capped ? ' (ranked among the most recent matches: the query is very common)' : ''}`);
      } finally {
        await store.close();
      }
    });
}
