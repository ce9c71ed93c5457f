/**
 * The worker pool (pool.ts) for callers that come one report at a time and at any time: the
 * server's uploads and fetched pages. Reading and extracting a large report takes seconds of
 * CPU; on a worker, the server's event loop answers other requests meanwhile.
 *
 * The pool runs one list at a time, so tasks queue here: whatever has queued while a list ran
 * becomes the next list, and each caller gets its own outcome as soon as the pool hands it over.
 * The workers start with the first task, not before (a server that is only read never starts them).
 */
import { FilePool } from './pool.js';
import type { PoolOptions } from './pool.js';
import type { FileOutcome, FileTask } from './task.js';

interface Waiting {
  task: FileTask;
  resolve: (o: FileOutcome) => void;
  reject: (e: unknown) => void;
}

/** Most tasks in one list: a long queue is served in turns, not held to the end of one long list. */
const MAX_LIST = 64;

/** Reads and extracts single reports on `size` workers (0: in this thread), queueing them as they come. */
export class PoolQueue {
  private pool: FilePool | undefined;
  private readonly waiting: Waiting[] = [];
  /** The tasks of the list the pool is on. */
  private running: Waiting[] = [];
  private draining = false;
  private closed = false;

  constructor(private readonly size: number, private readonly opts: PoolOptions = {}) {}

  /** True once a task has started the workers (and until close). */
  get started(): boolean {
    return this.pool !== undefined;
  }

  /** Reads and extracts one report; a bad report is a failed outcome, as with `runFileTask`. */
  run(task: FileTask): Promise<FileOutcome> {
    if (this.closed) return Promise.reject(new Error('PoolQueue.run: the pool is closed'));
    return new Promise<FileOutcome>((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      void this.drain();
    });
  }

  /** Stops the workers; tasks not yet done fail (their callers are answered, not left waiting). */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error('PoolQueue: closed before the report was read');
    for (const w of [...this.running, ...this.waiting.splice(0)]) w.reject(stopped);
    this.running = [];
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length && !this.closed) {
        const list = this.nextList();
        this.running = list;
        this.pool ??= new FilePool(this.size, this.opts);
        const first = list[0]!.task;
        try {
          await this.pool.each(
            { paths: list.map((w) => w.task.path), given: list.map((w) => w.task.given), maxSize: first.maxSize, maxText: first.maxText, maxSeconds: first.maxSeconds },
            (i, o) => list[i]!.resolve(o),
          );
        } catch (e) {
          // Settled callers ignore this; the rest learn why.
          for (const w of list) w.reject(e);
        }
        this.running = [];
      }
    } finally {
      this.draining = false;
    }
  }

  /** The first waiting task and those after it with the same limits (a list has one set of limits). */
  private nextList(): Waiting[] {
    const first = this.waiting[0]!.task;
    const list: Waiting[] = [];
    for (let i = 0; i < this.waiting.length && list.length < MAX_LIST;) {
      const t = this.waiting[i]!.task;
      if (t.maxSize === first.maxSize && t.maxText === first.maxText && t.maxSeconds === first.maxSeconds) list.push(...this.waiting.splice(i, 1));
      else i++;
    }
    return list;
  }
}
