/** A pool of worker threads that read and extract files in parallel. */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { FileOutcome, FileTask } from './task.js';

interface Job { seq: number; task: FileTask }

/**
 * Files handed to a worker ahead of the one it is on. The main thread stops answering while it
 * writes a batch; with a queue of its own a worker keeps extracting meanwhile instead of idling.
 */
const DEFAULT_DEPTH = 64;

/** Runs file tasks on `size` workers (0: in this thread, for tests and tiny inputs). */
export class FilePool {
  /** Jobs sent to each worker, oldest first: a worker takes them one at a time, in order. */
  private readonly sent = new Map<Worker, Job[]>();
  private readonly waiting: Job[] = [];
  private readonly pending = new Map<number, (o: FileOutcome) => void>();
  private seq = 0;
  private closed = false;
  private inline: Promise<typeof import('./task.js')> | undefined;

  constructor(private readonly size: number, private readonly depth = DEFAULT_DEPTH) {
    for (let i = 0; i < size; i++) this.sent.set(this.spawn(), []);
  }

  /** Reads and extracts one file. */
  run(task: FileTask): Promise<FileOutcome> {
    // In this thread only when asked (tests, tiny inputs): the main thread then loads the extractor too.
    if (this.size === 0) return (this.inline ??= import('./task.js')).then((m) => m.runFileTask(task));
    const seq = this.seq++;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.waiting.push({ seq, task });
      this.pump();
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.sent.keys()].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    // The worker is this module's sibling; from source (tests, benchmarks) it registers the TypeScript loader first.
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(`./worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
    const w = fromSource
      ? new Worker(`import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`, { eval: true })
      : new Worker(fileURLToPath(url));
    w.on('message', (m: { seq: number; outcome: FileOutcome }) => this.done(w, m));
    w.on('error', (e) => this.crash(w, e));
    return w;
  }

  /** Hands waiting jobs to the least loaded workers, up to `depth` each. */
  private pump(): void {
    while (this.waiting.length) {
      let best: [Worker, Job[]] | undefined;
      for (const entry of this.sent) if (entry[1].length < this.depth && (!best || entry[1].length < best[1].length)) best = entry;
      if (!best) return;
      const job = this.waiting.shift()!;
      best[1].push(job);
      best[0].postMessage(job);
    }
  }

  private done(w: Worker, m: { seq: number; outcome: FileOutcome }): void {
    const jobs = this.sent.get(w);
    const at = jobs?.findIndex((j) => j.seq === m.seq) ?? -1;
    if (at >= 0) jobs!.splice(at, 1);
    const resolve = this.pending.get(m.seq);
    this.pending.delete(m.seq);
    resolve?.(m.outcome);
    this.pump();
  }

  private crash(w: Worker, e: unknown): void {
    // A worker that dies fails only the file it was on (its oldest: it takes them in order);
    // the files queued behind it go to a fresh worker.
    const [job, ...queued] = this.sent.get(w) ?? [];
    this.sent.delete(w);
    if (job) {
      const resolve = this.pending.get(job.seq);
      this.pending.delete(job.seq);
      resolve?.({ ok: false, path: job.task.path, code: 'E_INTERNAL', message: `${job.task.path}: the worker reading it failed (${e instanceof Error ? e.message : String(e)})` });
    }
    this.waiting.unshift(...queued);
    if (!this.closed) {
      this.sent.set(this.spawn(), []);
      this.pump();
    }
  }
}
