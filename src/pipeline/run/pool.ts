/** A pool of worker threads that read and extract files in parallel. */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { FileOutcome, FileTask } from './task.js';

interface Job { seq: number; task: FileTask }

/** Runs file tasks on `size` workers (0: in this thread, for tests and tiny inputs). */
export class FilePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly waiting: Job[] = [];
  private readonly pending = new Map<number, (o: FileOutcome) => void>();
  private seq = 0;
  private closed = false;
  private inline: Promise<typeof import('./task.js')> | undefined;

  constructor(private readonly size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
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
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
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

  private pump(): void {
    while (this.idle.length && this.waiting.length) {
      const w = this.idle.pop()!;
      const job = this.waiting.shift()!;
      this.busy.set(w, job);
      w.postMessage(job);
    }
  }

  private done(w: Worker, m: { seq: number; outcome: FileOutcome }): void {
    this.busy.delete(w);
    const resolve = this.pending.get(m.seq);
    this.pending.delete(m.seq);
    this.idle.push(w);
    resolve?.(m.outcome);
    this.pump();
  }

  private crash(w: Worker, e: unknown): void {
    // A worker that dies fails only the file it was on; a fresh worker takes its place.
    const job = this.busy.get(w);
    this.busy.delete(w);
    if (job) {
      const resolve = this.pending.get(job.seq);
      this.pending.delete(job.seq);
      resolve?.({ ok: false, path: job.task.path, code: 'E_INTERNAL', message: `${job.task.path}: the worker reading it failed (${e instanceof Error ? e.message : String(e)})` });
    }
    if (!this.closed) {
      this.idle.push(this.spawn());
      this.pump();
    }
  }
}
