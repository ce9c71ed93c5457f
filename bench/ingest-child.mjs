/**
 * One measured ingest, in its own process so that its peak memory is its own. Prints JSON.
 * Plain JavaScript run by plain `node` on the compiled code, as users run it: a TypeScript
 * loader here would also be inherited by the workers and slow their start.
 */
import { rmSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../dist/storage/sqlite/index.js';
import { ingestPaths } from '../dist/pipeline/run/ingest.js';
import { reconcile } from '../dist/pipeline/run/reconcile.js';

const [dir, db, workers] = [process.argv[2], process.argv[3], Number(process.argv[4])];
rmSync(db, { force: true });
rmSync(`${db}-wal`, { force: true });
rmSync(`${db}-shm`, { force: true });
const store = await openSqliteStore(db);
const s = await ingestPaths(store, [dir], { workers, maxSize: 50 << 20, batchSize: 256 });
// The peak so far is the ingest's own; what reconciliation adds shows in maxRssMB.
const ingestRssMB = process.resourceUsage().maxRSS / 1024;
// Reconciliation from scratch (every report shingled), then the incremental case: nothing new.
let t = performance.now();
// Only the number of figures is kept: holding the first record would double the second run's memory.
const figures = process.argv[5] === 'reconcile' ? (await reconcile(store)).figures : null;
const reconcileSeconds = (performance.now() - t) / 1000;
t = performance.now();
if (figures !== null) await reconcile(store);
const reconcileAgainSeconds = (performance.now() - t) / 1000;
await store.close();
const bytes = readdirSync(dir).reduce((a, f) => a + readFileSync(join(dir, f)).length, 0);
console.log(JSON.stringify({ reports: s.ingested, failed: s.failed, seconds: s.seconds, mb: bytes / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024, ingestRssMB, reconcileSeconds, reconcileAgainSeconds, figures: figures ?? 0 }));
