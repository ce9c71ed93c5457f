/**
 * The loop a pool worker runs over a list (see pool.ts): take the next index from the shared
 * counter, run the task, post the outcome; wait while the window of outcomes not yet taken is
 * full. The real worker (worker.ts) and the tests' stand-in share it, so that the tests
 * exercise the protocol itself.
 */
import type { MessagePort } from 'node:worker_threads';
import { Shared } from './pool.js';
import type { ListMessage, OutcomeMessage } from './pool.js';
import type { FileOutcome } from './task.js';

/** Waits until the window has room: fewer outcomes (and KiB) out than its limits. */
function waitForRoom(state: Int32Array, maxFiles: number, maxKiB: number): void {
  for (;;) {
    const taken = Atomics.load(state, Shared.Taken);
    if (Atomics.load(state, Shared.Files) < maxFiles && Atomics.load(state, Shared.KiB) < maxKiB) return;
    // Woken when the main thread takes outcomes; the timeout only guards against a lost wake.
    Atomics.wait(state, Shared.Taken, taken, 1000);
  }
}

/** Serves one list: runs `task` on every index this worker takes and posts each outcome. */
export async function serveList(m: ListMessage, port: MessagePort, task: (index: number) => Promise<FileOutcome>): Promise<void> {
  const state = new Int32Array(m.shared);
  const current = Shared.Current + m.slot;
  for (;;) {
    waitForRoom(state, m.maxFiles, m.maxKiB);
    const index = Atomics.add(state, Shared.Next, 1);
    if (index >= m.paths.length) return;
    // Kept where the main thread can read it, should this thread die on the file.
    Atomics.store(state, current, index);
    const outcome = await task(index);
    const kib = outcome.ok ? Math.ceil((outcome.original.byteLength + 2 * outcome.doc.text.length) / 1024) : 0;
    Atomics.add(state, Shared.Files, 1);
    Atomics.add(state, Shared.KiB, kib);
    // The original bytes move to the main thread instead of being copied.
    const transfer = outcome.ok ? [outcome.original.buffer as ArrayBuffer] : [];
    port.postMessage({ index, outcome, kib } satisfies OutcomeMessage, transfer);
    Atomics.store(state, current, -1);
  }
}
