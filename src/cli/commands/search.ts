/** `crosscheck search QUERY`: full-text search over the stored reports, best first. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { snippetParts } from '../../storage/snippet.js';
import { openExisting } from './docs.js';
import { wholeNumber } from '../options.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

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
      const limit = wholeNumber('--limit', opts.limit, 1, 1000);
      const store = await openExisting(createApp({ db: opts.db }));
      try {
        const r = await store.search(words.join(' '), { limit });
        if (opts.json) return ctx.out(JSON.stringify(r, null, 2));
        const mark = process.stdout.isTTY ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']'];
        for (const h of r.items) {
          ctx.out(`${h.documentId}  ${oneLine(h.name)}${h.title ? `  — ${oneLine(h.title)}` : ''}  (score ${h.score.toFixed(2)})`);
          // Each piece escaped first, then the matches marked: the marks are the only codes sent.
          const parts = snippetParts(h.snippet).map((p) => (p.match ? `${mark[0]}${oneLine(p.text.replace(/\s+/g, ' '))}${mark[1]}` : oneLine(p.text.replace(/\s+/g, ' '))));
          ctx.outStyled(`    ${parts.join('')}`);
        }
        ctx.out(`${r.items.length} hit${r.items.length === 1 ? '' : 's'}${r.capped ? ' (ranked among the most recent matches: the query is very common)' : ''}`);
      } finally {
        await store.close();
      }
    });
}
