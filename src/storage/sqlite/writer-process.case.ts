/**
 * Child process for the SQLite concurrency tests (not a test itself):
 *   node --import tsx writer-process.case.ts FILE TAG N [single|batch|slow]
 * adds reports TAG-0 … TAG-(N-1) and prints {"added":…,"skipped":…,"failed":…}.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { numberedReport } from '../cases/fixtures.case.js';
import type { BatchResult } from '../store.js';
import { openSqliteStore } from './open.js';

const [file, tag, n, mode = 'single'] = process.argv.slice(2);
const store = await openSqliteStore(file);
const tally = { added: 0, skipped: 0, failed: 0 };
const note = (r: BatchResult) => {
  if (r.status === 'failed') tally.failed++;
  else if (r.status === 'skipped') tally.skipped++;
  else tally.added++;
};
const inputs = Array.from({ length: Number(n) }, (_, i) => numberedReport(tag, i));
if (mode === 'batch') {
  for (let i = 0; i < inputs.length; i += 10) (await store.addReports(inputs.slice(i, i + 10))).forEach(note);
} else {
  for (const r of inputs) {
    note(await store.addReport(r.doc, r.extraction, r.original));
    // "slow" leaves time between commits for a reader, or a kill, to land mid-ingest.
    if (mode === 'slow') await sleep(1);
  }
}
await store.close();
process.stdout.write(JSON.stringify(tally));
process.exitCode = tally.failed ? 2 : 0;
