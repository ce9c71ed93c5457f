/**
 * A stand-in pool worker for tests: speaks the real protocol (shared counter, window, one
 * message per file) but does not extract; it exits the whole thread on a file whose name
 * contains "crash", and fills its heap until V8 stops it on one whose name contains "oom".
 */
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { Shared } from './pool.js';
import type { ListMessage, OutcomeMessage } from './pool.js';
import type { FileOutcome } from './task.js';

const port = parentPort!;
port.on('message', (m: ListMessage) => {
  const state = new Int32Array(m.shared);
  for (;;) {
    while (Atomics.load(state, Shared.Files) >= m.maxFiles) Atomics.wait(state, Shared.Taken, Atomics.load(state, Shared.Taken), 100);
    const index = Atomics.add(state, Shared.Next, 1);
    if (index >= m.paths.length) return;
    Atomics.store(state, Shared.Current + m.slot, index);
    const path = m.paths[index]!;
    if (path.includes('crash')) process.exit(7);
    if (path.includes('oom')) {
      const hog: number[][] = [];
      for (;;) hog.push(new Array(1 << 20).fill(hog.length));
    }
    const text = readFileSync(path, 'utf8');
    // Only what the tests read: the path and the text.
    const outcome = { ok: true, path, doc: { text }, extraction: { counts: [], dates: [] }, original: new Uint8Array(0) } as unknown as FileOutcome;
    Atomics.add(state, Shared.Files, 1);
    port.postMessage({ index, outcome, kib: 0 } satisfies OutcomeMessage);
    Atomics.store(state, Shared.Current + m.slot, -1);
  }
});
