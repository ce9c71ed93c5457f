/** `crosscheck worker` and `crosscheck jobs`: take ingest jobs from the PostgreSQL queue, and show where the queue stands. */
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { runWorker } from '../../pipeline/run/queue.js';
import { JobQueue, MAX_ATTEMPTS, requirePostgres } from '../../storage/postgres/queue.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

const DB_HELP = 'the PostgreSQL database (postgres://user@host/db; default: $CROSSCHECK_DB)';

/** Registers `worker` and `jobs`. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('take ingest jobs from the PostgreSQL queue (filled by `ingest --queue`): read, extract, store and reconcile each; run any number, on any machine')
    .option('--db <url>', DB_HELP)
    .option('--until-empty', 'stop when the queue is empty instead of waiting for more')
    .option('--max-text <chars>', 'skip reports whose text is longer (default 20M characters)')
    .option('--max-seconds <s>', 'give up on a file that takes longer to read and extract (default 120)')
    .option('--json', 'print one JSON line per job and a summary')
    .addHelpText('after', `\nA job that fails ${MAX_ATTEMPTS} times (or whose worker dies ${MAX_ATTEMPTS} times) is parked with its reason: see \`crosscheck jobs\`.\n\nExamples:\n  crosscheck ingest --db postgres://desk@db/archive --queue reports/\n  crosscheck worker --db postgres://desk@db/archive`)
    .action(async (opts: { db?: string; untilEmpty?: boolean; maxText?: string; maxSeconds?: string; json?: boolean }) => {
      const app = createApp({ db: opts.db, maxText: opts.maxText, maxSeconds: opts.maxSeconds });
      requirePostgres(app.config.dbPath);
      const store = await app.openStore();
      const queue = await JobQueue.open(app.config.dbPath, { logger: app.logger });
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const name = `${hostname()}:${process.pid}`;
      try {
        const done = await runWorker(store, queue, {
          name, untilEmpty: opts.untilEmpty === true, maxText: app.config.maxText, maxSeconds: app.config.maxSeconds, logger: app.logger, signal: stop.signal,
          onJob: (r) => { if (opts.json) ctx.out(JSON.stringify(r)); },
        });
        ctx.out(opts.json ? JSON.stringify({ worker: name, jobs: done }) : `worker ${name}: ${done} jobs`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await queue.close();
        await store.close();
      }
    });

  program
    .command('jobs')
    .description('the ingest queue: jobs queued, running, done and parked, with the reasons of parked and failed ones')
    .option('--db <url>', DB_HELP)
    .option('--json', 'print the result as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const app = createApp({ db: opts.db });
      requirePostgres(app.config.dbPath);
      const queue = await JobQueue.open(app.config.dbPath, { logger: app.logger });
      try {
        const s = await queue.summary();
        if (opts.json) {
          ctx.out(JSON.stringify(s));
          return;
        }
        const c = s.counts;
        ctx.out(`queued ${c.queued}, running ${c.running}, done ${c.done}, parked ${c.parked}`);
        for (const j of s.attention) {
          ctx.out(`${j.state === 'parked' ? 'parked' : 'failed'} #${j.id} ${oneLine(j.path)} (${j.attempts} ${j.attempts === 1 ? 'try' : 'tries'}): ${oneLine(j.lastError ?? '')}`);
        }
        if (c.parked > 0) ctx.failed = true;
      } finally {
        await queue.close();
      }
    });
}
