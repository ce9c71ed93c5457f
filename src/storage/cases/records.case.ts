/** Shared cases: reconciliation records and the iterator over current extractions. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { StoreFactory } from '../store.js';
import { floodReport, numberedReport, withStore } from './fixtures.case.js';

/** Register the record cases against `newStore`. */
export function recordCases(newStore: StoreFactory): void {
  it('keeps named records as JSON, replaces and deletes them', async () => withStore(newStore, async (store) => {
    assert.equal(await store.getRecord('figures'), null);
    await store.putRecords({ figures: { n: 1, list: ['a'] }, sources: [1, 2] });
    assert.deepEqual(await store.getRecord('figures'), { n: 1, list: ['a'] });
    await store.putRecords({ figures: { n: 2 }, sources: null });
    assert.deepEqual(await store.getRecord('figures'), { n: 2 });
    assert.equal(await store.getRecord('sources'), null);
  }));

  it('keeps a record of many megabytes, rewrites it smaller and deletes it', async () => withStore(newStore, async (store) => {
    // Large enough that a backend must split it (see record-parts.ts) rather than write one string.
    const big = {
      builtAt: '2024-01-01T00:00:00.000Z',
      figures: Array.from({ length: 20_000 }, (_, i) => ({ i, quote: `"${i}" killed\n`, refs: [{ doc: `d${i % 97}`, span: { start: i, end: i + 3 } }] })),
      sources: { groupOf: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`doc-${i}`, `doc-${i - (i % 3)}`])), pairs: [] },
      empty: [],
    };
    await store.putRecords({ reconcile: big, small: { n: 1 } });
    assert.deepEqual(await store.getRecord('reconcile'), big);
    assert.deepEqual(await store.getRecord('small'), { n: 1 });
    await store.putRecords({ reconcile: { builtAt: 'later' } });
    assert.deepEqual(await store.getRecord('reconcile'), { builtAt: 'later' });
    await store.putRecords({ reconcile: big });
    await store.putRecords({ reconcile: null });
    assert.equal(await store.getRecord('reconcile'), null);
  }));

  it('iterates current documents with texts and extractions, leaving superseded versions out', async () => withStore(newStore, async (store) => {
    for (let i = 0; i < 70; i++) {
      const r = numberedReport('it', i);
      await store.addReport(r.doc, r.extraction, r.original);
    }
    const old = floodReport('reports/changing.txt');
    const fresh = floodReport('reports/changing.txt', ' A later correction.');
    await store.addReport(old.doc, old.extraction, old.original);
    await store.addReport(fresh.doc, fresh.extraction, fresh.original);
    const seen = [];
    for await (const x of store.allExtractions()) seen.push(x);
    assert.equal(seen.length, 71);
    assert.ok(!seen.some((x) => x.id === old.doc.id));
    const last = seen[seen.length - 1]!;
    assert.equal(last.id, fresh.doc.id);
    assert.deepEqual(last.extraction, fresh.extraction);
    assert.equal(last.text, fresh.doc.text);
  }));
}
