/** A pool of worker threads that read and extract files in parallel, in order of submission. */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { FileOutcome, FileTask } from './task.js';
import { runFileTask } from './task.js';

/** Runs file tasks on `size` workers (0: in this thread, for tests and tiny inputs). */
export class FilePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: { seq: number; task: FileTask }[] = [];
  private readonly pending = new Map<number, (o: FileOutcome) => void>();
  private seq = 0;

  constructor(private readonly size: number) {
    // The worker is this module's sibling, compiled (.js) or run from source (.ts) alike.
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const url = new URL(`./worker${ext}`, import.meta.url);
    for (let i = 0; i < size; i++) {
      const w = new Worker(fileURLToPath(url), { execArgv: process.execArgv });
      w.on('message', (m: { seq: number; outcome: FileOutcome }) => this.done(w, m));
      w.on('error', (e) => this.crash(e));
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Reads and extracts one file. */
  run(task: FileTask): Promise<FileOutcome> {
    if (this.size === 0) return runFileTask(task);
    const seq = this.seq++;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.waiting.push({ seq, task });
      this.pump();
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.waiting.length) this.idle.pop()!.postMessage(this.waiting.shift()!);
  }

  private done(w: Worker, m: { seq: number; outcome: FileOutcome }): void {
    const resolve = this.pending.get(m.seq);
    this.pending.delete(m.seq);
    this.idle.push(w);
    resolve?.(m.outcome);
    this.pump();
  }

  private crash(e: unknown): void {
    // A worker that dies takes its task with it: fail every pending task rather than hang.
    for (const [seq, resolve] of this.pending) {
      resolve({ ok: false, path: `task ${seq}`, code: 'E_INTERNAL', message: `a worker failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    this.pending.clear();
  }
}
