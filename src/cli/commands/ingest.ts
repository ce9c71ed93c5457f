/** `crosscheck ingest PATH...`: read, extract and store reports; a summary at the end. */
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { ingestPaths } from '../../pipeline/run/ingest.js';
import { ingestUrls, isAddress } from '../../pipeline/run/ingest-bytes.js';
import { reconcileReviewed } from '../../review/reconcile.js';
import { shownDatabase } from '../../storage/db-url.js';
import { progressBar, stepLine } from '../progress.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';
import { requireDbFolder } from '../options.js';
import { enqueueCommand } from './enqueue.js';

interface Options { db?: string; workers?: string; maxSize?: string; maxText?: string; maxSeconds?: string; json?: boolean; batch?: string; queue?: boolean; allowPrivate?: boolean }

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('read reports into the evidence store (text kept byte for byte with its sha256), extracting counts and dates')
    .argument('<paths...>', 'report files or folders (.txt .md .html .pdf; folders recursively), or http(s) addresses to fetch')
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--workers <n>', 'worker threads for reading and extracting (default: the number of cores)')
    .option('--max-size <size>', 'skip files larger than this (default 50MB)')
    .option('--max-text <chars>', 'skip reports whose text, decoded or extracted from PDF or HTML, is longer (default 20M characters)')
    .option('--max-seconds <s>', 'give up on a file that takes longer to read and extract (default 120; with --workers 0 only PDF pages are timed)')
    .option('--json', 'print the summary as JSON, with no progress bar')
    .option('--queue', 'put the files in the PostgreSQL job queue for `crosscheck worker` processes instead (needs --db postgres://…)')
    .option('--allow-private', 'let an address be on this machine or a private network (refused by default)')
    .addHelpText('after', '\nThe same bytes twice are skipped ("already ingested"); a changed file at the same path is\nstored as a new version and the old one kept. Exit code: 0 when at least one report was\ningested or all were already present, 1 when none could be.\n\nExamples:\n  crosscheck ingest reports/\n  crosscheck ingest --db khojaly.db a.html b.pdf notes.md\n  crosscheck ingest https://example.org/news/report.html')
    .action(async (paths: string[], opts: Options) => {
      const app = createApp({ db: opts.db, workers: opts.workers, maxSize: opts.maxSize, maxText: opts.maxText, maxSeconds: opts.maxSeconds });
      if (opts.queue) return enqueueCommand(app, paths, opts.json === true, ctx);
      requireDbFolder(app.config.dbPath);
      const store = await app.openStore();
      const bar = progressBar(!opts.json);
      try {
        const files = paths.filter((p) => !isAddress(p));
        const urls = paths.filter(isAddress);
        const s = await ingestPaths(store, files, { workers: app.config.workers, maxSize: app.config.maxSize, maxText: app.config.maxText, maxSeconds: app.config.maxSeconds, onProgress: bar.update });
        bar.stop();
        // Pages by address: fetched one at a time (20 s each at most), kept as reports like files.
        await ingestUrls(store, urls, s, { allowPrivate: opts.allowPrivate, maxSize: app.config.maxSize, maxText: app.config.maxText, maxSeconds: app.config.maxSeconds });
        // The record follows every ingest that changed what is stored.
        const started = performance.now();
        const onStep = stepLine(!opts.json);
        const record = s.ingested > 0 ? await reconcileReviewed(store, { logger: app.logger, ...(onStep ? { onStep } : {}) }) : null;
        const reconciled = record && { figures: record.figures, sourceGroups: record.sourceGroups, seconds: (performance.now() - started) / 1000 };
        if (opts.json) {
          ctx.out(JSON.stringify({ db: shownDatabase(app.config.dbPath), ...s, reconciled }, null, 2));
        } else {
          for (const r of s.results) if (r.status === 'failed' || r.status === 'skipped') ctx.warn(`${r.status}: ${oneLine(r.reason && r.reason.includes(r.path) ? r.reason : `${r.path}: ${r.reason}`)}`);
          ctx.out(`ingested ${s.ingested}, skipped ${s.skipped}, failed ${s.failed} (${(s.bytes / 1e6).toFixed(2)} MB in ${s.seconds.toFixed(1)} s) into ${oneLine(shownDatabase(app.config.dbPath))}`);
          if (reconciled) ctx.out(`reconciled: ${reconciled.figures} figures, ${reconciled.sourceGroups} independent sources (${reconciled.seconds.toFixed(1)} s); see \`crosscheck figures\``);
        }
        const present = s.results.some((r) => r.status === 'skipped' && /already/.test(r.reason ?? ''));
        if (s.ingested === 0 && !(present && s.failed === 0)) ctx.failed = true;
      } finally {
        bar.stop();
        await store.close();
      }
    });
}
