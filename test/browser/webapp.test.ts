/** The web app in a real browser (Debian's chromium): what a curator sees and does, and what hostile reports cannot do. */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DocumentList, FigureList } from '../../src/server/api-types.js';
import { SHOTS, launch, serveExamples, unavailable, watchErrors } from './server.case.js';
import type { Served } from './server.case.js';

const skip = unavailable();

describe('the web app', { skip: skip ?? false, timeout: 180_000 }, () => {
  let served: Served;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  let errors: string[] = [];

  const api = async <T>(path: string): Promise<T> => (await fetch(`${served.url}/api/${path}`)).json() as Promise<T>;
  const figureId = async (measure: string, group = 'all') => {
    const list = await api<FigureList>('figures');
    const f = list.items.find((x) => x.key.measure === measure && x.key.group === group);
    assert.ok(f, `a ${measure}/${group} figure`);
    return f.id;
  };
  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serveExamples();
    browser = await launch();
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await ctx.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    errors = watchErrors(page);
  });

  after(async () => {
    await browser?.close();
    await served?.stop();
  });

  test('the overview lists the event and every figure value with who states it and its support', async () => {
    await page.goto(served.url);
    // Measured in the page: from the start of navigation to the figures drawn (a figure for the notes, not a timed assertion).
    const drawn = await (await page.waitForFunction(() => document.querySelector('table.figures') && performance.now())).jsonValue();
    console.log(`# overview of the example corpus drawn ${Math.round(Number(drawn))} ms after navigation started`);
    assert.match(await page.locator('.event h2').first().innerText(), /Kessrin/);
    const values = page.locator('li.value');
    assert.ok(await values.count() >= 8);
    for (const text of await values.allInnerTexts()) {
      // No figure without its attribution: each value says who states it, or that nobody is named.
      assert.match(text, /according to|without attribution/, text);
      assert.match(text, /\d+ reports?, \d+ independent/, text);
    }
    assert.ok(await page.locator('.badge.verdict-diverging').count() >= 1, 'a diverging verdict is shown');
    // overview.png and figure.png, with their charts, are written by charts.test.ts.
  });

  test('a figure leads to every mention in its sentence, then to the report it stands in', async () => {
    await page.goto(served.url);
    const kessrin = page.locator('article.event', { has: page.locator('h2', { hasText: 'Kessrin' }) });
    await kessrin.locator('a.figure-link', { hasText: /^killed$/ }).click();
    await page.locator('.mention').first().waitFor();
    assert.match(await page.locator('h1').innerText(), /killed/);
    const first = page.locator('.mention').first();
    assert.ok((await first.locator('blockquote mark').innerText()).match(/\d/), 'the number is highlighted in its sentence');
    assert.match(await first.locator('.attr').innerText(), /attributed to|own voice/);

    await first.locator('.docref a').click();
    await page.locator('.doc-text').waitFor();
    // The mention followed is selected in the reader, with its extraction beside the text.
    await page.locator('.reader-side h3', { hasText: 'Count' }).waitFor();
    assert.ok(await page.locator('.doc-text mark.hl-count').count() >= 1);
    assert.ok(await page.locator('.doc-text mark.hl-date').count() >= 1);
    assert.match(await page.locator('dl.meta').innerText(), /sha256\s+[0-9a-f]{64}/);
  });

  test('the reader is keyboard-navigable: n steps to the next count or date, Escape closes it', async () => {
    const docs = await api<DocumentList>('documents');
    const wire = docs.items.find((d) => d.name.startsWith('01-'))!;
    await page.goto(`${served.url}/documents/${wire.id}`);
    await page.locator('.doc-text').waitFor();
    await page.keyboard.press('n');
    const focused = await page.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), label: document.activeElement?.getAttribute('aria-label') }));
    assert.equal(focused.role, 'button');
    assert.match(focused.label ?? '', /^(count|date): /);
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    assert.ok(await page.locator('.reader-side .panel h3').count() >= 1);
    await page.screenshot({ path: join(SHOTS, 'reader.png') });
    await page.keyboard.press('Escape');
    await page.locator('.reader-side h3', { hasText: /^Count|^Date/ }).waitFor({ state: 'detached' });
  });

  test('a curator corrects a count with a token: the audit log shows it and the figure changes', async () => {
    const id = await figureId('orphaned', 'children');
    await page.goto(`${served.url}/figures/${id}`);
    const before = await page.locator('.value-block h2 .value-label').first().innerText();
    assert.equal(before, '5');
    await page.locator('.mention .docref a').first().click();
    const panel = page.locator('.reader-side');
    await panel.locator('h3', { hasText: 'Count' }).waitFor();
    await panel.locator('input[value=correct]').check();
    await panel.locator('input[name=min]').fill('6');
    await panel.locator('input[name=max]').fill('6');
    await panel.locator('textarea[name=reason]').fill('The monitor\'s list names six children');

    // A wrong token is refused, with a message, and nothing is saved.
    await panel.locator('input[name=token]').fill('not-a-token');
    await panel.locator('button[type=submit]').click();
    await panel.locator('.error').waitFor();
    assert.match(await panel.locator('.error').innerText(), /token/i);

    await panel.locator('input[name=token]').fill(served.token);
    await panel.locator('button[type=submit]').click();
    await page.locator('.panel.saved').waitFor();
    assert.match(await page.locator('.panel.saved').innerText(), /audit entry #\d+/);
    assert.match(await page.locator('.panel.saved').innerText(), /6 children orphaned/);
    await panel.locator('h3 .badge.status-corrected').waitFor();

    await page.locator('nav a', { hasText: 'Audit log' }).click();
    const row = page.locator('table.audit tbody tr').first();
    await row.waitFor();
    const cells = await row.innerText();
    assert.match(cells, /browser-test/);
    assert.match(cells, /extracted: 5 orphaned/);
    assert.match(cells, /corrected: 6 orphaned/);
    assert.match(cells, /six children/);

    await page.goto(`${served.url}/figures/${id}`);
    assert.equal(await page.locator('.value-block h2 .value-label').first().innerText(), '6');
  });

  test('a curator rejects a date: it leaves the timeline', async () => {
    await page.goto(`${served.url}/timeline`);
    await page.locator('.tl-entry').first().waitFor();
    assert.ok((await page.locator('.tl-date code').allInnerTexts()).includes('2021-06-18'));
    const docs = await api<DocumentList>('documents');
    const monitor = docs.items.find((d) => d.name.startsWith('03-'))!;
    await page.goto(`${served.url}/documents/${monitor.id}`);
    await page.locator('.doc-text mark.hl-date', { hasText: 'on Friday' }).click();
    const panel = page.locator('.reader-side');
    await panel.locator('h3', { hasText: 'Date' }).waitFor();
    await panel.locator('input[value=reject]').check();
    await panel.locator('textarea[name=reason]').fill('The statement was made on Thursday');
    await panel.locator('input[name=token]').fill(served.token);
    await panel.locator('button[type=submit]').click();
    await panel.locator('h3 .badge.status-rejected').waitFor();
    await page.goto(`${served.url}/timeline`);
    await page.locator('.tl-entry').first().waitFor();
    assert.ok(!(await page.locator('.tl-date code').allInnerTexts()).includes('2021-06-18'));
  });

  test('the timeline draws each happening on one axis, vague dates as spans', async () => {
    await page.goto(`${served.url}/timeline`);
    await page.locator('.tl-entry').first().waitFor();
    assert.ok(await page.locator('.tl-entry .bar').count() >= 3);
    assert.ok(await page.locator('.tl-entry .bar.vague').count() >= 1, 'a span such as 13–14 June is drawn as a span');
    const dates = await page.locator('.tl-date code').allInnerTexts();
    assert.deepEqual([...dates].sort(), dates, 'in chronological order');
    await page.screenshot({ path: join(SHOTS, 'timeline.png'), fullPage: true });
  });

  test('search, entities and sources show their results', async () => {
    await page.goto(`${served.url}/search`);
    await page.locator('input[type=search]').fill('"health department"');
    await page.locator('form.search button').click();
    await page.locator('.hits li').first().waitFor();
    assert.match(await page.locator('.hits .snippet mark').first().innerText(), /health|department/i);
    await page.locator('input[type=search]').fill('"unclosed');
    await page.locator('form.search button').click();
    await page.locator('p.error').waitFor();

    await page.goto(`${served.url}/entities`);
    await page.locator('table.entities tbody tr').first().waitFor();
    assert.match(await page.locator('table.entities').innerText(), /Kessrin.*Kesrin|Kesrin.*Kessrin/s);

    await page.goto(`${served.url}/sources`);
    await page.locator('.side-by-side').first().waitFor();
    const [a, b] = await page.locator('.side-by-side').first().locator('blockquote').allInnerTexts();
    assert.ok(a && b && a.length > 40);
  });

  test('reports that carry scripts, event handlers and javascript: links run nothing and show their text', async () => {
    const docs = await api<DocumentList>('documents');
    for (const name of ['90-hostile.txt', '91-hostile.html']) {
      const doc = docs.items.find((d) => d.name === name);
      assert.ok(doc, name);
      await page.goto(`${served.url}/documents/${doc.id}`);
      await page.locator('.doc-text').waitFor();
      await page.keyboard.press('n');
      await page.waitForTimeout(200);
      assert.equal(await page.locator('.doc-text img, .doc-text script, .doc-text a').count(), 0, `${name}: the text made no elements`);
      assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, `${name}: no javascript: link anywhere`);
    }
    assert.match(await page.locator('h1').innerText(), /<img src=x onerror=alert\(1\)>/, 'the hostile title is shown as text');
    const txt = docs.items.find((d) => d.name === '90-hostile.txt')!;
    await page.goto(`${served.url}/documents/${txt.id}`);
    await page.locator('.doc-text').waitFor();
    assert.match(await page.locator('.doc-text').innerText(), /<script>window\.__pwned = 'script'<\/script>/);
    await page.goto(`${served.url}/search?q=pwned`);
    await page.locator('.hits li').first().waitFor();
    assert.equal(await pwned(), null);
    assert.deepEqual(dialogs, []);
  });

  test('at phone width nothing spills sideways and the reader stacks its panel under the text', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    const phoneErrors = watchErrors(phone);
    try {
      for (const path of ['/', '/timeline', '/documents']) {
        await phone.goto(`${served.url}${path}`);
        await phone.locator('main h1').waitFor();
        await phone.waitForLoadState('networkidle');
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${path} is ${overflow}px wider than the screen`);
      }
      const docs = await api<DocumentList>('documents');
      await phone.goto(`${served.url}/documents/${docs.items[0]!.id}`);
      await phone.locator('.doc-text').waitFor();
      const [text, side] = await Promise.all([phone.locator('.doc-text').boundingBox(), phone.locator('.reader-side').boundingBox()]);
      assert.ok(text && side && side.y > text.y + text.height - 1, 'the side panel sits below the text');
      await phone.screenshot({ path: join(SHOTS, 'reader-phone.png') });
      assert.deepEqual(phoneErrors, []);
    } finally {
      await phone.close();
    }
  });

  test('an unknown figure or report says so instead of failing silently', async () => {
    await page.goto(`${served.url}/figures/nope`);
    assert.match(await page.locator('p.error').innerText(), /No figure/);
    await page.goto(`${served.url}/no/such/page`);
    assert.match(await page.locator('h1').innerText(), /Not found/);
    assert.deepEqual(errors, [], 'no script error on any page');
  });
});
