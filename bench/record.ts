/**
 * The row-based record as an archive grows: ingest + reconcile of N reports, then what one
 * more day costs (10 new reports), one review, and a server's start to its first answer,
 * with the db's size per report. The baseline in the same run is the first build of N.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.js';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcileReviewed } from '../src/review/reconcile.js';
import { buildServer } from '../src/server/build.js';

const seconds = (t0: number) => (performance.now() - t0) / 1000;
/** A million reports take an hour: say where the run is, on stderr so that stdout stays the results. */
const progress = (line: string) => process.stderr.write(`record: ${line}\n`);

/** Runs the record benchmark at each N and prints a line per measurement. */
export async function benchRecord(ns: readonly number[], outDir: string): Promise<void> {
  for (const n of ns) {
    const dir = writeCorpus(join(outDir, `corpus-${n + 10}`), n + 10);
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    // CROSSCHECK_BENCH_KEEP=DIR keeps the built archive there, to measure more on it afterwards.
    const keep = process.env.CROSSCHECK_BENCH_KEEP;
    const tmp = keep ? join(keep, `record-${n}`) : mkdtempSync(join(tmpdir(), 'cc-bench-record-'));
    if (keep) { rmSync(tmp, { recursive: true, force: true }); mkdirSync(tmp, { recursive: true }); }
    const db = join(tmp, 'bench.db');
    try {
      let store = await openSqliteStore(db);
      let t0 = performance.now();
      await ingestPaths(store, files.slice(0, n), { workers: 1, maxSize: 1 << 20, batchSize: 256 });
      const ingestS = seconds(t0);
      progress(`N=${n}: ingest ${ingestS.toFixed(1)} s`);
      t0 = performance.now();
      // Each stretch of the first build should cost the same, however much came before it.
      const stretches: number[] = [];
      let tStep = performance.now();
      await reconcileReviewed(store, {
        onStep: () => {
          stretches.push(seconds(tStep));
          tStep = performance.now();
          if (stretches.length % 10 === 0) progress(`N=${n}: first build, ${stretches.length} stretches in ${seconds(t0).toFixed(0)} s (the last ${stretches.at(-1)!.toFixed(1)} s)`);
        },
      });
      const firstS = seconds(t0);
      progress(`N=${n}: first reconcile ${firstS.toFixed(1)} s`);
      const peakMB = process.resourceUsage().maxRSS / 1024;
      t0 = performance.now();
      await ingestPaths(store, files.slice(n), { workers: 0, maxSize: 1 << 20 });
      await reconcileReviewed(store);
      const add10 = seconds(t0);
      const doc = (await store.listDocuments({ limit: 1 })).items[0]!;
      // A count of one number ("14 dead"), so that the correction (one more) stays a valid range.
      const counts = (await store.getExtraction(doc.id))!.counts;
      const count = counts.find((c) => c.min !== null && c.min === c.max) ?? counts[0]!;
      // A correction changes what the count reads as: its incident and dates are built again. A
      // confirmation of what was extracted changes nothing, and the build reads no incident for it.
      t0 = performance.now();
      await store.addReview({ documentId: doc.id, kind: 'count', span: count.span, item: count.measure, action: 'correct', corrected: { min: (count.min ?? 0) + 1, max: (count.max ?? count.min ?? 0) + 1 }, reason: 'bench', reviewer: 'bench' });
      await reconcileReviewed(store);
      const review = seconds(t0);
      t0 = performance.now();
      await store.addReview({ documentId: doc.id, kind: 'count', span: count.span, item: count.measure, action: 'correct', corrected: { min: (count.min ?? 0) + 1, max: (count.max ?? count.min ?? 0) + 1 }, reason: 'bench again', reviewer: 'bench' });
      await reconcileReviewed(store);
      const same = seconds(t0);
      await store.close();
      const rss0 = process.memoryUsage().rss;
      t0 = performance.now();
      store = await openSqliteStore(db);
      const app = buildServer({ store });
      const r = await app.inject('/api/figures?values=8&reports=5');
      const start = seconds(t0);
      const rssMB = (process.memoryUsage().rss - rss0) / 1e6;
      await app.close();
      await store.close();
      const kb = statSync(db).size / 1024 / (n + 10);
      console.log(`record N=${n}: ingest ${ingestS.toFixed(1)} s + first reconcile ${firstS.toFixed(1)} s; add 10 reports ${add10.toFixed(2)} s (${(add10 / firstS).toFixed(3)}× the first reconcile); one review (a correction) ${(review * 1000).toFixed(0)} ms, the same correction again ${(same * 1000).toFixed(0)} ms; server start to first figures ${(start * 1000).toFixed(0)} ms (status ${r.statusCode}, +${rssMB.toFixed(0)} MB); db ${kb.toFixed(1)} KB/report; peak RSS ${peakMB.toFixed(0)} MB`);
      if (stretches.length > 1) {
        const per = stretches.map((s) => s.toFixed(1)).join(', ');
        console.log(`record N=${n}: first build's stretches ${per} s (last / first ${(stretches.at(-1)! / stretches[0]!).toFixed(2)}×)`);
      }
    } finally {
      if (!keep) rmSync(tmp, { recursive: true, force: true });
    }
  }
}
