/** The overview's publisher and report-date filters: values stated by a matching report, kept in the address. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FigureList } from '../../src/server/api-types.js';
import { DESKTOP, PHONE, servedWithBrowser, unavailable, watchErrors } from './server.case.js';

const skip = unavailable();

describe('overview filters by report', { skip: skip ?? false, timeout: 180_000 }, () => {
  const suite = servedWithBrowser();

  for (const viewport of [DESKTOP, PHONE]) {
    test(`keeps the values some report of the publisher or of the dates states, restored from the address, at ${viewport.width}x${viewport.height}`, async () => {
      const page = await suite.browser.newPage({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
      const errors = watchErrors(page);
      try {
        const list = await (await fetch(`${suite.served.url}/api/figures?values=8`)).json() as FigureList;
        const shown = list.items.filter((f) => !['population', 'other'].includes(f.key.measure));
        const all = shown.flatMap((f) => f.values).length;
        const publisher = Object.values(list.documents).map((d) => d.publisher).find((p): p is string => !!p)!;
        const byPublisher = shown.flatMap((f) => f.values).filter((v) => v.reports.some((r) => list.documents[r]?.publisher === publisher)).length;
        assert.ok(byPublisher > 0 && byPublisher < all, `${byPublisher} of ${all}`);

        await page.goto(suite.served.url);
        await page.locator('li.value').first().waitFor();
        assert.equal(await page.locator('li.value').count(), all);
        await page.locator('form.filters select[name=publisher]').selectOption(publisher);
        await page.waitForFunction(() => location.search.includes('publisher='));
        assert.equal(await page.locator('li.value').count(), byPublisher);
        // A reload restores it from the address.
        await page.reload();
        await page.locator('li.value').first().waitFor();
        assert.equal(await page.locator('form.filters select[name=publisher]').inputValue(), publisher);
        assert.equal(await page.locator('li.value').count(), byPublisher);

        const day = '2021-06-14';
        const onDay = shown.flatMap((f) => f.values).filter((v) => v.reports.some((r) => list.documents[r]?.published?.slice(0, 10) === day)).length;
        await page.goto(`${suite.served.url}/?from=${day}&to=${day}`);
        await page.locator('li.value').first().waitFor();
        assert.equal(await page.locator('li.value').count(), onDay);
        assert.ok(onDay > 0 && onDay < all);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });
  }
});
