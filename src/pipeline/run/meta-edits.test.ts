import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { extract } from '../2-extract/index.js';
import { openSqliteStore } from '../../storage/sqlite/index.js';
import type { Store } from '../../storage/store.js';
import { reconcileReviewed } from '../../review/reconcile.js';
import { putMetaEdit } from './meta-edits.js';
import type { MetaEdit } from './meta-edits.js';
import { reconcile } from './reconcile.js';
import { loadRecord } from './record-rows.js';
import { rowsSnapshot } from './rows-snapshot.case.js';

/** Stores a report as ingest would, extracted against its own date; returns its id. */
async function add(store: Store, path: string, text: string, published: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const doc = { id: sha256.slice(0, 16), sha256, path, name: path, format: 'txt' as const, meta: { title: path, published }, text, byteLength: bytes.byteLength };
  await store.addReport(doc, extract(text, { published }), bytes);
  return doc.id;
}

const edit = (fields: MetaEdit['fields']): MetaEdit => ({ fields, by: 'tester', at: new Date().toISOString(), reason: 'the print edition' });

test("a report's edited date orders its figure over time, dates it in the timeline and counts its \"last year\" from it; incrementally as a full rebuild does, and undone when the edit is", async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const early = await add(store, 'early.txt', 'Officials said 37 people were killed when the Orlen dam collapsed near Vessany on 14 March 2022. The dam had been inspected last year.', '2022-03-15');
    await add(store, 'later.txt', 'Officials said 52 people were killed when the Orlen dam collapsed near Vessany on 14 March 2022.', '2022-03-25');
    await reconcile(store);
    const before = (await loadRecord(store))!;
    const asExtracted = await rowsSnapshot(store);
    assert.equal(before.figures[0]!.verdict.reason, 'the figure changed over time: 37 in a report published 2022-03-15, then 52 in a report published 2022-03-25');
    assert.ok(before.timeline.some((e) => e.value === '2021'), 'last year, counted from 2022-03-15');

    await putMetaEdit(store, early, edit({ published: '2023-04-05' }));
    const summary = await reconcile(store);
    assert.equal(summary.rebuiltEvents, 1, 'the edited report’s event is rebuilt');
    const after = (await loadRecord(store))!;
    assert.equal(after.figures[0]!.verdict.reason, 'the figure changed over time: 52 in a report published 2022-03-25, then 37 in a report published 2023-04-05');
    const values = after.timeline.map((e) => e.value);
    assert.ok(values.includes('2022') && !values.includes('2021'), `last year, counted from 2023-04-05: ${values.join(', ')}`);
    assert.ok(after.publications.some((p) => p.doc === early && p.value === '2023-04-05'));

    const incremental = await rowsSnapshot(store);
    await reconcile(store, { full: true });
    assert.deepEqual(incremental, await rowsSnapshot(store), 'the incremental build gives the rows a full rebuild gives');

    // An edit back to the extracted values (no field edited) gives the record as extracted.
    await putMetaEdit(store, early, edit({}));
    await reconcile(store);
    const undone = await rowsSnapshot(store);
    assert.deepEqual(undone, { ...asExtracted, 'meta-applied': undone['meta-applied'] });
    assert.equal((undone['meta-applied'] as unknown[]).length, 1);
  } finally {
    await store.close();
  }
});

test('a relative date a curator corrected keeps the corrected value when the report’s date is edited; the others are counted from the edited date', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const text = 'Officials said 12 people were killed in Vessany on 3 April 2022. The road had been closed last year and reopened last month.';
    const id = await add(store, 'r.txt', text, '2022-04-05');
    const lastYear = extract(text, { published: '2022-04-05' }).dates.find((d) => d.quote === 'last year')!;
    await store.addReview({ documentId: id, kind: 'date', span: lastYear.span, action: 'correct', corrected: { value: '2020' }, reason: 'the closure was in 2020', reviewer: 'tester' });
    await reconcileReviewed(store);
    const values = async () => (await loadRecord(store))!.timeline.map((e) => e.value).sort();
    assert.deepEqual(await values(), ['2020', '2022-03', '2022-04-03']);
    await putMetaEdit(store, id, edit({ published: '2022-07-01' }));
    await reconcileReviewed(store);
    const incremental = await values();
    assert.deepEqual(incremental, ['2020', '2022-04-03', '2022-06']);
    await reconcileReviewed(store, { full: true });
    assert.deepEqual(await values(), incremental);
  } finally {
    await store.close();
  }
});
