/** Shared cases: adding, skipping, versions, originals, atomicity, batches, lookups. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isAppError } from '../../domain/errors.js';
import type { Count } from '../../domain/types.js';
import type { StoreFactory } from '../store.js';
import { floodReport, numberedReport, report, withStore } from './fixtures.case.js';

/** Register the report cases against `newStore`. */
export function reportCases(newStore: StoreFactory): void {
  it('adds a new report and then knows its sha256', async () => withStore(newStore, async (store) => {
    const r = floodReport();
    assert.equal(await store.hasSha256(r.doc.sha256), false);
    assert.deepEqual(await store.addReport(r.doc, r.extraction, r.original), { status: 'added', id: r.doc.id, version: 1 });
    assert.equal(await store.hasSha256(r.doc.sha256), true);
  }));

  it('skips the same bytes a second time, at any path, as already ingested', async () => withStore(newStore, async (store) => {
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    const again = await store.addReport(r.doc, r.extraction, r.original);
    assert.deepEqual(again, { status: 'skipped', id: r.doc.id, reason: 'already ingested' });
    const copy = floodReport('elsewhere/copy.txt');
    assert.equal((await store.addReport(copy.doc, copy.extraction, copy.original)).status, 'skipped');
    const stats = await store.stats();
    assert.equal(stats.documents, 1);
    assert.equal(stats.counts, 2);
  }));

  it('stores changed bytes at the same path as a new version and keeps the old one', async () => withStore(newStore, async (store) => {
    const v1 = floodReport('reports/flood.txt');
    const v2 = floodReport('reports/flood.txt', ' A correction followed.');
    await store.addReport(v1.doc, v1.extraction, v1.original);
    assert.deepEqual(await store.addReport(v2.doc, v2.extraction, v2.original), { status: 'new-version', id: v2.doc.id, version: 2 });
    const versions = await store.listVersions('reports/flood.txt');
    assert.deepEqual(versions.map((v) => [v.version, v.documentId]), [[1, v1.doc.id], [2, v2.doc.id]]);
    const old = await store.getDocument(v1.doc.id);
    assert.equal(old?.text, v1.doc.text);
    assert.equal(old?.superseded, true);
    assert.equal((await store.getDocument(v2.doc.id))?.superseded, false);
    assert.equal((await store.listDocuments()).total, 2);
    assert.deepEqual((await store.listDocuments({ currentOnly: true })).items.map((d) => d.id), [v2.doc.id]);
  }));

  it('returns the original bytes byte for byte, including bytes that are not UTF-8', async () => withStore(newStore, async (store) => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x0d, 0x0a, 0xf0, 0x9f]);
    const r = report({ path: 'odd.bin.txt', text: 'A\u0000\ufffd', bytes });
    await store.addReport(r.doc, r.extraction, r.original);
    const back = await store.getOriginal(r.doc.id);
    assert.ok(back instanceof Uint8Array);
    assert.deepEqual(back, bytes);
  }));

  it('stores nothing of a report whose extraction holds an invalid row', async () => withStore(newStore, async (store) => {
    const r = floodReport();
    const bad = { ...r.extraction.counts[1], measure: null } as unknown as Count;
    await assert.rejects(store.addReport(r.doc, { counts: [r.extraction.counts[0], bad], dates: r.extraction.dates }, r.original),
      (e: unknown) => isAppError(e, 'E_BAD_INPUT'));
    assert.equal(await store.hasSha256(r.doc.sha256), false);
    assert.equal(await store.getDocument(r.doc.id), null);
    const stats = await store.stats();
    assert.deepEqual([stats.documents, stats.counts, stats.dates, stats.paths], [0, 0, 0, 0]);
    assert.equal((await store.search('Varenna')).items.length, 0);
    // The same report, fixed, then goes in whole.
    assert.equal((await store.addReport(r.doc, r.extraction, r.original)).status, 'added');
  }));

  it('stores a batch in one call, failing only the bad report', async () => withStore(newStore, async (store) => {
    const [a, b, c] = [0, 1, 2].map((i) => numberedReport('batch', i));
    const bad = numberedReport('batch', 3);
    bad.extraction.dates[0] = { ...bad.extraction.dates[0], value: undefined as unknown as string };
    const results = await store.addReports([a, bad, b, a, c]);
    assert.deepEqual(results.map((r) => r.status), ['added', 'failed', 'added', 'skipped', 'added']);
    const failed = results[1];
    assert.ok(failed.status === 'failed' && isAppError(failed.error, 'E_BAD_INPUT') && failed.path === bad.doc.path);
    assert.equal((await store.stats()).documents, 3);
    assert.equal(await store.getDocument(bad.doc.id), null);
  }));

  it('returns a document with its metadata, text and page starts as given', async () => withStore(newStore, async (store) => {
    const r = report({ path: 'papers/brief.pdf', format: 'pdf', text: 'Page one.\fPage two.', pageStarts: [0, 10],
      meta: { title: 'Brief', author: 'A. Norwin', published: '2020-06', url: 'https://example.org/brief', language: 'en', inferred: ['published'] } });
    await store.addReport(r.doc, r.extraction, r.original);
    const got = await store.getDocument(r.doc.id);
    assert.ok(got);
    const { ingestedAt, version, superseded, ...doc } = got;
    assert.deepEqual(doc, r.doc);
    assert.equal(version, 1);
    assert.equal(superseded, false);
    assert.ok(!Number.isNaN(Date.parse(ingestedAt)));
  }));

  it('answers null for unknown ids, a stored id with a NUL character added among them, and E_NOT_FOUND when replacing their extraction', async () => withStore(newStore, async (store) => {
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    for (const id of ['nope', `${r.doc.id}\u0000`, '\u0000']) {
      assert.equal(await store.getDocument(id), null, JSON.stringify(id));
      assert.equal(await store.getOriginal(id), null);
      assert.equal(await store.getExtraction(id), null);
      assert.equal(await store.resolveId(id), null);
      assert.equal((await store.listDocuments({ publisher: id })).total, 0);
    }
    // LIKE and GLOB patterns end at a NUL in SQLite: the words before one must not match by themselves.
    assert.equal((await store.listDocuments({ q: `${r.doc.name}\u0000x` })).total, 0);
    for (const id of ['nope', `${r.doc.id}\u0000`]) {
      await assert.rejects(store.replaceExtraction(id, { counts: [], dates: [] }), (e: unknown) => isAppError(e, 'E_NOT_FOUND'));
    }
  }));

  it('resolves an id, a sha256, an id prefix, a name or a path to an id', async () => withStore(newStore, async (store) => {
    const r = floodReport();
    const other = numberedReport('x', 1);
    await store.addReports([r, other]);
    for (const ref of [r.doc.id, r.doc.sha256, r.doc.id.slice(0, 8), r.doc.name, r.doc.path]) {
      assert.equal(await store.resolveId(ref), r.doc.id, ref);
    }
  }));

  it('counts what it stores', async () => withStore(newStore, async (store) => {
    await store.addReports([floodReport(), numberedReport('s', 1), numberedReport('s', 2)]);
    const stats = await store.stats();
    assert.equal(stats.documents, 3);
    assert.equal(stats.paths, 3);
    assert.equal(stats.counts, 6);
    assert.equal(stats.dates, 3);
    assert.ok(stats.bytes > 100);
    assert.ok(stats.schemaVersion >= 1);
  }));

  it('refuses calls after close with E_STORE, and closing twice is harmless', async () => {
    const store = await newStore();
    await store.close();
    await store.close();
    await assert.rejects(store.hasSha256('x'), (e: unknown) => isAppError(e, 'E_STORE'));
    const r = floodReport();
    await assert.rejects(store.addReport(r.doc, r.extraction, r.original), (e: unknown) => isAppError(e, 'E_STORE'));
  });
}
