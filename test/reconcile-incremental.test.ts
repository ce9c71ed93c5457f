import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { reconcileReviewed } from '../src/review/reconcile.js';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
import { loadRecord } from '../src/pipeline/run/record-rows.js';
import { tempDir } from './helpers/cli.js';
import { shuffled } from './helpers/rng.js';
import { rowsSnapshot } from '../src/pipeline/run/rows-snapshot.case.js';
import { pairOf, SETS } from '../src/pipeline/run/record.js';
import type { PackedPair } from '../src/pipeline/run/record.js';
import type { SourcePair } from '../src/pipeline/3-reconcile/types.js';
import { SOURCE_DECISIONS_SET } from '../src/pipeline/run/source-decisions.js';

const examples = join(import.meta.dirname, '..', 'examples');

test('a reprint ingested later is matched against the stored signatures of earlier reports, found by their band keys', async () => {
  const first = tempDir('cc-inc-a-');
  const later = tempDir('cc-inc-b-');
  for (const f of ['01-wire-story.txt', '03-monitor-update.md', '04-briefing.html']) copyFileSync(join(examples, f), join(first, f));
  mkdirSync(later, { recursive: true });
  copyFileSync(join(examples, '02-reprint.txt'), join(later, '02-reprint.txt'));
  const db = join(tempDir(), 'inc.db');
  let store = await openSqliteStore(db);
  await ingestPaths(store, [first], { workers: 0, maxSize: 1 << 20 });
  await reconcile(store);
  const before = (await loadRecord(store))!;
  assert.equal(before.documents, 3);
  await store.close();

  // A new process: the index comes back from the store, not from memory.
  store = await openSqliteStore(db);
  await reconcile(store);
  const same = (await loadRecord(store))!;
  assert.deepEqual(same.figures, before.figures, 'nothing new, nothing changed');
  await ingestPaths(store, [later], { workers: 0, maxSize: 1 << 20 });
  await reconcile(store);
  const after = (await loadRecord(store))!;
  await store.close();
  assert.equal(after.documents, 4);
  assert.equal(after.sources.pairs.length, before.sources.pairs.length + 1, 'the reprint shares passages with the wire story');
  const pair = after.sources.pairs[after.sources.pairs.length - 1]!;
  assert.ok(pair.passages.length > 0 && pair.passages.every((p) => p.words >= 12));
});

const mixed = join(import.meta.dirname, 'fixtures', 'reconcile');
const corpus = [
  ...readdirSync(examples).map((f) => join(examples, f)),
  ...readdirSync(mixed).filter((f) => f.endsWith('.txt')).map((f) => join(mixed, f)),
  // Eight incidents more: a report joins or starts an incident the same way in any order.
  ...readdirSync(join(mixed, 'mixed')).filter((f) => f.endsWith('.txt')).map((f) => join(mixed, 'mixed', f)),
];

for (const seed of [1, 2, 3, 4, 5, 6]) {
  test(`reports ingested in batches (order ${seed}), with a review and a new version between, give the rows a full rebuild gives`, async () => {
    const store = await openSqliteStore(join(tempDir(), 'prop.db'));
    try {
      const files = shuffled(corpus, seed);
      const copies = tempDir('cc-prop-');
      let reviewed = false;
      for (let at = 0, batch = 1; at < files.length; at += batch, batch = 1 + ((batch * 7 + seed) % 4)) {
        const dir = tempDir('cc-prop-batch-');
        for (const f of files.slice(at, at + batch)) copyFileSync(f, join(dir, basename(f)));
        await ingestPaths(store, [dir], { workers: 0, maxSize: 1 << 20 });
        // Odd orders build the touched incidents a few reports at a time, each batch written as built.
        await reconcileReviewed(store, seed % 2 ? { eventBatch: 3 } : {});
        const first = (await store.listDocuments({ limit: 50 })).items.find((d) => d.counts > 1);
        const counts = first ? (await store.getExtraction(first.id))!.counts : [];
        if (!reviewed && first && counts.length > 1) {
          await store.addReview({ documentId: first.id, kind: 'count', span: counts[0]!.span, item: counts[0]!.measure, action: 'reject', reason: 'test', reviewer: 'tester' });
          reviewed = true;
          await reconcileReviewed(store);
        }
        if (at === 0) {
          // A new version of a report at a path already ingested: the old one stops speaking.
          const path = join(copies, 'revised.txt');
          writeFileSync(path, `${readFileSync(files[0]!, 'utf8')}\nUpdated: 12 people were injured, officials said.\n`);
          await ingestPaths(store, [path], { workers: 0, maxSize: 1 << 20 });
          // Built with it, so that the next version takes a built report out of its incidents.
          await reconcileReviewed(store);
          writeFileSync(path, `${readFileSync(files[0]!, 'utf8')}\nUpdated: 14 people were injured, officials said.\n`);
          await ingestPaths(store, [path], { workers: 0, maxSize: 1 << 20 });
          await reconcileReviewed(store);
        }
      }
      assert.ok(reviewed, 'a review was interleaved');
      const incremental = await rowsSnapshot(store);
      await reconcileReviewed(store, { full: true });
      assert.deepEqual(await rowsSnapshot(store), incremental);
    } finally {
      await store.close();
    }
  });
}

test('a timeline stored before its index is indexed by the next build that adds reports, which then gives the rows a full build gives', async () => {
  const db = join(tempDir(), 'index.db');
  let store = await openSqliteStore(db);
  try {
    const files = shuffled(corpus, 9);
    const half = Math.floor(files.length / 2);
    await ingestPaths(store, files.slice(0, half), { workers: 0, maxSize: 1 << 20 });
    await reconcileReviewed(store);
    // As stored before the index: no word order, no links, entries without the report that made them.
    const entries = await store.getRows(SETS.timeline);
    assert.ok(entries.length > 5, 'the timeline has entries');
    await store.putRows([{ set: SETS.timelineOrder, clear: 'all' }, { links: SETS.entryWords, clear: 'all' }, { set: SETS.timeline, rows: entries.map((r) => ({ ...r, tag: null })) }]);
    // Opened again, as the new version of crosscheck would open it.
    await store.close();
    store = await openSqliteStore(db);
    for (const batch of [files.slice(half, half + 3), files.slice(half + 3)]) {
      await ingestPaths(store, batch, { workers: 0, maxSize: 1 << 20 });
      await reconcileReviewed(store);
    }
    assert.equal((await store.getRows(SETS.timelineOrder)).length, 1, 'the timeline was indexed');
    assert.ok((await store.getLinks(SETS.entryWords)).length > entries.length);
    const incremental = await rowsSnapshot(store);
    await reconcileReviewed(store, { full: true });
    assert.deepEqual(await rowsSnapshot(store), incremental);
  } finally {
    await store.close();
  }
});

test('a corrected count reads so in the timeline without the other reports of its dates being read, as a full build gives it', async () => {
  const store = await openSqliteStore(join(tempDir(), 'recount.db'));
  try {
    await ingestPaths(store, corpus, { workers: 0, maxSize: 1 << 20 });
    await reconcileReviewed(store);
    // A count in a dated sentence that the timeline holds.
    const held = (await store.getRows<{ counts: Array<{ doc: string; index: number; count: { span: { start: number; end: number }; min: number | null; max: number | null; measure: string } }> }>(SETS.timeline))
      .flatMap((r) => r.data.counts).find((c) => c.count.min !== null && c.count.min === c.count.max)!;
    assert.ok(held, 'the timeline holds a count of one number');
    const corrected = held.count.min! + 1000;
    await store.addReview({ documentId: held.doc, kind: 'count', span: held.count.span, item: held.count.measure, action: 'correct', corrected: { min: corrected, max: corrected }, reason: 'test', reviewer: 'tester' });
    const asked: string[] = [];
    const getLinks = store.getLinks.bind(store);
    store.getLinks = async (set, groups) => { asked.push(set); return getLinks(set, groups); };
    await reconcileReviewed(store);
    store.getLinks = getLinks;
    assert.ok(!asked.includes(SETS.valueDocs), 'the reports of its date values were not looked up');
    const now = (await store.getRows<{ counts: Array<{ doc: string; count: { span: { start: number }; min: number | null } }> }>(SETS.timeline)).flatMap((r) => r.data.counts)
      .filter((c) => c.doc === held.doc && c.count.span.start === held.count.span.start);
    assert.ok(now.length > 0 && now.every((c) => c.count.min === corrected), 'the timeline reads the corrected count');
    const incremental = await rowsSnapshot(store);
    await reconcileReviewed(store, { full: true });
    assert.deepEqual(await rowsSnapshot(store), incremental);
  } finally {
    await store.close();
  }
});

test('a new version of a built report takes the old one out of its incidents, as a full build does', async () => {
  const store = await openSqliteStore(join(tempDir(), 'version.db'));
  try {
    const path = join(tempDir('cc-version-'), 'revised.txt');
    const text = readFileSync(corpus[0]!, 'utf8');
    for (const f of corpus.slice(1)) await ingestPaths(store, [f], { workers: 0, maxSize: 1 << 20 });
    writeFileSync(path, `${text}\nUpdated: 12 people were injured, officials said.\n`);
    await ingestPaths(store, [path], { workers: 0, maxSize: 1 << 20 });
    await reconcileReviewed(store);
    const idOf = async () => { for await (const d of store.allDerived([], { extraction: false })) if (d.name.endsWith('revised.txt')) return d.id; return null; };
    const old = (await idOf())!;
    const eventsOf = async (id: string) => (await store.getLinks(SETS.eventDocs)).filter((l) => l[1] === id).map((l) => l[0]);
    assert.ok((await eventsOf(old)).length > 0, 'the report is in an incident');
    writeFileSync(path, `${text}\nUpdated: 14 people were injured, officials said.\n`);
    await ingestPaths(store, [path], { workers: 0, maxSize: 1 << 20 });
    await reconcileReviewed(store);
    const now = (await idOf())!;
    assert.notEqual(now, old);
    assert.deepEqual(await eventsOf(old), [], 'the old version is in no incident');
    assert.ok((await eventsOf(now)).length > 0, 'the new version is');
    const incremental = await rowsSnapshot(store);
    await reconcileReviewed(store, { full: true });
    assert.deepEqual(await rowsSnapshot(store), incremental);
  } finally {
    await store.close();
  }
});

test('a first or full build taken in stretches of a few reports gives the rows one build of every report gives, curators\' source decisions included', async () => {
  const store = await openSqliteStore(join(tempDir(), 'steps.db'));
  try {
    // A report and its new version first (the old one no longer current), then the rest.
    const copies = tempDir('cc-steps-');
    const path = join(copies, 'revised.txt');
    writeFileSync(path, `${readFileSync(corpus[0]!, 'utf8')}\nUpdated: 12 people were injured, officials said.\n`);
    await ingestPaths(store, [path], { workers: 0, maxSize: 1 << 20 });
    writeFileSync(path, `${readFileSync(corpus[0]!, 'utf8')}\nUpdated: 14 people were injured, officials said.\n`);
    await ingestPaths(store, [path], { workers: 0, maxSize: 1 << 20 });
    for (const f of shuffled(corpus, 9)) await ingestPaths(store, [f], { workers: 0, maxSize: 1 << 20 });
    await reconcileReviewed(store);
    // A curator's decisions, made before the full build, on pairs it finds only in a later stretch
    // (neither the first nor the last): the most shared one is independent, the least shared the same source.
    const order = new Map<string, number>();
    for await (const d of store.allDerived([], { extraction: false })) order.set(d.id, order.size);
    const pairs = (await store.getRows<PackedPair | SourcePair>(SETS.pairs)).map(pairOf)
      .filter((p) => order.get(p.b)! >= 4 && order.get(p.b)! < order.size - 4)
      .sort((x, y) => Math.max(y.containmentA, y.containmentB) - Math.max(x.containmentA, x.containmentB));
    assert.ok(pairs.length >= 2, 'the corpus has pairs to decide on');
    const decide = (p: SourcePair, decision: 'same' | 'independent') => ({ key: `${p.a}\t${p.b}`, data: { a: p.a, b: p.b, decision, by: 'tester', at: '2026-01-01T00:00:00.000Z', reason: 'test' } });
    await store.putRows([{ set: SOURCE_DECISIONS_SET, rows: [decide(pairs[0]!, 'independent'), decide(pairs.at(-1)!, 'same')] }]);
    const one = await reconcileReviewed(store, { full: true });
    const whole = await rowsSnapshot(store);
    const steps: number[] = [];
    const stepped = await reconcileReviewed(store, { full: true, step: 4, eventBatch: 5, onStep: (done) => steps.push(done) });
    assert.ok(steps.length > 3 && steps.at(-1) === one.documents, `built in stretches: ${steps.join(', ')}`);
    assert.deepEqual(stepped, { ...one, builtAt: stepped.builtAt });
    assert.deepEqual(await rowsSnapshot(store), whole);
    // A stretch leaves its incidents owed (as one cut off before the last would): the next build, with nothing new, builds them.
    await reconcileReviewed(store, { full: true, deferEvents: true });
    assert.equal(await store.countRows(SETS.figures), 0, 'the figures are owed, not built');
    await reconcileReviewed(store);
    assert.deepEqual(await rowsSnapshot(store), whole);
  } finally {
    await store.close();
  }
});
