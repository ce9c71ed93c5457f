import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
const store = await openSqliteStore(':memory:');
await ingestPaths(store, ['/work/shared/seeds'], { workers: 0, maxSize: 1e8 });
const t = performance.now();
const r = await reconcile(store);
console.log('ms', performance.now() - t);
console.log(r.events);
for (const f of r.figures.filter(f => ['killed','injured','captured'].includes(f.key.measure))) {
  console.log(f.key, f.verdict.status, (f.verdict as any).kind ?? '', f.verdict.reason);
  for (const v of f.values) console.log('   ', v.phrase, '| reports', v.reports.length, 'indep', v.independent, 'compat', v.compatibleWith);
}
console.log(r.checks.map(c => [c.kind, c.status, c.reason]));
console.log(r.sources.pairs.map(p => [p.a, p.b, p.containmentA.toFixed(2), p.containmentB.toFixed(2)]), r.sources.groups);
console.log(r.entities.filter(e => e.aliases.length).map(e => [e.canonical, e.aliases]));
console.log(r.timeline.slice(0, 8).map(e => [e.value, e.reports.length, e.sentenceText.slice(0, 60)]));
await store.close();
