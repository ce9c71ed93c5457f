/** Search results open the report at the match: scrolled to, and highlighted without touching the text. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE, servedWithBrowser, unavailable, watchErrors } from './server.case.js';

const skip = unavailable();

describe('search in the web app', { skip: skip ?? false, timeout: 180_000 }, () => {
  const suite = servedWithBrowser();

  for (const viewport of [DESKTOP, PHONE]) {
    test(`a hit opens the report with its match highlighted and in view, at ${viewport.width}x${viewport.height}`, async () => {
      const page = await suite.browser.newPage({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
      const errors = watchErrors(page);
      try {
        await page.goto(`${suite.served.url}/search?q=${encodeURIComponent('"families have returned"')}`);
        const hit = page.locator('ol.hits li a').first();
        await hit.click();
        await page.locator('.find-note').waitFor();
        assert.match(await page.locator('.find-note').innerText(), /“families have returned” is highlighted/i);
        const shown = await page.evaluate(() => {
          const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('search-match');
          const range = h ? [...h][0] : undefined;
          if (!range) return null;
          const r = range.getBoundingClientRect();
          const top = document.querySelector('.top')!.getBoundingClientRect().bottom;
          return { text: range.toString(), inView: r.top >= top && r.bottom <= window.innerHeight, inText: document.querySelector('.doc-text')!.contains(range.startContainer) };
        });
        assert.deepEqual(shown, { text: 'families have returned', inView: true, inText: true });
        // The text itself is unchanged: no element was added for the match.
        assert.equal(await page.locator('.doc-text mark', { hasText: 'families have returned' }).count(), 0);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });

    test(`the count of hits is worded for one and for several, at ${viewport.width}x${viewport.height}`, async () => {
      const page = await suite.browser.newPage({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
      const errors = watchErrors(page);
      const hits = async (q: string) => ((await (await fetch(`${suite.served.url}/api/search?q=${encodeURIComponent(q)}`)).json()) as { items: unknown[] }).items.length;
      try {
        // "monitors" stands in one example report only; "killed" in several.
        for (const [q, n] of [['monitors', 1], ['killed', 0]] as const) {
          const want = await hits(q);
          if (n === 1) assert.equal(want, 1, `one report holds “${q}”`);
          else assert.ok(want > 1, `several reports hold “${q}”`);
          await page.goto(`${suite.served.url}/search?q=${encodeURIComponent(q)}`);
          await page.locator('ol.hits li').first().waitFor();
          assert.equal(await page.locator('ol.hits li').count(), want);
          const note = await page.locator('section p.muted', { hasText: 'best match' }).innerText();
          assert.match(note, want === 1 ? /^1 best match\.$/ : new RegExp(`^${want} best matches( \\(among the most recent of many\\))?\\.$`));
        }
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });
  }
});
