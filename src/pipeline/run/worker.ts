/**
 * A worker thread of the ingest pool: serves each list it is sent (serve.ts) by reading and
 * extracting the files it takes.
 */
import { parentPort } from 'node:worker_threads';
import { runFileTask, taskAt } from './task.js';
import { serveList } from './serve.js';
import type { ListMessage } from './pool.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;

// One list at a time: the pool sends the next only after this one is done.
let running = Promise.resolve();
port.on('message', (m: ListMessage) => {
  running = running.then(() => serveList(m, port, (i) => runFileTask(taskAt(m, i), undefined, { sync: true })));
});
