/** API: the timeline's filters (incident, publisher, report dates, attribution kind), applied before paging. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventList, Timeline, TimelineEntry } from './api-types.js';
import { withServer } from './fixtures.case.js';

type App = Parameters<Parameters<typeof withServer>[0]>[0]['app'];

const get = async (app: App, q: string) => {
  const r = await app.inject(`/api/timeline?${q}`);
  assert.equal(r.statusCode, 200, `${q}: ${r.body}`);
  return r.json<Timeline>();
};

/** An entry's identity across responses: its value and first sentence. */
const id = (e: TimelineEntry) => `${e.value}\t${e.start}\t${e.statements.map((s) => `${s.doc}:${s.sentence.start}`).join(',')}`;

describe('timeline filters', () => {
  it('keeps only the statements of a publisher\'s reports, and the entries left with one', () => withServer(async ({ app, ids }) => {
    const all = await get(app, '');
    const t = await get(app, 'publisher=Basin%20Monitor');
    const want = all.entries.filter((e) => e.statements.some((s) => s.doc === ids['monitor.txt']));
    assert.ok(want.length > 0 && want.length < all.total, 'the filter narrows');
    assert.equal(t.total, want.length);
    assert.ok(t.entries.every((e) => e.statements.every((s) => s.doc === ids['monitor.txt']) && e.reports.every((r) => r === ids['monitor.txt'])));
    assert.equal((await get(app, 'publisher=No%20such%20paper')).total, 0);
  }));

  it('keeps the statements of reports published within from–to (days, months or years)', () => withServer(async ({ app, ids }) => {
    const all = await get(app, '');
    const early = new Set([ids['wire.txt'], ids['reprint.txt']]);
    const t = await get(app, 'from=2022-03-15&to=2022-03-16');
    assert.equal(t.total, all.entries.filter((e) => e.statements.some((s) => early.has(s.doc))).length);
    assert.ok(t.total > 0 && t.entries.every((e) => e.statements.every((s) => early.has(s.doc))));
    assert.equal((await get(app, 'from=2022-03')).total, all.total, 'every report is of March 2022');
    assert.equal((await get(app, 'to=2021')).total, 0);
  }));

  it('keeps entries with a count of the attribution kind, and none without counts', () => withServer(async ({ app }) => {
    const all = await get(app, '');
    const named = await get(app, 'kind=named');
    const own = await get(app, 'kind=unattributed');
    assert.equal(named.total, all.entries.filter((e) => e.counts.some((c) => c.count.attribution !== null)).length);
    assert.equal(own.total, all.entries.filter((e) => e.counts.some((c) => c.count.attribution === null)).length);
    assert.ok(named.total > 0, 'the corpus has attributed counts in dated sentences');
    assert.ok(named.entries.every((e) => e.counts.length > 0));
    assert.ok(all.entries.some((e) => e.counts.length === 0), 'the corpus has dated sentences without counts');
  }));

  it('keeps the entries of an incident, by key or by words of its label', () => withServer(async ({ app }) => {
    const events = (await app.inject('/api/events')).json<EventList>().items.filter((e) => e.key !== '(unassigned)');
    const all = await get(app, '');
    const ev = events[0]!;
    const byKey = await get(app, `event=${encodeURIComponent(ev.key)}`);
    assert.ok(byKey.total > 0 && byKey.total <= all.total);
    assert.deepEqual((await get(app, `event=${encodeURIComponent(ev.label.toUpperCase())}`)).entries.map(id), byKey.entries.map(id));
    assert.equal((await get(app, 'event=no-such-incident')).total, 0);
  }));

  it('pages the entries that pass, with how many pass in all', () => withServer(async ({ app }) => {
    const whole = await get(app, 'from=2022-03-15&to=2022-03-16');
    assert.ok(whole.total >= 2, 'two entries to page');
    const second = await get(app, 'from=2022-03-15&to=2022-03-16&limit=1&offset=1');
    assert.deepEqual([second.total, second.entries.length, second.limit, second.offset], [whole.total, 1, 1, 1]);
    assert.equal(id(second.entries[0]!), id(whole.entries[1]!));
    assert.equal((await get(app, `from=2022-03-15&to=2022-03-16&offset=${whole.total}`)).entries.length, 0);
  }));

  it('refuses a bad filter value with 400', () => withServer(async ({ app }) => {
    for (const bad of ['kind=official-ish', 'from=15-03-2022', 'to=2022-3-1', 'from=2022-03-15T00:00', `event=${'x'.repeat(201)}`, `publisher=${'p'.repeat(501)}`]) {
      const r = await app.inject(`/api/timeline?${bad}`);
      assert.equal(r.statusCode, 400, bad);
      assert.equal(r.json<{ code: string }>().code, 'E_BAD_INPUT', bad);
    }
  }));
});
