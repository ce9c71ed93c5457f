/** The figures CSV is written a page of figures at a time, with each report's metadata as curated. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CountRef } from '../../pipeline/3-reconcile/types.js';
import { figureId } from '../../pipeline/run/record.js';
import { figureParts, figurePages, loadRecord } from '../../pipeline/run/record-rows.js';
import { bearer, withServer } from '../fixtures.case.js';
import { CSV_HEADER, figuresCsv, partCsvLines } from './csv.js';
import type { DocumentLabels, FigureDetail, FigureList } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { RecordSource } from '../records.js';
import { figuresJsonStream } from '../routes/exports.js';

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

  it('holds a bounded number of mentions at a time, a large figure in parts, and the parts make every figure whole in order', () => withServer(async ({ app, store }) => {
    await app.inject('/api/figures');
    const whole = (await loadRecord(store))!.figures;
    const most = Math.max(...whole.flatMap((f) => f.values.map((v) => v.counts.length)));
    assert.ok(most >= 2, 'a value with several mentions, to split');
    for (const budget of [1, 2, 3, 1000]) {
      const order: string[] = [];
      const counts = new Map<string, CountRef[][]>();
      let lines = '';
      for await (const parts of figureParts(store, budget, 2)) {
        assert.ok(parts.length > 0);
        assert.ok(parts.reduce((n, p) => n + p.values.reduce((m, v) => m + v.counts.length, 0), 0) <= budget, `at most ${budget} mentions at once`);
        for (const p of parts) {
          if (order.at(-1) !== p.figure.id) order.push(p.figure.id);
          const got = counts.get(p.figure.id) ?? p.figure.values.map(() => []);
          counts.set(p.figure.id, got);
          for (const v of p.values) got[v.index]!.push(...v.counts);
          lines += partCsvLines(p);
        }
      }
      assert.deepEqual(order, whole.map((f) => figureId(f.key)), 'each figure once, in order');
      assert.deepEqual(whole.map((f) => counts.get(figureId(f.key))), whole.map((f) => f.values.map((v) => v.counts)));
      assert.equal(CSV_HEADER + lines, figuresCsv(whole), `the same CSV with at most ${budget} mentions at once`);
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

  it('is each figure\'s whole detail, however few mentions it holds at a time', () => withServer(async ({ app, store }) => {
    const list = (await app.inject('/api/figures?all=true')).json<FigureList>();
    const details = await Promise.all(list.items.map(async (f) => (await app.inject(`/api/figures/${f.id}?evidence=5000`)).json<FigureDetail>()));
    const exported = (await app.inject('/api/export/figures.json')).json<{ builtAt: string; figures: FigureDetail[]; documents: DocumentLabels }>();
    const byId = new Map(exported.figures.map((f) => [f.id, f]));
    for (const d of details) assert.deepEqual(byId.get(d.id), d, d.id);
    const ctx = { store, records: new RecordSource(store) } as unknown as ServerContext;
    for (const budget of [1, 2]) {
      let text = '';
      for await (const chunk of figuresJsonStream(ctx, exported.builtAt, budget)) text += chunk;
      assert.deepEqual(JSON.parse(text), exported, `the same export with at most ${budget} mentions at once`);
    }
  }));
});
