/** `crosscheck show DOC`: one stored report, its metadata, counts and dates. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { AppError } from '../../domain/errors.js';
import { extractionTables } from '../output.js';
import { openExisting } from './docs.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show one stored report: metadata, sha256, counts and dates (DOC: id, id prefix, sha256, name or path)')
    .argument('<doc>', 'which report')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--text', 'also print the text')
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: { db?: string; json?: boolean; text?: boolean }) => {
      const store = await openExisting(createApp({ db: opts.db }));
      try {
        const id = await store.resolveId(ref);
        if (!id) throw new AppError('E_NOT_FOUND', `No stored report matches ${JSON.stringify(ref)}; see \`crosscheck docs\``);
        const doc = (await store.getDocument(id))!;
        const ex = (await store.getExtraction(id))!;
        if (opts.json) return ctx.out(JSON.stringify({ document: doc, ...ex }, null, 2));
        const m = doc.meta;
        ctx.out([
          `${oneLine(doc.name)}  (id ${doc.id}, version ${doc.version}${doc.superseded ? ', superseded' : ''})`,
          `sha256     ${doc.sha256}`,
          `path       ${oneLine(doc.path)}`,
          `title      ${oneLine(m.title ?? '')}`,
          `publisher  ${oneLine(m.publisher ?? '')}`,
          `author     ${oneLine(m.author ?? '')}`,
          `published  ${oneLine(m.published ?? '')}${m.inferred?.length ? `   (inferred: ${m.inferred.join(', ')})` : ''}`,
          `url        ${oneLine(m.url ?? '')}`,
          '',
          extractionTables(doc.name, ex.counts, ex.dates),
        ].join('\n'));
        if (opts.text) ctx.out(`\n${doc.text}`);
      } finally {
        await store.close();
      }
    });
}
