/** A worker thread of the ingest pool: takes file tasks, answers with their outcomes, one at a time in order. */
import { parentPort } from 'node:worker_threads';
import { runFileTask } from './task.js';
import type { FileTask } from './task.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;

// The pool sends several tasks ahead; taking them strictly in order lets it tell, should this
// thread die, which file it was on.
const queue: Array<{ seq: number; task: FileTask }> = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  while (queue.length) {
    const msg = queue.shift()!;
    const outcome = await runFileTask(msg.task, undefined, { sync: true });
    // The original bytes move to the main thread instead of being copied.
    const transfer = outcome.ok ? [outcome.original.buffer as ArrayBuffer] : [];
    port.postMessage({ seq: msg.seq, outcome }, transfer);
  }
  running = false;
}

port.on('message', (msg: { seq: number; task: FileTask }) => {
  queue.push(msg);
  if (!running) void drain();
});
