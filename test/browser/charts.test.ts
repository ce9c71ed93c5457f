/** Divergence at a glance and filters, in a real browser: the charts' marks checked against the API's numbers. */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { EventList, FigureDetail, FigureList, FigureValueSummary, Timeline } from '../../src/server/api-types.js';
import { formatRange } from '../../src/server/api/format.js';
import { DESKTOP, PHONE, SHOTS, launch, serveExamples, servedWithBrowser, unavailable, watchErrors } from './server.case.js';
import type { Served } from './server.case.js';

const skip = unavailable();

/** Where the chart puts `v` along its axis, from the scale the chart declares on its svg. */
function expectedAt(v: number, scale: string, domain: number[]): number {
  const [lo, hi] = domain as [number, number];
  return scale === 'log' ? (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : v / hi;
}

/** Every mark of a number line with its data. */
async function numberLine(page: Page, root: string) {
  return page.locator(`${root} figure.number-line`).first().evaluate((fig) => {
    const svg = fig.querySelector('svg')!;
    return {
      scale: svg.dataset.scale!, domain: svg.dataset.domain!.split(',').map(Number), pad: svg.dataset.pad!.split(',').map(Number), width: Number(svg.dataset.width),
      marks: [...svg.querySelectorAll<SVGGElement>('g.nl-value')].map((g) => ({
        min: g.dataset.min === '' ? null : Number(g.dataset.min), max: g.dataset.max === '' ? null : Number(g.dataset.max),
        x1: Number(g.dataset.x1), x2: Number(g.dataset.x2), cls: g.getAttribute('class')!, arrows: g.querySelectorAll('path').length,
        r: g.querySelector('circle') && g.querySelectorAll('line').length === 0 ? Number(g.querySelector('circle')!.getAttribute('r')) : null,
        independent: Number(g.dataset.independent),
      })),
      table: [...fig.querySelectorAll('.sr-only table > tbody > tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    };
  });
}

describe('divergence at a glance', { skip: skip ?? false, timeout: 180_000 }, () => {
  let served: Served;
  let browser: Browser;
  const api = async <T>(path: string): Promise<T> => (await fetch(`${served.url}/api/${path}`)).json() as Promise<T>;
  const open = async (viewport: typeof DESKTOP) => {
    const page = await browser.newPage({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
    return { page, errors: watchErrors(page) };
  };
  const killed = async () => (await api<FigureList>('figures')).items.find((f) => f.key.measure === 'killed' && f.key.group === 'all')!;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serveExamples();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
  });

  /** Holds every mark of a number line to the API's values: bounds, position, open ends, colour, size. */
  const checkLine = (line: Awaited<ReturnType<typeof numberLine>>, values: FigureValueSummary[]) => {
    const stated = values.filter((v) => v.min !== null || v.max !== null);
    assert.equal(line.marks.length, stated.length, 'one mark per value');
    const [padL, padR] = line.pad as [number, number];
    const inner = line.width - padL - padR;
    for (const v of stated) {
      const m = line.marks.find((x) => x.min === v.min && x.max === v.max);
      assert.ok(m, `a mark for ${formatRange(v)}`);
      const x1 = v.min === null ? padL : padL + expectedAt(v.min, line.scale, line.domain) * inner;
      const x2 = v.max === null ? line.width - padR : padL + expectedAt(v.max, line.scale, line.domain) * inner;
      assert.ok(Math.abs(m.x1 - x1) < 0.01 && Math.abs(m.x2 - x2) < 0.01, `${formatRange(v)} drawn from ${m.x1} to ${m.x2}, expected ${x1}–${x2}`);
      assert.equal(m.arrows, Number(v.min === null) + Number(v.max === null), `${formatRange(v)}: an arrow per open end`);
      const cls = v.kinds.includes('official') ? 'official' : v.kinds.includes('unofficial') ? 'unofficial' : v.attributions.length ? 'named' : 'unattributed';
      assert.match(m.cls, new RegExp(`kind-${cls}\\b`), formatRange(v));
      assert.equal(m.independent, v.independent);
    }
    // Larger marks for more independent sources.
    const points = line.marks.filter((m) => m.r !== null).sort((a, b) => a.independent - b.independent);
    for (let i = 1; i < points.length; i++) assert.ok(points[i]!.r! >= points[i - 1]!.r!, 'radius grows with independent sources');
    // The table for screen readers says the same values.
    assert.deepEqual(line.table.map((r) => r[0]).sort(), stated.map((v) => formatRange(v)).sort());
  };

  for (const viewport of [DESKTOP, PHONE]) {
    const at = `at ${viewport.width}x${viewport.height}`;

    test(`the overview draws each figure's values on a number line, as the API gives them, ${at}`, async () => {
      const { page, errors } = await open(viewport);
      try {
        const f = await killed();
        const list = (await api<FigureList>('figures?values=8')).items.find((x) => x.id === f.id)!;
        await page.goto(served.url);
        await page.locator('figure.number-line').first().waitFor();
        const row = `tr:has(a.figure-link[href="/figures/${encodeURIComponent(f.id)}"])`;
        checkLine(await numberLine(page, row), list.values);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${overflow}px wider than the screen`);
        if (viewport === DESKTOP) await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });

    test(`a figure shows its values on a number line and over time by report date, ${at}`, async () => {
      const { page, errors } = await open(viewport);
      try {
        const f = await killed();
        const d = await api<FigureDetail>(`figures/${encodeURIComponent(f.id)}?evidence=50`);
        await page.goto(`${served.url}/figures/${encodeURIComponent(f.id)}`);
        await page.locator('figure.figure-timeline').waitFor();
        checkLine(await numberLine(page, 'section.glance'), d.values);

        const tl = await page.locator('figure.figure-timeline').evaluate((fig) => {
          const svg = fig.querySelector('svg')!;
          return {
            x: svg.dataset.xdomain!.split(',').map(Number), y: svg.dataset.ydomain!.split(',').map(Number), scale: svg.dataset.scale!, box: svg.dataset.box!.split(',').map(Number),
            points: [...svg.querySelectorAll<SVGGElement>('g.tl-point')].map((g) => ({ day: g.dataset.day!, min: g.dataset.min, max: g.dataset.max, x: Number(g.dataset.x), y: Number(g.dataset.y) })),
            series: [...svg.querySelectorAll('polyline')].map((p) => ({ who: p.getAttribute('data-series')!, points: p.getAttribute('points')!.split(' ').map((xy) => xy.split(',').map(Number)) })),
            rows: fig.querySelectorAll('table tbody tr').length,
          };
        });
        const mentions = d.values.flatMap((v) => v.evidence.filter((m) => m.document.published).map((m) => ({ v, m })));
        assert.equal(tl.points.length, mentions.length, 'a point per mention in a dated report');
        assert.equal(tl.rows, mentions.length, 'and a table row for each');
        const [W, H, l, r, t, b] = tl.box as [number, number, number, number, number, number];
        const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
        for (const { v, m } of mentions) {
          const want = m.document.published!.slice(0, 10);
          const p = tl.points.find((q) => q.day === want && q.min === String(v.min ?? '') && q.max === String(v.max ?? ''));
          assert.ok(p, `${formatRange(v)} on ${want}`);
          const x = l + ((day(want) - tl.x[0]!) / (tl.x[1]! - tl.x[0]!)) * (W - l - r);
          const y = H - b - expectedAt((v.min ?? v.max)!, tl.scale, tl.y) * (H - t - b);
          assert.ok(Math.abs(p.x - x) < 0.01 && Math.abs(p.y - y) < 0.01, `${formatRange(v)} on ${want} at (${p.x}, ${p.y}), expected (${x}, ${y})`);
        }
        // A source stating the figure on two report dates is one line through its points, in date order.
        assert.ok(tl.series.length >= 1, 'at least one source is joined across dates');
        for (const s of tl.series) {
          const xs = s.points.map((p) => p[0]!);
          assert.deepEqual([...xs].sort((a, c) => a - c), xs, `${s.who}: in date order`);
          for (const [px, py] of s.points) assert.ok(tl.points.some((p) => Math.abs(p.x - px!) < 0.1 && Math.abs(p.y - py!) < 0.1), `${s.who}: through a point`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${overflow}px wider than the screen`);
        if (viewport === DESKTOP) await page.screenshot({ path: join(SHOTS, 'figure.png'), fullPage: true });
        else await page.screenshot({ path: join(SHOTS, 'figure-phone.png'), fullPage: false });
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });
  }

  for (const viewport of [DESKTOP, PHONE]) test(`overview filters narrow the figures, live in the address and come back on reload, at ${viewport.width}x${viewport.height}`, async () => {
    const { page, errors } = await open(viewport);
    try {
      await page.goto(served.url);
      await page.locator('table.figures').first().waitFor();
      await page.locator('form.filters select[name=kind]').selectOption('official');
      await page.waitForFunction(() => location.search.includes('kind=official'));
      const figures = (await api<FigureList>('figures?values=8')).items;
      const official = figures.filter((f) => f.values.some((v) => v.kinds.includes('official')));
      assert.equal(await page.locator('table.figures > tbody > tr').count(), official.length);
      const labels = await page.locator('li.value .value-label').allInnerTexts();
      assert.deepEqual(labels.sort(), official.flatMap((f) => f.values.filter((v) => v.kinds.includes('official')).map((v) => formatRange(v))).sort());

      await page.locator('form.filters select[name=measure]').selectOption('killed');
      await page.waitForFunction(() => location.search.includes('measure=killed'));
      await page.reload();
      await page.locator('table.figures').first().waitFor();
      assert.equal(await page.locator('form.filters select[name=kind]').inputValue(), 'official');
      assert.equal(await page.locator('form.filters select[name=measure]').inputValue(), 'killed');
      assert.deepEqual(await page.locator('a.figure-link').allInnerTexts(), official.filter((f) => f.key.measure === 'killed').map(() => 'killed'));

      // The hidden measures behind a toggle.
      await page.goto(served.url);
      await page.locator('table.figures').first().waitFor();
      const before = await page.locator('a.figure-link').allInnerTexts();
      assert.ok(!before.some((t) => /^(other|population)/.test(t)));
      await page.locator('form.filters input[name=all]').check();
      await page.waitForFunction(() => location.search.includes('all=1'));
      await page.locator('a.figure-link', { hasText: /^(other|population)/ }).first().waitFor();
      const withAll = (await api<FigureList>('figures?all=true')).items.length;
      assert.equal(await page.locator('a.figure-link').count(), withAll);

      // The incident: one event's figures only, restored from the address.
      const events = (await api<EventList>('events')).items.filter((e) => e.key !== '(unassigned)');
      assert.ok(events.length >= 2, 'the examples hold several incidents');
      const ev = events[1]!;
      const ofEvent = (await api<FigureList>(`figures?event=${encodeURIComponent(ev.key)}`)).items;
      assert.ok(ofEvent.length > 0 && ofEvent.length < figures.length);
      await page.goto(served.url);
      await page.locator('table.figures').first().waitFor();
      await page.locator('form.filters select[name=event]').selectOption(ev.key);
      await page.waitForFunction(() => location.search.includes('event='));
      await page.waitForFunction((n) => document.querySelectorAll('article.event').length === 1 && document.querySelectorAll('a.figure-link').length === n, ofEvent.length);
      assert.deepEqual(await page.locator('article.event h2').allInnerTexts(), [ev.label]);
      await page.reload();
      await page.locator('table.figures').first().waitFor();
      assert.equal(await page.locator('form.filters select[name=event]').inputValue(), ev.key);
      assert.equal(await page.locator('a.figure-link').count(), ofEvent.length);
      assert.deepEqual(errors, []);
    } finally { await page.close(); }
  });

  for (const viewport of [DESKTOP, PHONE]) test(`a figure's publisher, report-date and kind filters narrow its mentions and charts, and survive a reload, at ${viewport.width}x${viewport.height}`, async () => {
    const { page, errors } = await open(viewport);
    try {
      const f = await killed();
      const d = await api<FigureDetail>(`figures/${encodeURIComponent(f.id)}?evidence=50`);
      const all = d.values.flatMap((v) => v.evidence);
      const publisher = all.map((m) => m.document.publisher).find((p): p is string => !!p)!;
      await page.goto(`${served.url}/figures/${encodeURIComponent(f.id)}`);
      await page.locator('.mention').first().waitFor();
      assert.equal(await page.locator('.mention').count(), all.length);
      await page.locator('form.filters select[name=publisher]').selectOption(publisher);
      await page.waitForFunction(() => location.search.includes('publisher='));
      const mine = all.filter((m) => m.document.publisher === publisher);
      assert.equal(await page.locator('.mention').count(), mine.length);
      assert.equal(await page.locator('g.tl-point').count(), mine.filter((m) => m.document.published).length);

      await page.goto(`${served.url}/figures/${encodeURIComponent(f.id)}?from=2021-06-16&to=2021-06-18`);
      await page.locator('.mention').first().waitFor();
      const inRange = all.filter((m) => { const p = m.document.published?.slice(0, 10); return p !== undefined && p >= '2021-06-16' && p <= '2021-06-18'; });
      assert.ok(inRange.length > 0 && inRange.length < all.length);
      assert.equal(await page.locator('.mention').count(), inRange.length);
      assert.equal(await page.locator('form.filters input[name=from]').inputValue(), '2021-06-16');

      // Stated by: a named source, then the report's own voice; each kept in the address.
      const named = d.values.flatMap((v) => v.evidence.filter((m) => m.count.attribution !== null));
      const own = d.values.flatMap((v) => v.evidence.filter((m) => m.count.attribution === null));
      assert.ok(named.length > 0 && own.length > 0, 'the figure has attributed and unattributed mentions');
      await page.goto(`${served.url}/figures/${encodeURIComponent(f.id)}`);
      await page.locator('.mention').first().waitFor();
      await page.locator('form.filters select[name=kind]').selectOption('named');
      await page.waitForFunction(() => location.search.includes('kind=named'));
      assert.equal(await page.locator('.mention').count(), named.length);
      assert.equal(await page.locator('.mention .attr', { hasText: 'own voice' }).count(), 0);
      await page.goto(`${served.url}/figures/${encodeURIComponent(f.id)}?kind=unattributed`);
      await page.locator('.mention').first().waitFor();
      assert.equal(await page.locator('form.filters select[name=kind]').inputValue(), 'unattributed');
      assert.equal(await page.locator('.mention').count(), own.length);
      assert.deepEqual(await page.locator('article.value-block h2 .value-label').allInnerTexts(),
        d.values.filter((v) => v.evidence.some((m) => m.count.attribution === null)).map((v) => formatRange(v)));
      assert.deepEqual(errors, []);
    } finally { await page.close(); }
  });
});

describe('timeline filters', { skip: skip ?? false, timeout: 120_000 }, () => {
  const suite = servedWithBrowser();

  for (const viewport of [DESKTOP, PHONE]) {
    test(`the timeline narrows to a publisher and a date range kept in the address, at ${viewport.width}x${viewport.height}`, async () => {
      const page = await suite.browser.newPage({ viewport, isMobile: viewport === PHONE });
      const errors = watchErrors(page);
      try {
        const t = await (await fetch(`${suite.served.url}/api/timeline`)).json() as import('../../src/server/api-types.js').Timeline;
        await page.goto(`${suite.served.url}/timeline`);
        await page.locator('.tl-entry').first().waitFor();
        assert.equal(await page.locator('.tl-entry').count(), t.entries.length);
        const publisher = Object.values(t.documents).map((d) => d.publisher).find((p): p is string => !!p)!;
        await page.locator('form.filters select[name=publisher]').selectOption(publisher);
        await page.waitForFunction(() => location.search.includes('publisher='));
        const byPublisher = t.entries.filter((e) => e.statements.some((s) => t.documents[s.doc]?.publisher === publisher));
        // The server filters: the page shows its answer once it comes.
        await page.waitForFunction((n) => document.querySelectorAll('.tl-entry').length === n, byPublisher.length);

        await page.goto(`${suite.served.url}/timeline?from=2021-06-14&to=2021-06-15`);
        await page.locator('.tl-entry').first().waitFor();
        const inRange = t.entries.filter((e) => e.start && e.end && e.end >= '2021-06-14' && e.start <= '2021-06-15');
        assert.ok(inRange.length > 0 && inRange.length < t.entries.length);
        assert.deepEqual(await page.locator('.tl-date code').allInnerTexts(), inRange.map((e) => e.value));
        assert.equal(await page.locator('form.filters input[name=to]').inputValue(), '2021-06-15');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${overflow}px wider than the screen`);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });

    test(`the timeline narrows to an incident, report dates and who states the counts, restored from the address, at ${viewport.width}x${viewport.height}`, async () => {
      const page = await suite.browser.newPage({ viewport, isMobile: viewport === PHONE });
      const errors = watchErrors(page);
      const api = async <T>(path: string): Promise<T> => (await fetch(`${suite.served.url}/api/${path}`)).json() as Promise<T>;
      const codes = () => page.locator('.tl-date code').allInnerTexts();
      const shows = (want: Timeline) => page.waitForFunction((n) => document.querySelectorAll('.tl-entry').length === n, want.entries.length);
      try {
        const all = await api<Timeline>('timeline?limit=300');
        const ev = (await api<EventList>('events')).items.find((e) => e.key !== '(unassigned)')!;
        const ofEvent = await api<Timeline>(`timeline?limit=300&event=${encodeURIComponent(ev.key)}`);
        assert.ok(ofEvent.total > 0 && ofEvent.total < all.total, 'the incident narrows the timeline');
        await page.goto(`${suite.served.url}/timeline`);
        await page.locator('.tl-entry').first().waitFor();
        await page.locator('form.filters select[name=event]').selectOption(ev.key);
        await page.waitForFunction(() => location.search.includes('event='));
        await shows(ofEvent);
        assert.deepEqual(await codes(), ofEvent.entries.map((e) => e.value));
        assert.match(await page.locator('header.page-head p.muted').innerText(), new RegExp(`^${ofEvent.total} dated happenings? pass the filters;`));

        // Report dates, distinct from the happenings' range; restored from the address.
        const dates = [...new Set(Object.values(all.documents).map((d) => d.published?.slice(0, 10)).filter((x): x is string => !!x))].sort();
        const [lo, hi] = [dates[0]!, dates[Math.floor(dates.length / 2)]!];
        const byDate = await api<Timeline>(`timeline?limit=300&from=${lo}&to=${hi}`);
        assert.ok(byDate.total > 0 && byDate.total < all.total, 'report dates narrow the timeline');
        await page.goto(`${suite.served.url}/timeline?reportsFrom=${lo}&reportsTo=${hi}`);
        await shows(byDate);
        assert.deepEqual(await codes(), byDate.entries.map((e) => e.value));
        assert.equal(await page.locator('form.filters input[name=reportsFrom]').inputValue(), lo);
        assert.equal(await page.locator('form.filters input[name=from]').inputValue(), '', 'the happenings\' range is not set');

        // Who states the counts: entries without counts drop out.
        const named = await api<Timeline>('timeline?limit=300&kind=named');
        assert.ok(named.total > 0 && named.total < all.total && named.entries.every((e) => e.counts.some((c) => c.count.attribution !== null)));
        await page.goto(`${suite.served.url}/timeline?kind=named`);
        await shows(named);
        assert.equal(await page.locator('form.filters select[name=kind]').inputValue(), 'named');
        await page.locator('form.filters select[name=kind]').selectOption('unattributed');
        await page.waitForFunction(() => location.search.includes('kind=unattributed'));
        await shows(await api<Timeline>('timeline?limit=300&kind=unattributed'));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${overflow}px wider than the screen`);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });
  }
});
