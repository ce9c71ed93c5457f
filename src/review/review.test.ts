/** Reviews applied to reconciliation: the adjuster, and a record kept current with the reviews. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { reconcile } from '../pipeline/run/reconcile.js';
import { count, floodReport } from '../storage/cases/fixtures.case.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { Review } from '../storage/store.js';
import { countAdjuster } from './adjust.js';
import { reconcileReviewed, reviewedRecord } from './reconcile.js';
import { checkEdtf } from './validate.js';
import { rowsSnapshot } from '../pipeline/run/rows-snapshot.case.js';

const TEXT = 'Officials said 12 people were killed and 30 were injured.';
const killed = count(TEXT, '12 people', 12);
const injured = count(TEXT, '30 were injured', 30, { measure: 'injured' });

/** A review of `c` in document `doc`. */
function review(doc: string, c: typeof killed, action: Review['action'], corrected: Review['corrected'] = null, id = 1): Review {
  return {
    id, documentId: doc, kind: 'count', span: c.span, item: c.measure, key: `count:${c.span.start}-${c.span.end}:${c.measure}`,
    action, corrected, reason: 'r', reviewer: 'ana', createdAt: '2024-01-01T00:00:00Z',
  };
}

it('leaves unreviewed and confirmed counts as they are, nulls rejected ones and copies corrected ones', () => {
  const adjust = countAdjuster([review('d1', killed, 'reject'), review('d1', injured, 'correct', { min: 31, max: 31 }, 2), review('d2', killed, 'confirm', null, 3)]);
  const [k, i] = adjust('d1', [killed, injured]);
  assert.equal(k, null);
  assert.deepEqual(i, { ...injured, min: 31, max: 31 });
  assert.equal(i!.quote, '30 were injured', 'the corrected copy keeps the words it stands on');
  assert.deepEqual(adjust('d2', [killed, injured]), [killed, injured]);
  assert.deepEqual(adjust('d3', [killed]), [killed]);
});

it('applies only the latest review of an item, and keys by span and measure', () => {
  const adjust = countAdjuster([review('d1', killed, 'reject', null, 1), review('d1', killed, 'correct', { measure: 'missing' }, 2)]);
  assert.equal(adjust('d1', [killed])[0]!.measure, 'missing');
  const moved = { ...killed, span: { start: killed.span.start + 1, end: killed.span.end + 1 } };
  assert.deepEqual(adjust('d1', [moved]), [moved], 'a count at another span is another item');
});

it('rebuilds a record that was built without the reviews, and keeps one that is current', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    const plain = await reconcile(store);
    assert.equal(await reviewedRecord(store).then((x) => x.builtAt), plain.builtAt, 'no reviews: the stored record stands');
    const c = r.extraction.counts[0]!;
    await store.addReview({ documentId: r.doc.id, kind: 'count', span: c.span, action: 'correct', corrected: { min: 40, max: 40 }, reason: 'bulletin', reviewer: 'ana' });
    const fresh = await reviewedRecord(store);
    assert.notEqual(fresh.builtAt, plain.builtAt);
    const values = fresh.figures.find((f) => f.key.measure === 'killed')!.values;
    assert.deepEqual(values.map((v) => v.min), [40]);
    assert.equal((await reviewedRecord(store)).builtAt, fresh.builtAt, 'current: not rebuilt again');
    await reconcile(store);
    assert.deepEqual((await reviewedRecord(store)).figures.find((f) => f.key.measure === 'killed')!.values.map((v) => v.min), [40], 'a record rebuilt elsewhere without reviews is rebuilt with them');
    await reconcileReviewed(store);
    assert.deepEqual((await reviewedRecord(store)).figures.find((f) => f.key.measure === 'killed')!.values.map((v) => v.min), [40]);
  } finally {
    await store.close();
  }
});

it('puts a corrected date into the timeline at its corrected value, and takes a rejected one out', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    const d = r.extraction.dates[0]!;
    const timelineValues = async () => (await reviewedRecord(store)).timeline.map((e) => e.value);
    assert.deepEqual(await timelineValues(), ['2021-03-03']);
    await store.addReview({ documentId: r.doc.id, kind: 'date', span: d.span, item: d.value, action: 'correct', corrected: { value: '2021-03-02' }, reason: 'the bulletin dates it a day earlier', reviewer: 'ana' });
    assert.deepEqual(await timelineValues(), ['2021-03-02']);
    await store.addReview({ documentId: r.doc.id, kind: 'date', span: d.span, item: d.value, action: 'reject', reason: 'not the event', reviewer: 'ana' });
    assert.deepEqual(await timelineValues(), []);
  } finally {
    await store.close();
  }
});

it('accepts EDTF a timeline can place and refuses anything else', () => {
  for (const ok of ['2022-03-14', '2022-03', '2022', '202X', '2022-03-12/2022-03-14', '2022-03-14~']) assert.doesNotThrow(() => checkEdtf(ok), ok);
  for (const bad of ['yesterday', '14 March 2022', '2022-13-01', '', '../..']) assert.throws(() => checkEdtf(bad), /EDTF/, bad);
});

it('reads no incident again for a confirmation, nor for a correction to what the item already read as; a change of value it does', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    await reconcileReviewed(store);
    const c = r.extraction.counts[0]!;
    const add = (action: Review['action'], corrected: Review['corrected'] = null) =>
      store.addReview({ documentId: r.doc.id, kind: 'count', span: c.span, action, corrected, reason: 'checked', reviewer: 'ana' });
    const killedMins = async () => (await reviewedRecord(store)).figures.find((f) => f.key.measure === 'killed')!.values.map((v) => v.min);
    const before = await killedMins();
    await add('confirm');
    assert.equal((await reconcileReviewed(store)).rebuiltEvents, 0, 'confirming what was extracted changes no figure');
    await add('correct', { min: 40, max: 40 });
    assert.ok((await reconcileReviewed(store)).rebuiltEvents > 0);
    assert.deepEqual(await killedMins(), [40]);
    await add('correct', { min: 40, max: 40 });
    assert.equal((await reconcileReviewed(store)).rebuiltEvents, 0, 'the same correction again');
    // A confirmation after a correction puts the extracted value back.
    await add('confirm');
    assert.ok((await reconcileReviewed(store)).rebuiltEvents > 0);
    assert.deepEqual(await killedMins(), before);
    const incremental = await rowsSnapshot(store);
    await reconcileReviewed(store, { full: true });
    assert.deepEqual(await rowsSnapshot(store), incremental);
  } finally {
    await store.close();
  }
});

it('keeps a mention row without its count unless a review makes it read otherwise, and reads it back whole', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    await reconcileReviewed(store);
    const rows = async () => (await store.getRows<{ doc: string; at?: number; count?: unknown }>('mentions')).map((x) => x.data);
    assert.ok((await rows()).length > 0);
    assert.ok((await rows()).every((m) => m.count === undefined && m.at !== undefined), 'unreviewed: the row points at the stored count');
    const refs = (await reviewedRecord(store)).figures.flatMap((f) => f.values.flatMap((v) => v.counts));
    assert.deepEqual(refs.map((x) => x.count).sort((a, b) => a.span.start - b.span.start), [...r.extraction.counts].sort((a, b) => a.span.start - b.span.start), 'read back: every count as extracted');
    const c = r.extraction.counts[0]!;
    await store.addReview({ documentId: r.doc.id, kind: 'count', span: c.span, action: 'correct', corrected: { min: 41, max: 41 }, reason: 'bulletin', reviewer: 'ana' });
    await reconcileReviewed(store);
    const kept = (await rows()).filter((m) => m.count !== undefined);
    assert.equal(kept.length, 1, 'only the corrected count is kept in its row');
    const shown = (await reviewedRecord(store)).figures.flatMap((f) => f.values.flatMap((v) => v.counts)).find((x) => x.count.span.start === c.span.start)!;
    assert.equal(shown.count.min, 41);
    assert.equal(shown.count.quote, c.quote);
  } finally {
    await store.close();
  }
});
