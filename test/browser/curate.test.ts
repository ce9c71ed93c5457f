/** Curating in the browser: a report's metadata, edited with a token, shown everywhere and audited in words. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { DocumentDetail, DocumentList } from '../../src/server/api-types.js';
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
        await page.locator('.meta-edited').waitFor();
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
});
