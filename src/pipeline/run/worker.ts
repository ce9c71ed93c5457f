/**
 * A worker thread of the ingest pool: takes the next file of the shared list, reads and extracts
 * it, posts the outcome; waits while the window of outcomes not yet taken is full (see pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runFileTask, taskAt } from './task.js';
import { Shared } from './pool.js';
import type { ListMessage, OutcomeMessage } from './pool.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;

/** Waits until the window has room: fewer outcomes (and KiB) out than its limits. */
function waitForRoom(state: Int32Array, maxFiles: number, maxKiB: number): void {
  for (;;) {
    const taken = Atomics.load(state, Shared.Taken);
    if (Atomics.load(state, Shared.Files) < maxFiles && Atomics.load(state, Shared.KiB) < maxKiB) return;
    // Woken when the main thread takes outcomes; the timeout only guards against a lost wake.
    Atomics.wait(state, Shared.Taken, taken, 1000);
  }
}

async function work(m: ListMessage): Promise<void> {
  const state = new Int32Array(m.shared);
  const current = Shared.Current + m.slot;
  for (;;) {
    waitForRoom(state, m.maxFiles, m.maxKiB);
    const index = Atomics.add(state, Shared.Next, 1);
    if (index >= m.paths.length) return;
    // Kept where the main thread can read it, should this thread die on the file.
    Atomics.store(state, current, index);
    const outcome = await runFileTask(taskAt(m, index), undefined, { sync: true });
    const kib = outcome.ok ? Math.ceil((outcome.original.byteLength + 2 * outcome.doc.text.length) / 1024) : 0;
    Atomics.add(state, Shared.Files, 1);
    Atomics.add(state, Shared.KiB, kib);
    // The original bytes move to the main thread instead of being copied.
    const transfer = outcome.ok ? [outcome.original.buffer as ArrayBuffer] : [];
    port.postMessage({ index, outcome, kib } satisfies OutcomeMessage, transfer);
    Atomics.store(state, current, -1);
  }
}

// One list at a time: the pool sends the next only after this one is done.
let running = Promise.resolve();
port.on('message', (m: ListMessage) => {
  running = running.then(() => work(m));
});
