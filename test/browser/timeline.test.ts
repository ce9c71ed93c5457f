/** The timeline: its default span where the dates cluster, an axis that stays in view, rows with the dated phrase and the sentence on demand. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Timeline } from '../../src/server/api-types.js';
import { clusterSpan, datedPhrase } from '../../web/src/timeline-span.ts';
import { DESKTOP, PHONE, servedWithBrowser, unavailable, watchErrors } from './server.case.js';

const skip = unavailable();

describe('the timeline', { skip: skip ?? false, timeout: 180_000 }, () => {
  const suite = servedWithBrowser();

  for (const viewport of [DESKTOP, PHONE]) {
    test(`opens on the span where the dates cluster, keeps its axis in view, and shows each row's dated phrase with the sentence on demand, at ${viewport.width}x${viewport.height}`, async () => {
      const page = await suite.browser.newPage({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
      const errors = watchErrors(page);
      try {
        const t = await (await fetch(`${suite.served.url}/api/timeline`)).json() as Timeline;
        const span = clusterSpan(t.entries, t.range);
        assert.ok(span, 'the examples cluster in a few days of a month');
        await page.goto(`${suite.served.url}/timeline`);
        await page.locator('.tl-entry').first().waitFor();
        assert.match(await page.locator('.span-note').innerText(), new RegExp(`axis shows ${span.start} to ${span.end}, where most dates fall`));
        // Every happening is still listed; those beyond the span are marked at its edge.
        assert.equal(await page.locator('.tl-entry').count(), t.entries.length);
        const beyond = t.entries.filter((e) => e.start && e.end && (e.end < span.start || e.start > span.end)).length;
        assert.equal(await page.locator('.tl-entry .beyond').count(), beyond);
        const ticks = await page.locator('.axis span').allInnerTexts();
        assert.ok(ticks.length >= 2, ticks.join(' '));
        // The axis runs to the end of its last day, which is where the next day's tick would stand.
        const edge = new Date(Date.parse(`${span.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        for (const k of ticks) assert.ok(`2021-${k}` >= span.start && `2021-${k}` <= edge, `${k} inside ${span.start}..${span.end}`);

        // Rows: the dated phrase; the sentence only when asked for.
        const first = page.locator('.tl-entry').first();
        const e0 = t.entries[0]!;
        assert.equal(await first.locator('.tl-phrase').innerText(), datedPhrase(e0.sentenceText, e0.statements[0]!.date.quote));
        assert.equal(await first.locator('.tl-sentence p').isVisible(), false);
        await first.locator('.tl-sentence summary').click();
        assert.equal(await first.locator('.tl-sentence p').innerText(), e0.sentenceText);

        // Scrolled to the last row, the axis is still on screen, below the header when the header stays.
        await page.locator('.tl-entry').last().scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const pos = await page.evaluate(() => {
          const a = document.querySelector('.axis')!.getBoundingClientRect();
          const top = document.querySelector('header.top')!;
          const under = getComputedStyle(top).position === 'sticky' ? top.getBoundingClientRect().bottom : 0;
          return { top: a.top, bottom: a.bottom, under, height: window.innerHeight, scrolled: window.scrollY };
        });
        assert.ok(pos.scrolled > 0, 'the page scrolled');
        assert.ok(pos.top >= pos.under - 1 && pos.bottom <= pos.height, JSON.stringify(pos));

        // The whole range on request, kept in the address.
        await page.getByRole('button', { name: /Show the whole range/ }).click();
        await page.waitForFunction(() => location.search.includes('from='));
        assert.equal(await page.locator('.span-note').count(), 0);
        assert.equal(await page.locator('.tl-entry .beyond').count(), 0);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });
  }
});
