/** Shared cases: listing documents with filters and pages. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isAppError } from '../../domain/errors.js';
import type { StoreFactory } from '../store.js';
import { floodReport, numberedReport, report, withStore } from './fixtures.case.js';

/** Register the listing cases against `newStore`. */
export function listingCases(newStore: StoreFactory): void {
  it('pages through documents in ingestion order, with the total', async () => withStore(newStore, async (store) => {
    const inputs = Array.from({ length: 7 }, (_, i) => numberedReport('page', i));
    await store.addReports(inputs);
    const first = await store.listDocuments({ limit: 3 });
    const last = await store.listDocuments({ limit: 3, offset: 6 });
    assert.equal(first.total, 7);
    assert.deepEqual(first.items.map((d) => d.id), inputs.slice(0, 3).map((r) => r.doc.id));
    assert.deepEqual(last.items.map((d) => d.id), [inputs[6].doc.id]);
    const item = first.items[0];
    assert.deepEqual([item.name, item.path, item.counts, item.dates, item.version], ['0.txt', 'bulk/page/0.txt', 2, 1, 1]);
    assert.deepEqual(item.meta, inputs[0].doc.meta);
    assert.equal('text' in item, false);
  }));

  it('pages through the current reports alone, a path\'s earlier versions left out of the pages and the total', async () => withStore(newStore, async (store) => {
    const [b, c, d] = [0, 1, 2].map((i) => numberedReport('cur', i));
    const [a1, a2, a3] = ['', ' A correction followed.', ' A second correction.'].map((extra) => floodReport('reports/flood.txt', extra));
    // A path's versions come between other reports: A1, B, A2, C, A3, D.
    for (const r of [a1, b, a2, c, a3, d]) await store.addReport(r!.doc, r!.extraction, r!.original);
    const current = [b, c, a3, d].map((r) => r!.doc.id);
    const pages = [0, 2, 4].map((offset) => store.listDocuments({ limit: 2, offset, currentOnly: true }));
    const [p0, p1, p2] = await Promise.all(pages);
    assert.deepEqual([p0.total, p1.total, p2.total], [4, 4, 4]);
    assert.deepEqual([...p0.items, ...p1.items].map((x) => x.id), current);
    assert.deepEqual(p2.items, []);
    assert.equal(p1.items[0]!.version, 3);
    const all = await store.listDocuments({ limit: 2, offset: 2 });
    assert.equal(all.total, 6);
    assert.deepEqual(all.items.map((x) => [x.id, x.superseded]), [[a2!.doc.id, true], [c!.doc.id, false]]);
  }));

  it('filters by publisher and by a piece of the name, path or title', async () => withStore(newStore, async (store) => {
    const inputs = Array.from({ length: 4 }, (_, i) => numberedReport('f', i));
    const percent = report({ path: 'odd/100%_sure.txt', text: 'A rumour with no figures.', meta: { title: 'Rumour' } });
    await store.addReports([...inputs, percent]);
    const radio = await store.listDocuments({ publisher: 'Tamsel Radio' });
    assert.deepEqual(radio.items.map((d) => d.path), ['bulk/f/1.txt', 'bulk/f/3.txt']);
    assert.equal(radio.total, 2);
    assert.deepEqual((await store.listDocuments({ q: 'rUMOUR' })).items.map((d) => d.id), [percent.doc.id]);
    assert.deepEqual((await store.listDocuments({ q: '%_' })).items.map((d) => d.id), [percent.doc.id]);
    assert.equal((await store.listDocuments({ q: 'bulk/f', publisher: 'Depot Gazette' })).total, 2);
  }));

  it('rejects a limit or offset out of range', async () => withStore(newStore, async (store) => {
    for (const bad of [{ limit: 0 }, { limit: 5000 }, { limit: 1.5 }, { offset: -1 }]) {
      await assert.rejects(store.listDocuments(bad), (e: unknown) => isAppError(e, 'E_BAD_INPUT'));
    }
  }));
}
