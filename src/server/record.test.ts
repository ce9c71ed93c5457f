/** API: figures with their evidence, events, timeline, entities, sources and checks, from the stored record. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconcile } from '../pipeline/run/reconcile.js';
import { buildInfo } from '../pipeline/run/record-rows.js';
import type { CheckList, EntityList, EventList, FigureDetail, FigureList, SourcesView, Timeline } from './api-types.js';
import { document, REPORTS, withServer } from './fixtures.case.js';
import { extract } from '../pipeline/2-extract/index.js';

/** The killed / all figure of the test corpus. */
async function killed(app: Parameters<Parameters<typeof withServer>[0]>[0]['app']) {
  const list = (await app.inject('/api/figures')).json<FigureList>();
  return list.items.find((f) => f.key.measure === 'killed' && f.key.group === 'all')!;
}

describe('figures', () => {
  it('builds the record on first read when none is stored, and keeps it', () => withServer(async ({ app, store }) => {
    assert.equal(await buildInfo(store), null);
    const r = await app.inject('/api/figures');
    assert.equal(r.statusCode, 200);
    const stored = await buildInfo(store);
    assert.equal(stored?.builtAt, r.json<FigureList>().builtAt);
    assert.equal((await app.inject('/api/figures')).json<FigureList>().builtAt, stored?.builtAt, 'not rebuilt on the next read');
  }));

  it('follows a record rebuilt by another writer (an ingest) instead of serving its cached copy', () => withServer(async ({ app, store }) => {
    const first = (await app.inject('/api/events')).json<EventList>().builtAt;
    await new Promise((r) => setTimeout(r, 5));
    const rebuilt = await reconcile(store);
    assert.notEqual(rebuilt.builtAt, first);
    assert.equal((await app.inject('/api/events')).json<EventList>().builtAt, rebuilt.builtAt);
  }));

  it('lists each figure with its values, attributions, independent sources and verdict', () => withServer(async ({ app, ids }) => {
    const f = await killed(app);
    assert.equal(f.verdict.status, 'diverging');
    const v37 = f.values.find((v) => v.min === 37)!;
    assert.deepEqual(v37.reports.sort(), [ids['wire.txt'], ids['reprint.txt']].sort());
    assert.equal(v37.independent, 1, 'the reprint is not an independent source');
    assert.deepEqual(v37.attributions, ['the regional governor']);
    assert.equal(v37.mentions, 2);
    assert.ok(f.values.some((v) => v.min === 52));
  }));

  it('filters by event and measure, hides population and other counts unless asked, and checks the query', () => withServer(async ({ app }) => {
    const all = (await app.inject('/api/figures')).json<FigureList>().items;
    assert.ok(all.every((f) => f.key.measure !== 'other' && f.key.measure !== 'population'));
    assert.equal((await app.inject('/api/figures?event=orlen')).json<FigureList>().items.length, all.length);
    assert.equal((await app.inject('/api/figures?event=Orlen%20dam')).json<FigureList>().items.length, all.length);
    assert.equal((await app.inject('/api/figures?event=elsewhere')).json<FigureList>().items.length, 0);
    assert.ok((await app.inject('/api/figures?measure=injured')).json<FigureList>().items.every((f) => f.key.measure === 'injured'));
    assert.equal((await app.inject('/api/figures?measure=eaten')).statusCode, 400);
    assert.equal((await app.inject('/api/figures?all=maybe')).statusCode, 400);
  }));

  it('pages the listing at the database: pages in order make the whole listing, and total counts every figure', () => withServer(async ({ app }) => {
    const whole = (await app.inject('/api/figures')).json<FigureList>();
    assert.ok(whole.items.length >= 2, 'the fixture has several figures');
    assert.equal(whole.total, whole.items.length);
    const paged: string[] = [];
    for (let offset = 0; offset < whole.total; offset++) {
      const page = (await app.inject(`/api/figures?limit=1&offset=${offset}`)).json<FigureList>();
      assert.equal(page.total, whole.total);
      assert.equal(page.items.length, 1);
      paged.push(page.items[0]!.id);
    }
    assert.deepEqual(paged, whole.items.map((f) => f.id));
    const past = (await app.inject(`/api/figures?limit=5&offset=${whole.total}`)).json<FigureList>();
    assert.deepEqual([past.total, past.items.length], [whole.total, 0]);
    for (const bad of ['limit=0', 'limit=1001', 'offset=-1', 'limit=abc']) assert.equal((await app.inject(`/api/figures?${bad}`)).statusCode, 400, bad);
  }));

  it('filters values by who states them and by their reports\' publisher and date before paging', () => withServer(async ({ app }) => {
    const whole = (await app.inject('/api/figures')).json<FigureList>();
    const governor = (await app.inject('/api/figures?kind=named')).json<FigureList>();
    assert.ok(governor.items.length > 0 && governor.items.every((f) => f.values.every((v) => v.attributions.length > 0)));
    const post = (await app.inject(`/api/figures?publisher=${encodeURIComponent('Valley Post')}`)).json<FigureList>();
    assert.ok(post.items.length > 0);
    for (const f of post.items) for (const v of f.values) assert.ok(v.reports.some((r) => post.documents[r]?.publisher === 'Valley Post'), `${f.id} ${v.label}`);
    assert.ok(post.total <= whole.total);
    // Only the wire story (15 March) is dated before the 16th: every value left is one it states.
    const early = (await app.inject('/api/figures?to=2022-03-15')).json<FigureList>();
    for (const f of early.items) for (const v of f.values) assert.ok(v.reports.some((r) => early.documents[r]?.published === '2022-03-15'));
    const none = (await app.inject('/api/figures?from=2030')).json<FigureList>();
    assert.deepEqual([none.total, none.items.length], [0, 0]);
    const first = (await app.inject('/api/figures?kind=named&limit=1')).json<FigureList>();
    assert.deepEqual([first.total, first.items.map((f) => f.id)], [governor.total, governor.items.slice(0, 1).map((f) => f.id)]);
    for (const bad of ['from=March', 'to=2022-3-1', 'kind=rumour']) assert.equal((await app.inject(`/api/figures?${bad}`)).statusCode, 400, bad);
  }));

  it('shows one figure with every mention in its sentence, report, attribution and source group', () => withServer(async ({ app, ids }) => {
    const { id } = await killed(app);
    const r = await app.inject(`/api/figures/${id}`);
    assert.equal(r.statusCode, 200);
    const d = r.json<FigureDetail>();
    assert.equal(d.id, id);
    const evidence = d.values.flatMap((v) => v.evidence);
    assert.equal(evidence.length, d.values.reduce((n, v) => n + v.mentions, 0));
    const wire = evidence.find((m) => m.document.id === ids['wire.txt'])!;
    assert.deepEqual([wire.document.title, wire.document.publisher, wire.document.published], ['Dam fails above Vessany', 'Lantern Wire', '2022-03-15']);
    assert.equal(wire.count.attribution?.source, 'the regional governor');
    assert.equal(wire.sourceGroup, ids['wire.txt']);
    assert.equal(evidence.find((m) => m.document.id === ids['reprint.txt'])!.sourceGroup, ids['wire.txt']);
    for (const m of evidence) {
      assert.ok(m.sentence.text.length > 0);
      assert.equal(m.sentence.text.slice(m.highlight.start, m.highlight.end), m.count.quote);
      assert.equal(m.status, 'extracted');
    }
  }));

  it('lists only the best supported values of each figure when asked, saying how many there are', () => withServer(async ({ app }) => {
    const all = (await app.inject('/api/figures')).json<FigureList>();
    const many = all.items.find((f) => f.values.length > 1)!;
    assert.equal(many.valueCount, many.values.length);
    const one = (await app.inject('/api/figures?values=1')).json<FigureList>().items.find((f) => f.id === many.id)!;
    assert.deepEqual(one.values, many.values.slice(0, 1));
    assert.equal(one.valueCount, many.valueCount);
    assert.equal((await app.inject('/api/figures?values=0')).statusCode, 400);
  }));

  it('lists a large figure from its head: the first values and reports, how many there are in all, and the same words; the figure and exports whole', () => withServer(async ({ app, store }) => {
    // Nine rival counts of the same collapse, and six more reprints of the wire story.
    const texts = [
      ...[61, 62, 63, 64, 65, 66, 67, 68, 69].map((n) => `Rescuers said ${n} people were killed when the Orlen dam above Vessany collapsed on 14 March 2022.`),
      ...[1, 2, 3, 4, 5, 6].map((n) => `VESSANY (edition ${n}) — ${REPORTS[0]!.text}`),
    ];
    for (const [i, text] of texts.entries()) {
      const { doc, bytes } = document({ path: `more-${i}.txt`, text, meta: { publisher: `Outlet ${i}`, published: '2022-03-18' } });
      await store.addReport(doc, extract(doc.text, { published: doc.meta.published }), bytes);
    }
    await reconcile(store);
    const whole = await killed(app);
    assert.ok(whole.valueCount > 8 && whole.values.length === whole.valueCount, `${whole.valueCount} values`);
    const wire = whole.values.find((v) => v.min === 37)!;
    assert.ok(wire.reports.length > 5 && wire.reportCount === wire.reports.length);
    const stored = (await store.getRows<{ valueCount?: number }>('figures', { key: whole.id }))[0]!.data;
    assert.equal(stored.valueCount, whole.valueCount, 'stored as a head');

    const list = (await app.inject('/api/figures?values=8&reports=5')).json<FigureList>();
    const head = list.items.find((f) => f.id === whole.id)!;
    assert.equal(head.valueCount, whole.valueCount);
    assert.deepEqual(head.values, whole.values.slice(0, 8).map((v) => ({ ...v, reports: v.reports.slice(0, 5) })));
    assert.ok(head.values.some((v) => v.reportCount > v.reports.length), 'some value lists fewer reports than it has');
    assert.match(head.values.find((v) => v.min === 37)!.phrase, new RegExp(`\\(${wire.reportCount} reports, `));
    for (const id of head.values.flatMap((v) => v.reports)) assert.ok(list.documents[id], 'each listed report is labelled');
    const fewer = (await app.inject('/api/figures?values=2&reports=1')).json<FigureList>().items.find((f) => f.id === whole.id)!;
    assert.deepEqual(fewer.values, whole.values.slice(0, 2).map((v) => ({ ...v, reports: v.reports.slice(0, 1) })));

    const detail = (await app.inject(`/api/figures/${whole.id}`)).json<FigureDetail>();
    assert.equal(detail.values.length, whole.valueCount);
    assert.deepEqual(detail.values.find((v) => v.min === 37)!.reports, wire.reports);
    const exported = (await app.inject('/api/export/figures.json')).json<{ figures: FigureDetail[] }>().figures.find((f) => f.id === whole.id)!;
    assert.equal(exported.values.length, whole.valueCount);
    const csv = (await app.inject('/api/export/figures.csv')).body.split('\r\n').filter((l) => l.startsWith(`${whole.id},`));
    assert.equal(csv.length, whole.values.reduce((n, v) => n + v.mentions, 0), 'a CSV line for every mention of every value');
    assert.equal((await app.inject('/api/figures?reports=-1')).statusCode, 400);
  }));

  it('shows the first mentions of each value when asked for fewer, and refuses a bad number', () => withServer(async ({ app }) => {
    const { id } = await killed(app);
    const d = (await app.inject(`/api/figures/${id}?evidence=1`)).json<FigureDetail>();
    const busiest = d.values.find((v) => v.mentions > 1)!;
    assert.ok(busiest, 'a value stated more than once');
    assert.equal(busiest.evidence.length, 1);
    for (const bad of ['0', '5001', 'all']) assert.equal((await app.inject(`/api/figures/${id}?evidence=${bad}`)).statusCode, 400, bad);
  }));

  it('answers 404 for an unknown figure id', () => withServer(async ({ app }) => {
    const r = await app.inject('/api/figures/doesnotexist');
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().code, 'E_NOT_FOUND');
  }));
});

describe('the rest of the record', () => {
  it('lists events with their reports and figures', () => withServer(async ({ app }) => {
    const e = (await app.inject('/api/events')).json<EventList>();
    assert.equal(e.documents, 4);
    const orlen = e.items.find((x) => x.key === 'orlen')!;
    assert.deepEqual([orlen.reports, orlen.figures > 0], [4, true]);
  }));

  it('gives the timeline with the sentences stating each date and the reports\' labels', () => withServer(async ({ app, ids }) => {
    const t = (await app.inject('/api/timeline')).json<Timeline>();
    const days = t.entries.filter((x) => x.value === '2022-03-14');
    assert.deepEqual([days[0]!.start, days[0]!.end], ['2022-03-14', '2022-03-14']);
    assert.equal(new Set(days.flatMap((d) => d.reports)).size, 4, 'every report states the day');
    assert.ok(days.flatMap((d) => d.statements).every((s) => s.sentenceText.includes('14 March 2022')));
    assert.equal(t.documents[ids['monitor.txt']!]!.publisher, 'Basin Monitor');
  }));

  it('pages the timeline, with the range of all its dates for one axis', () => withServer(async ({ app }) => {
    const all = (await app.inject('/api/timeline')).json<Timeline>();
    assert.ok(all.total >= 2 && all.entries.length === all.total);
    assert.deepEqual(all.range, { start: all.entries.find((e) => e.start)!.start, end: all.entries.map((e) => e.end ?? '').sort().at(-1) });
    const second = (await app.inject('/api/timeline?limit=1&offset=1')).json<Timeline>();
    assert.deepEqual([second.total, second.limit, second.offset, second.entries.length], [all.total, 1, 1, 1]);
    assert.deepEqual(second.entries[0], all.entries[1]);
    assert.deepEqual(second.range, all.range);
    for (const bad of ['limit=0', 'limit=5001', 'offset=-1']) assert.equal((await app.inject(`/api/timeline?${bad}`)).statusCode, 400, bad);
  }));

  it('lists entities with their spellings', () => withServer(async ({ app }) => {
    const e = (await app.inject('/api/entities')).json<EntityList>();
    assert.ok(e.items.some((x) => x.canonical === 'Vessany'));
  }));

  it('gives source groups and the shared passages with their words in both reports', () => withServer(async ({ app, ids }) => {
    const s = (await app.inject('/api/sources')).json<SourcesView>();
    assert.ok(s.groups.some((g) => g.documents.includes(ids['wire.txt']!) && g.documents.includes(ids['reprint.txt']!)));
    assert.equal(s.pairs.total, 1);
    const p = s.pairs.items[0]!.passages[0]!;
    assert.ok(p.words > 20);
    assert.equal(p.a.text, p.b.text.replace(/^VESSANY — /, ''));
    assert.ok(p.a.text.startsWith('The Orlen dam'));
    assert.equal(s.documents[ids['reprint.txt']!]!.name, 'reprint.txt');
    assert.equal((await app.inject('/api/sources?limit=1&offset=1')).json<SourcesView>().pairs.items.length, 0);
    assert.equal((await app.inject('/api/sources?limit=0')).statusCode, 400);
  }));

  it('lists checks, filtered by status, all of them or a page, always with the total', () => withServer(async ({ app, store }) => {
    // Two breakdowns that do not fit their totals, before the record is first built.
    for (const [path, text] of [
      ['parts.txt', 'Officials said 30 people were killed in Vessany on 14 March 2022, among them 25 women and 20 children.'],
      ['parts2.txt', 'A clinic said 12 people were injured in Vessany, including 9 women and 8 children.'],
    ]) {
      const { doc, bytes } = document({ path: path!, text: text!, meta: { published: '2022-03-18' } });
      await store.addReport(doc, extract(doc.text, { published: '2022-03-18' }), bytes);
    }
    const c = await app.inject('/api/checks?status=problem');
    assert.equal(c.statusCode, 200);
    const problems = c.json<CheckList>();
    assert.ok(problems.items.every((x) => x.status === 'problem'));
    assert.equal(problems.total, problems.items.length);
    const every = (await app.inject('/api/checks')).json<CheckList>();
    assert.ok(problems.items.length >= 2, 'the two breakdowns');
    assert.equal(every.total, every.items.length);
    // The overview asks only for the number.
    const none = (await app.inject('/api/checks?limit=0')).json<CheckList>();
    assert.deepEqual([none.total, none.items.length, Object.keys(none.documents).length], [every.total, 0, 0]);
    const first = (await app.inject('/api/checks?limit=1')).json<CheckList>();
    assert.deepEqual([first.items, first.total], [every.items.slice(0, 1), every.total]);
    const past = (await app.inject(`/api/checks?offset=${every.total}`)).json<CheckList>();
    assert.deepEqual([past.items.length, past.total], [0, every.total]);
    assert.equal((await app.inject('/api/checks?status=bad')).statusCode, 400);
    assert.equal((await app.inject('/api/checks?limit=-1')).statusCode, 400);
  }));
});
