/**
 * A stand-in pool worker for tests: runs the real loop (serve.ts: shared counter, window) but
 * does not extract; it exits the whole thread on a file whose name contains "crash", and fills
 * its heap until V8 stops it on one whose name contains "oom", and spins forever on "hang".
 */
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { serveList } from './serve.js';
import type { ListMessage } from './pool.js';
import type { FileOutcome } from './task.js';

const port = parentPort!;
port.on('message', (m: ListMessage) => {
  void serveList(m, port, async (index) => {
    const path = m.paths[index]!;
    if (path.includes('crash')) process.exit(7);
    // A parser caught in a pathological input: synchronous, deaf to everything.
    if (path.includes('hang')) for (;;);
    if (path.includes('oom')) {
      const hog: number[][] = [];
      for (;;) hog.push(new Array(1 << 20).fill(hog.length));
    }
    // Only what the tests read: the path and the text.
    return { ok: true, path, doc: { text: readFileSync(path, 'utf8') }, extraction: { counts: [], dates: [] }, original: new Uint8Array(0) } as unknown as FileOutcome;
  });
});
