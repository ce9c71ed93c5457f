/** Defects a new user found (issue 14), each held in a real browser at desktop and phone widths. */
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DocumentDetail, DocumentList, FigureList } from '../../src/server/api-types.js';
import { DESKTOP, PHONE, launch, serveExamples, unavailable, watchErrors } from './server.case.js';
import type { Served } from './server.case.js';

const skip = unavailable();

describe('defects of the web app', { skip: skip ?? false, timeout: 180_000 }, () => {
  let served: Served;
  let browser: Browser;
  const api = async <T>(path: string): Promise<T> => (await fetch(`${served.url}/api/${path}`)).json() as Promise<T>;
  const docId = async (prefix: string) => (await api<DocumentList>('documents')).items.find((d) => d.name.startsWith(prefix))!.id;
  /** A fresh page at `viewport` and the errors it reports. */
  const open = async (viewport: typeof DESKTOP) => {
    const page = await browser.newPage({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
    return { page, errors: watchErrors(page) };
  };
  /** Opens the reader of `prefix` and clicks the count whose words are `quote`. */
  const pickCount = async (page: Page, prefix: string, quote: string) => {
    await page.goto(`${served.url}/documents/${await docId(prefix)}`);
    await page.locator('.doc-text mark.hl-count', { hasText: quote }).first().click();
    await page.locator('.reader-side h3', { hasText: 'Count' }).waitFor();
    return page.locator('.reader-side dl').first().innerText();
  };

  before(async () => {
    served = await serveExamples();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    const at = `at ${viewport.width}x${viewport.height}`;

    test(`writes "at least 42" and "more than 120" as the reading table reads them back, ${at}`, async () => {
      const { page, errors } = await open(viewport);
      try {
        const wire = await pickCount(page, '01-', 'at least 42');
        assert.match(wire, /value\s+at least 42\b/);
        assert.doesNotMatch(wire, /more than 42/);
        const monitor = await pickCount(page, '03-', 'More than 120');
        assert.match(monitor, /value\s+more than 120\b/);
        assert.doesNotMatch(monitor, /more than 121/);
        const briefing = await pickCount(page, '04-', 'Between 15 and 20');
        assert.match(briefing, /value\s+between 15 and 20\b/);
        await page.goto(served.url);
        await page.locator('table.figures').first().waitFor();
        const labels = await page.locator('li.value .value-label').allInnerTexts();
        for (const want of ['at least 42', 'more than 120', 'between 15 and 20', 'dozens', 'up to 70']) assert.ok(labels.includes(want), `${want} in ${labels.join(' | ')}`);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });

    test(`the sources page does not call two reports that share passages unshared, nor draw their pair twice, ${at}`, async () => {
      const { page, errors } = await open(viewport);
      try {
        await page.goto(`${served.url}/sources`);
        await page.locator('article.pair').first().waitFor();
        const text = await page.locator('main').innerText();
        // Seven reports (five examples, two hostile); the wire story and its reprint share passages: five share none.
        assert.equal((await api<DocumentList>('documents')).total, 7);
        assert.match(text, /\b5 reports share no passage with any other/);
        const pairs = await page.locator('article.pair').count();
        const view = await api<{ pairs: { items: unknown[] } }>('sources');
        assert.equal(pairs, view.pairs.items.length, 'each pair drawn once');
        assert.equal(await page.locator('ul.possible li').count(), 1, 'the possible pair is named, pointing at its passages');
        const wire = await docId('01-');
        await page.goto(`${served.url}/documents/${wire}`);
        await page.locator('.doc-text').waitFor();
        assert.doesNotMatch(await page.locator('.reader-side').innerText(), /shares no passage/);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });

    test(`a figure page marks the overview in the menu, not the reports, and no page breaks the CSP, ${at}`, async () => {
      const { page, errors } = await open(viewport);
      try {
        const f = (await api<FigureList>('figures')).items[0]!;
        await page.goto(`${served.url}/figures/${encodeURIComponent(f.id)}`);
        await page.locator('.value-block').first().waitFor();
        assert.deepEqual(await page.locator('nav a.active').allInnerTexts(), ['Overview']);
        for (const path of ['/', '/documents', '/timeline', '/entities', '/sources', '/checks', '/search', '/audit']) {
          await page.goto(`${served.url}${path}`);
          await page.locator('main h1').waitFor();
          await page.waitForLoadState('networkidle');
        }
        assert.deepEqual(errors, [], 'no CSP violation (the favicon) or script error');
      } finally { await page.close(); }
    });
  }

  test('at phone width the header leaves the screen to the text and a tapped highlight opens its panel in view', async () => {
    const { page, errors } = await open(PHONE);
    try {
      await page.goto(`${served.url}/documents/${await docId('03-')}`);
      await page.locator('.doc-text').waitFor();
      const header = (await page.locator('header.top').boundingBox())!;
      assert.ok(header.height <= 100, `the header is ${header.height}px tall`);
      // Tap a count far down the text: its panel must be on screen, and the words above it.
      const marks = page.locator('.doc-text mark.hl-count');
      const last = marks.last();
      await last.scrollIntoViewIfNeeded();
      await last.tap();
      await page.locator('.reader-side .sheet h3', { hasText: 'Count' }).waitFor();
      await page.waitForTimeout(100);
      const [panel, mark, top] = await Promise.all([
        page.locator('.reader-side .sheet').boundingBox(),
        last.boundingBox(),
        page.locator('header.top').boundingBox(),
      ]);
      assert.ok(panel && panel.y < PHONE.height && panel.y + panel.height <= PHONE.height + 1, `panel at ${panel?.y}`);
      assert.ok(panel.height <= PHONE.height * 0.55, 'the panel leaves the text visible');
      assert.ok(mark && mark.y >= 0 && mark.y + mark.height <= panel.y, `the tapped words (y ${mark?.y}) stay above the panel (y ${panel.y})`);
      assert.ok(!top || top.y + top.height <= mark.y, 'the header does not cover the words');
      // Stepping with the keyboard keeps each item above the panel too.
      await page.keyboard.press('n');
      await page.waitForTimeout(100);
      const focused = await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, sheet: document.querySelector('.reader-side .sheet')!.getBoundingClientRect().top };
      });
      assert.ok(focused.top >= 0 && focused.bottom <= focused.sheet, JSON.stringify(focused));
      await page.locator('.reader-side .sheet .close').tap();
      await page.locator('.reader-side .sheet').waitFor({ state: 'detached' });
      assert.deepEqual(errors, []);
    } finally { await page.close(); }
  });

  for (const viewport of [DESKTOP, PHONE]) test(`reviews and the audit log speak in words: no JSON, internal keys or account names, at ${viewport.width}x${viewport.height}`, async () => {
    const { page, errors } = await open(viewport);
    try {
      const wire = await docId('01-');
      const detail = await api<DocumentDetail>(`documents/${wire}`);
      const c = detail.counts.find((x) => x.extracted.min === 42)!;
      await page.goto(`${served.url}/documents/${wire}#at-${c.extracted.span.start}`);
      const panel = page.locator('.reader-side');
      await panel.locator('h3', { hasText: 'Count' }).waitFor();
      await panel.locator('input[value=correct]').check();
      await panel.locator('input[name=min]').fill('43');
      await panel.locator('textarea[name=reason]').fill('A later bulletin names 43');
      await panel.locator('input[name=token]').fill(served.token);
      await panel.locator('button[type=submit]').click();
      await page.locator('.panel.saved').waitFor();
      assert.match(await page.locator('.panel.saved').innerText(), /\(corrected by browser-test\)/);
      const reviews = await panel.locator('ol.reviews').innerText();
      assert.match(reviews, /corrected as at least 43 killed by browser-test, \d{4}-\d\d-\d\d \d\d:\d\d UTC: A later bulletin names 43/);
      assert.doesNotMatch(reviews, /[{}"]/);

      await page.goto(`${served.url}/audit`);
      await page.locator('table.audit tbody tr').first().waitFor();
      const log = await page.locator('table.audit').innerText();
      assert.doesNotMatch(log, /doc:|#count:|[{}]|"id"|cli:/);
      assert.ok(!log.includes(userInfo().username) || userInfo().username === 'browser-test', 'no account name of the machine');
      assert.match(log, /the count “killed” at characters \d+–\d+ of a report/);
      assert.match(log, /administrator \(command line\)\s+created a token\s+token #\d+\s+—\s+token “browser-test”/);
      assert.match(log, /extracted: at least 42 killed\s+corrected: at least 43 killed/);
      await page.locator('table.audit a', { hasText: 'a report' }).first().click();
      await page.locator('.reader-side h3', { hasText: 'Count' }).waitFor();
      assert.deepEqual(errors, []);
    } finally { await page.close(); }
  });
});
