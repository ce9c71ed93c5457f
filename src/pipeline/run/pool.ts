/**
 * A pool of worker threads that read and extract a list of files (or of reports given as bytes:
 * uploads, fetched pages) in parallel and hand the outcomes back in list order.
 *
 * Workers take files themselves, from a counter shared with the main thread, instead of being
 * handed one file per message: the main thread stops answering while it writes a batch, and a
 * worker waiting on it would idle. What bounds a worker instead is a window shared by all of
 * them: files read but not yet taken by the caller, in number and in bytes. A worker that
 * finds the window full waits (Atomics.wait, off the main thread) until the caller takes some.
 * The worker's side of this is serve.ts.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { FileList, FileOutcome, GivenBytes } from './task.js';

/** Slots of the shared Int32Array. */
export const Shared = {
  /** The next index of the list to take. */
  Next: 0,
  /** Outcomes posted and not yet taken by the caller. */
  Files: 1,
  /** Their size, in KiB. */
  KiB: 2,
  /** Bumped (and notified) whenever the caller takes outcomes. */
  Taken: 3,
  /** Per worker slot from here: the index it is on, or -1. */
  Current: 4,
} as const;

/** What a worker is sent: the list, the limits, and where to keep its place. */
export interface ListMessage extends FileList {
  shared: SharedArrayBuffer;
  slot: number;
  maxFiles: number;
  maxKiB: number;
}

/** What a worker posts: one outcome, and its size in KiB as counted in the window. */
export interface OutcomeMessage {
  index: number;
  outcome: FileOutcome;
  kib: number;
}

/** The window's limits (how far workers may run ahead of the caller), and the worker to run. */
export interface PoolOptions {
  /** Outcomes read but not yet taken, per worker (default 256). */
  filesPerWorker?: number;
  /** Their size in bytes, for all workers together (default 64 MiB; one larger file still passes). */
  bytes?: number;
  /** The worker module (default: worker.js beside this file; tests give their own). */
  worker?: URL;
  /** Each worker's old-generation heap, in MB (default 1024; see DEFAULT_HEAP_MB). */
  heapMb?: number;
}

/**
 * A worker's heap limit. Unset, V8 derives it from the machine's memory (4 GB here) and lets a
 * busy worker's heap grow to ~150 MB before collecting: two workers over 100,000 reports then
 * peaked at 574–598 MB. With 1 GB the same run peaked at 446 MB. A file that needs more (a
 * report of tens of megabytes) is read again in the main thread, whose heap is unbounded as before.
 */
const DEFAULT_HEAP_MB = 1024;

interface Run {
  list: FileList;
  shared: SharedArrayBuffer;
  state: Int32Array;
  /** 0: not back yet, 1: back (delivered or waiting to be). */
  back: Uint8Array;
  /** Outcomes back but not yet handed over, with their KiB in the window (-1: never counted in it). */
  ready: Map<number, { outcome: FileOutcome; kib: number }>;
  next: number;
  delivering: boolean;
  onOutcome: (index: number, outcome: FileOutcome) => void | Promise<void>;
  finish: (error?: unknown) => void;
  /** Per slot: the index it was last seen on, and since when (performance.now()). */
  seen: Array<{ index: number; since: number }>;
  watchdog?: ReturnType<typeof setInterval>;
}

/**
 * Bytes given in memory, moved into shared memory: every worker is sent the whole list, and
 * shared bytes are not copied into each of them.
 */
function inSharedMemory(given: GivenBytes | undefined): GivenBytes | undefined {
  if (!given || given.bytes.buffer instanceof SharedArrayBuffer) return given;
  const bytes = new Uint8Array(new SharedArrayBuffer(given.bytes.byteLength));
  bytes.set(given.bytes);
  return { ...given, bytes };
}

/** Runs file tasks on `size` workers (0: in this thread, for tests and tiny inputs). */
export class FilePool {
  /** Each worker and its slot in the shared state. */
  private readonly workers = new Map<Worker, number>();
  private readonly maxFilesPerWorker: number;
  private readonly maxKiB: number;
  private run: Run | undefined;
  private closed = false;

  private readonly workerUrl: URL;
  private readonly heapMb: number;
  /** Workers that ran out of memory: the file they were on is read again in this thread. */
  private readonly outOfMemory = new WeakSet<Worker>();
  /** Workers stopped for taking longer than `maxSeconds` on one file. */
  private readonly overTime = new WeakSet<Worker>();

  constructor(private readonly size: number, opts: PoolOptions = {}) {
    this.maxFilesPerWorker = Math.max(1, opts.filesPerWorker ?? 256);
    this.maxKiB = Math.max(1, Math.ceil((opts.bytes ?? 64 << 20) / 1024));
    // The worker is this module's sibling; from source (tests, benchmarks) its .ts.
    this.workerUrl = opts.worker ?? new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
    this.heapMb = opts.heapMb ?? DEFAULT_HEAP_MB;
    // Workers start (and load the extractor) at once, while the caller lists the files.
    for (let slot = 0; slot < size; slot++) this.workers.set(this.spawn(), slot);
  }

  /**
   * Reads and extracts every file of `paths`, calling `onOutcome` once per file, in list order,
   * one call at a time (a returned promise is awaited before the next call).
   */
  each(list: FileList, onOutcome: (index: number, outcome: FileOutcome) => void | Promise<void>): Promise<void> {
    if (this.run) return Promise.reject(new Error('FilePool.each: a list is already running'));
    if (this.size === 0) return this.inline(list, onOutcome);
    if (!list.paths.length) return Promise.resolve();
    if (list.given) list = { ...list, given: list.given.map(inSharedMemory) };
    return new Promise<void>((resolve, reject) => {
      const shared = new SharedArrayBuffer(4 * (Shared.Current + this.size));
      const state = new Int32Array(shared);
      state.fill(-1, Shared.Current);
      this.run = {
        list, shared, state, back: new Uint8Array(list.paths.length), ready: new Map(), next: 0, delivering: false, onOutcome,
        seen: Array.from({ length: this.size }, () => ({ index: -1, since: 0 })),
        finish: (error) => {
          if (this.run?.watchdog) clearInterval(this.run.watchdog);
          this.run = undefined;
          if (error === undefined) resolve();
          else reject(error);
        },
      };
      if (list.maxSeconds) this.run.watchdog = setInterval(() => this.watch(list.maxSeconds!), Math.min(1000, list.maxSeconds * 250));
      for (const [w, slot] of this.workers) this.send(w, slot);
    });
  }

  /**
   * The per-file time budget: a worker still on the same file after `maxSeconds` is stopped, and
   * the file fails with that reason (a parser caught in a pathological input cannot be asked to
   * stop, only stopped). A fresh worker takes the slot, as after a crash.
   */
  private watch(maxSeconds: number): void {
    const r = this.run;
    if (!r) return;
    const now = performance.now();
    for (const [w, slot] of this.workers) {
      const index = Atomics.load(r.state, Shared.Current + slot);
      const seen = r.seen[slot]!;
      if (index !== seen.index) {
        seen.index = index;
        seen.since = now;
      } else if (index >= 0 && now - seen.since > maxSeconds * 1000 && !this.overTime.has(w)) {
        this.overTime.add(w);
        void w.terminate();
      }
    }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers.keys()].map((w) => w.terminate()));
  }

  private async inline(list: FileList, onOutcome: (index: number, outcome: FileOutcome) => void | Promise<void>): Promise<void> {
    // The main thread then loads the extractor too.
    const { runFileTask, taskAt } = await import('./task.js');
    for (let i = 0; i < list.paths.length; i++) await onOutcome(i, await runFileTask(taskAt(list, i)));
  }

  private send(w: Worker, slot: number): void {
    const r = this.run!;
    const { paths, sidecars, given, maxSize, maxText, maxSeconds } = r.list;
    const msg: ListMessage = { paths, sidecars, given, maxSize, maxText, maxSeconds, shared: r.shared, slot, maxFiles: this.maxFilesPerWorker * this.size, maxKiB: this.maxKiB };
    w.postMessage(msg);
  }

  private spawn(): Worker {
    // From source (tests, benchmarks) the worker registers the TypeScript loader first.
    const url = this.workerUrl;
    const resourceLimits = { maxOldGenerationSizeMb: this.heapMb };
    const w = url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`, { eval: true, resourceLimits })
      : new Worker(fileURLToPath(url), { resourceLimits });
    w.on('message', (m: OutcomeMessage) => this.arrive(m));
    // 'exit' comes after the messages the worker posted, so a file it finished is never also
    // failed; 'error' alone would race them.
    w.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') this.outOfMemory.add(w);
    });
    w.on('exit', (code) => this.exited(w, code));
    return w;
  }

  private arrive(m: OutcomeMessage): void {
    const r = this.run;
    if (!r || r.back[m.index]) return;
    r.back[m.index] = 1;
    r.ready.set(m.index, { outcome: m.outcome, kib: m.kib });
    void this.deliver(r);
  }

  /** Hands the caller every outcome that is next in list order; frees room in the window as it goes. */
  private async deliver(r: Run): Promise<void> {
    if (r.delivering) return;
    r.delivering = true;
    try {
      while (r.ready.has(r.next)) {
        const i = r.next++;
        const { outcome, kib } = r.ready.get(i)!;
        r.ready.delete(i);
        if (kib >= 0) {
          Atomics.sub(r.state, Shared.Files, 1);
          Atomics.sub(r.state, Shared.KiB, kib);
          Atomics.add(r.state, Shared.Taken, 1);
          Atomics.notify(r.state, Shared.Taken);
        }
        const pending = r.onOutcome(i, outcome);
        if (pending) await pending;
      }
    } catch (e) {
      r.delivering = false;
      r.finish(e);
      return;
    }
    r.delivering = false;
    if (r.next === r.list.paths.length && this.run === r) r.finish();
  }

  private exited(w: Worker, code: number): void {
    const slot = this.workers.get(w);
    this.workers.delete(w);
    if (this.closed || slot === undefined) return;
    const r = this.run;
    // A worker that dies fails only the file it was on; the others go on, and a fresh worker
    // takes its slot.
    if (r) {
      const i = Atomics.exchange(r.state, Shared.Current + slot, -1);
      if (i >= 0 && !r.back[i]) {
        r.back[i] = 1;
        const path = r.list.paths[i]!;
        const failed: FileOutcome = this.overTime.has(w)
          ? { ok: false, path, code: 'E_TOO_LARGE', message: `${path}: reading and extracting it took longer than ${r.list.maxSeconds} s (--max-seconds)` }
          : { ok: false, path, code: 'E_INTERNAL', message: `${path}: the worker reading it stopped (exit code ${code})` };
        // An outcome never counted in the window: there is nothing to give back for it.
        const settle = (outcome: FileOutcome) => {
          if (this.run !== r) return;
          r.ready.set(i, { outcome, kib: -1 });
          void this.deliver(r);
        };
        if (this.outOfMemory.has(w)) {
          // Too big for a worker's heap: read it here, with this thread's.
          import('./task.js')
            .then((m) => m.runFileTask(m.taskAt(r.list, i)))
            .then(settle, () => settle(failed));
        } else {
          settle(failed);
        }
      }
    }
    const fresh = this.spawn();
    this.workers.set(fresh, slot);
    // Settling the failed file may have been the run's last outcome, ending it.
    if (r && this.run === r) this.send(fresh, slot);
  }
}
