/** A worker thread of the ingest pool: takes file tasks, answers with their outcomes. */
import { parentPort } from 'node:worker_threads';
import { runFileTask } from './task.js';
import type { FileTask } from './task.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;

port.on('message', async (msg: { seq: number; task: FileTask }) => {
  const outcome = await runFileTask(msg.task);
  // The original bytes move to the main thread instead of being copied.
  const transfer = outcome.ok ? [outcome.original.buffer as ArrayBuffer] : [];
  port.postMessage({ seq: msg.seq, outcome }, transfer);
});
