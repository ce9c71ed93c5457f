/** The figures CSV is written a page of figures at a time, with each report's metadata as curated. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figurePages, loadRecord } from '../../pipeline/run/record-rows.js';
import { bearer, withServer } from '../fixtures.case.js';
import { figuresCsv } from './csv.js';

describe('the streamed figures CSV', () => {
  it('pages through every figure in the record\'s order, whatever the page size', () => withServer(async ({ app, store }) => {
    await app.inject('/api/figures');
    const whole = (await loadRecord(store))!.figures;
    assert.ok(whole.length >= 3, `the fixture has figures to page through: ${whole.length}`);
    for (const size of [1, 2, whole.length, 1000]) {
      const paged = [];
      for await (const page of figurePages(store, size)) {
        assert.ok(page.length <= size);
        paged.push(...page);
      }
      assert.deepEqual(paged, whole);
    }
  }));

  it('is the whole record\'s CSV, and names each report by its curated publisher', () => withServer(async ({ app, store, ids, token }) => {
    await app.inject('/api/figures');
    const figures = (await loadRecord(store))!.figures;
    const docs = [...new Set(figures.flatMap((f) => f.values.flatMap((v) => v.counts.map((c) => c.doc))))];
    const meta = new Map((await store.getSummaries(docs)).map((d) => [d.id, d.meta]));
    assert.equal((await app.inject('/api/export/figures.csv')).body, figuresCsv(figures, (doc) => meta.get(doc)));
    const id = ids['reprint.txt']!;
    const edit = await app.inject({ method: 'PUT', url: `/api/documents/${id}/meta`, payload: { publisher: 'Lantern Wire (night desk)', reason: 'the masthead says so' }, headers: bearer(token) });
    assert.equal(edit.statusCode, 200);
    const lines = (await app.inject('/api/export/figures.csv')).body.trimEnd().split('\r\n');
    const mine = lines.filter((l) => l.includes(`,${id},`));
    assert.ok(mine.length > 0);
    assert.ok(mine.every((l) => l.includes(',Lantern Wire (night desk),')), mine[0]);
  }));
});

describe('the streamed figures JSON', () => {
  it('holds every figure once, in the record\'s order, and a label for every report they cite', () => withServer(async ({ app, store }) => {
    await app.inject('/api/figures');
    const figures = (await loadRecord(store))!.figures;
    const r = await app.inject('/api/export/figures.json');
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
    const x = r.json<{ figures: Array<{ key: unknown }>; documents: Record<string, unknown> }>();
    assert.deepEqual(x.figures.map((f) => f.key), figures.map((f) => f.key));
    const cited = new Set(figures.flatMap((f) => f.values.flatMap((v) => v.reports)));
    assert.deepEqual(Object.keys(x.documents).sort(), [...cited].sort());
  }));
});
