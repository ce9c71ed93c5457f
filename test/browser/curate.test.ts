/** Curating in the browser: a report's metadata, edited with a token, shown everywhere and audited in words. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { DocumentDetail, DocumentList, FigureList, SourcesView } from '../../src/server/api-types.js';
import { DESKTOP, PHONE, SHOTS, launch, serveExamples, unavailable, watchErrors } from './server.case.js';
import type { Served } from './server.case.js';

const skip = unavailable();

describe('curating in the web app', { skip: skip ?? false, timeout: 180_000 }, () => {
  let served: Served;
  let browser: Browser;
  const api = async <T>(path: string): Promise<T> => (await fetch(`${served.url}/api/${path}`)).json() as Promise<T>;
  const docId = async (prefix: string) => (await api<DocumentList>('documents')).items.find((d) => d.name.startsWith(prefix))!.id;
  const open = async (viewport: typeof DESKTOP) => {
    const page = await browser.newPage({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
    return { page, errors: watchErrors(page) };
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
    const tag = viewport === PHONE ? 'phone' : 'desktop';

    test(`edits a report's publisher, author and date: shown in the reader, the reports list and the audit log, the extracted values kept, ${at}`, async () => {
      const { page, errors } = await open(viewport);
      try {
        const id = await docId('02-');
        const extracted = (await api<DocumentDetail>(`documents/${id}`)).extractedMeta ?? (await api<DocumentDetail>(`documents/${id}`)).document.meta;
        await page.goto(`${served.url}/documents/${id}`);
        await page.getByRole('button', { name: 'Edit publisher, author, date' }).click();
        const form = page.locator('form.meta-form');
        await form.locator('input[name=publisher]').fill(`Kessrin Evening Post (${tag})`);
        await form.locator('input[name=author]').fill('Mara Veld');
        await form.locator('input[name=published]').fill('2023-05-15');
        await form.locator('textarea[name=reason]').fill('The masthead names the evening edition');
        await form.locator('input[name=token]').fill(served.token);
        await form.getByRole('button', { name: 'Save metadata' }).click();
        // The desktop run edited this report first: wait for this run's values, not any edit.
        await page.locator('dl.meta', { hasText: `Kessrin Evening Post (${tag})` }).waitFor();
        const meta = await page.locator('dl.meta').innerText();
        assert.match(meta, new RegExp(`publisher\\s+Kessrin Evening Post \\(${tag}\\)`));
        assert.match(meta, /author\s+Mara Veld/);
        assert.match(meta, /published\s+2023-05-15/);
        if (extracted.publisher) assert.ok(meta.includes(`(extracted: ${extracted.publisher})`), meta);
        assert.match(meta, /edited\s+by browser-test on \d{4}-\d\d-\d\d \d\d:\d\d UTC: The masthead names the evening edition/);
        assert.match(await page.locator('.page-head .muted').first().innerText(), new RegExp(`Kessrin Evening Post \\(${tag}\\), 2023-05-15`));
        if (viewport === DESKTOP) await page.screenshot({ path: join(SHOTS, 'meta-edit.png') });

        await page.goto(`${served.url}/documents`);
        const row = page.locator('table.docs tr', { has: page.locator(`a[href="/documents/${id}"]`) });
        assert.match(await row.innerText(), new RegExp(`Kessrin Evening Post \\(${tag}\\)\\s+2023-05-15`));

        await page.goto(`${served.url}/audit`);
        const entry = page.locator('table.audit tbody tr').first();
        const text = await entry.innerText();
        assert.match(text, /edited the metadata/);
        assert.match(text, /the metadata of a report/);
        assert.match(text, new RegExp(`publisher “Kessrin Evening Post \\(${tag}\\)”, author “Mara Veld”, published “2023-05-15”`));
        assert.doesNotMatch(text, /doc:|[{}]/);

        const d = await api<DocumentDetail>(`documents/${id}`);
        assert.equal(d.extractedMeta?.publisher, extracted.publisher);
        assert.equal(d.document.meta.publisher, `Kessrin Evening Post (${tag})`);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });
  }

  /** The "at least 42 killed" value's reports and independent sources, as the API gives them. */
  const support42 = async () => {
    const v = (await api<FigureList>('figures')).items.find((f) => f.key.measure === 'killed' && f.key.group === 'all')!.values.find((x) => x.min === 42 && x.max === null)!;
    return { reports: v.reports.length, independent: v.independent };
  };

  test('marks a "possibly the same source" pair independent: the independent counts follow on the overview; then the same source, at 1280x900 and 390x844', async () => {
    const desk = await open(DESKTOP);
    try {
      const { page, errors } = desk;
      const before = await support42();
      const sources = await api<SourcesView>('sources');
      assert.equal(sources.possible.length, 1, 'the examples hold one pair for review');
      const [a, b] = [sources.possible[0]!.a, sources.possible[0]!.b];
      await page.goto(`${served.url}/sources`);
      const item = page.locator('ul.possible li').first();
      await item.getByRole('button', { name: 'Decide' }).click();
      await item.locator('textarea[name=reason]').fill('Different newsrooms; the reprint credits no wire');
      await item.locator('input[name=token]').fill(served.token);
      await item.getByRole('button', { name: 'Independent' }).click();
      await page.locator('.panel.saved').waitFor();
      assert.match(await page.locator('.panel.saved').innerText(), new RegExp(`decided: independent sources\\); ${sources.groups.length} independent sources now`));
      const decided = page.locator('li.decision-independent');
      await decided.waitFor();
      assert.match(await decided.innerText(), /independent \(by browser-test on .* UTC: Different newsrooms/);
      assert.equal(await page.locator('ul.possible li').count(), 0, 'the pair left the review list');
      // From the top: the saved note and the groups, not a line cut by the sticky header.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, 'sources-decided.png') });
      const after = await support42();
      assert.deepEqual(after, { reports: before.reports, independent: before.independent + 1 });
      // The overview shows the new count.
      await page.goto(served.url);
      const value = page.locator('li.value', { has: page.locator('.value-label', { hasText: /^at least 42$/ }) }).first();
      assert.match(await value.innerText(), new RegExp(`${after.reports} reports?, ${after.independent} independent`));
      await page.goto(`${served.url}/audit`);
      assert.match(await page.locator('table.audit tbody tr').first().innerText(), /decided: independent sources[\s\S]*two reports that share text[\s\S]*not decided[\s\S]*independent[\s\S]*Different newsrooms/);
      assert.deepEqual(errors, []);

      // At phone width: the decision changed to "the same source"; the two reports become one group.
      const phone = await open(PHONE);
      try {
        await phone.page.goto(`${served.url}/sources`);
        const d = phone.page.locator('li.decision').first();
        await d.getByRole('button', { name: 'Change the decision' }).click();
        await d.locator('textarea[name=reason]').fill('The reprint copies the wire story after all');
        await d.locator('input[name=token]').fill(served.token);
        await d.getByRole('button', { name: 'The same source' }).click();
        await phone.page.locator('li.decision-same').waitFor();
        assert.equal((await api<SourcesView>('sources')).groups.length, sources.groups.length - 1);
        assert.ok((await api<SourcesView>('sources')).groups.some((g) => g.documents.includes(a) && g.documents.includes(b)));
        assert.match(await phone.page.locator('ul.groups').innerText(), /=/);
        assert.deepEqual(await support42(), { reports: before.reports, independent: before.independent });
        await phone.page.screenshot({ path: join(SHOTS, 'sources-decided-phone.png'), fullPage: true });
        assert.deepEqual(phone.errors, []);
      } finally { await phone.page.close(); }
    } finally { await desk.page.close(); }
  });
});
