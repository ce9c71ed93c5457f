/** `crosscheck ingest --queue`: the files go into the PostgreSQL job queue for workers, not through this process. */
import type { App } from '../../app.js';
import { enqueuePaths } from '../../pipeline/run/queue.js';
import { JobQueue, requirePostgres } from '../../storage/postgres/queue.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

/** Enqueues the report files under `paths`, printing what was queued. */
export async function enqueueCommand(app: App, paths: string[], json: boolean, ctx: CliContext): Promise<void> {
  requirePostgres(app.config.dbPath);
  const queue = await JobQueue.open(app.config.dbPath, { logger: app.logger });
  try {
    const s = await enqueuePaths(queue, paths, { maxSize: app.config.maxSize, logger: app.logger });
    if (json) ctx.out(JSON.stringify(s));
    else {
      for (const f of s.failed) ctx.warn(`failed: ${oneLine(f.reason.includes(f.path) ? f.reason : `${f.path}: ${f.reason}`)}`);
      ctx.out(`queued ${s.queued}, already queued ${s.already}, failed ${s.failed.length}; run \`crosscheck worker\` to ingest them`);
    }
    if (s.queued === 0 && s.already === 0) ctx.failed = true;
  } finally {
    await queue.close();
  }
}
