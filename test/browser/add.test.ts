/** Adding reports in the browser: files dropped or picked (progress per file, refusals with their reasons) and a page by address. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DocumentDetail, DocumentList } from '../../src/server/api-types.js';
import { DESKTOP, PHONE, SHOTS, launch, serveExamples, unavailable, watchErrors } from './server.case.js';
import type { Served } from './server.case.js';

const skip = unavailable();

/** Two invented reports and one file that is binary junk, distinct per run (`tag`). */
function files(tag: string) {
  return [
    { name: `kessrin-${tag}-clinic.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Clinic note (${tag})\n\nOn 12 May 2023 the clinic in Kessrin said 9 people were injured in the night's shelling.\n`) },
    { name: `kessrin-${tag}-council.md`, mimeType: 'text/markdown', buffer: Buffer.from(`---\ntitle: Council statement ${tag}\npublisher: Kessrin Council\n---\n\nThe council said 4 people were killed in Kessrin on 12 May 2023.\n`) },
    { name: `kessrin-${tag}-junk.txt`, mimeType: 'text/plain', buffer: Buffer.from(Array.from({ length: 800 }, (_, i) => (i * 131 + 7) % 256)) },
  ];
}

describe('adding reports in the web app', { skip: skip ?? false, timeout: 180_000 }, () => {
  let served: Served;
  let browser: Browser;
  let site: Server;
  let siteUrl: string;
  const api = async <T>(path: string): Promise<T> => (await fetch(`${served.url}/api/${path}`)).json() as Promise<T>;
  const open = async (viewport: typeof DESKTOP) => {
    const page = await browser.newPage({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
    return { page, errors: watchErrors(page) };
  };
  const withToken = async (page: Page) => {
    await page.goto(`${served.url}/add`);
    await page.locator('input[name=token]').fill(served.token);
  };

  before(async () => {
    // A page to fetch, on this machine: the server under test is started with --allow-private.
    site = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>Kessrin relief update ${req.url}</title></head><body><article><p>The relief committee said on 13 May 2023 that 300 families were displaced from Kessrin.</p></article></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    served = await serveExamples({ allowPrivate: true });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
    site?.closeAllConnections();
    await new Promise((resolve) => site?.close(resolve));
  });

  for (const viewport of [DESKTOP, PHONE]) {
    const at = `at ${viewport.width}x${viewport.height}`;
    const tag = viewport === PHONE ? 'phone' : 'desk';

    test(`uploads two good files and one bad: the good ones are added and appear, the bad one shows its reason, ${at}`, async () => {
      const { page, errors } = await open(viewport);
      try {
        await withToken(page);
        const [good1, good2, bad] = files(tag);
        if (viewport === DESKTOP) {
          // Dropped on the drop zone, as a user drags them from a file manager.
          const dt = await page.evaluateHandle((fs) => {
            const d = new DataTransfer();
            for (const f of fs) d.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
            return d;
          }, [good1!, good2!, bad!].map((f) => ({ name: f.name, type: f.mimeType, bytes: [...f.buffer] })));
          await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dt });
        } else {
          await page.locator('input[name=files]').setInputFiles([good1!, good2!, bad!]);
        }
        const row = (name: string) => page.locator(`li.upload[data-path="${name}"]`);
        await row(good1!.name).locator('.state-added').waitFor();
        await row(good2!.name).locator('.state-added').waitFor();
        await row(bad!.name).locator('.state-refused').waitFor();
        assert.match(await row(bad!.name).locator('.upload-reason').innerText(), new RegExp(`${bad!.name}: .*binary`));
        assert.match(await row(good2!.name).innerText(), /Council statement/);
        assert.match(await row(good1!.name).innerText(), /1 count/);
        assert.match(await page.locator('[role=status]').first().innerText(), /2 reports added of 3 files/);
        await page.screenshot({ path: join(SHOTS, viewport === PHONE ? 'add-phone.png' : 'add.png'), fullPage: viewport === PHONE });

        // They are stored, in the record, and listed; the junk is not.
        const docs = await api<DocumentList>(`documents?q=kessrin-${tag}`);
        assert.deepEqual(docs.items.map((d) => d.name).sort(), [good1!.name, good2!.name]);
        await row(good2!.name).locator('a').click();
        await page.locator('.doc-text mark.hl-count', { hasText: '4 people' }).waitFor();
        await page.goto(`${served.url}/documents`);
        await page.locator('table.docs a', { hasText: `Council statement ${tag}` }).waitFor();
        // The same file again is already there, said so.
        await page.goto(`${served.url}/add`);
        await page.locator('input[name=files]').setInputFiles([good1!]);
        await row(good1!.name).locator('.state-skipped').waitFor();
        assert.match(await row(good1!.name).innerText(), /already/);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });

    test(`adds a page by its address from a local server, kept with the address and the fetch time, ${at}`, async () => {
      const { page, errors } = await open(viewport);
      try {
        await withToken(page);
        const url = `${siteUrl}/news/${tag}`;
        await page.locator('input[name=url]').fill(url);
        await page.getByRole('button', { name: 'Fetch and add' }).click();
        const result = page.locator('.fetch-result');
        await result.waitFor();
        assert.match(await result.innerText(), new RegExp(`Added: Kessrin relief update /news/${tag}`));
        await result.locator('a').click();
        const meta = page.locator('dl.meta');
        await meta.waitFor();
        const text = await meta.innerText();
        assert.match(text, new RegExp(`fetched\\s+${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
        assert.match(text, /\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
        const id = new URL(page.url()).pathname.split('/').pop()!;
        const d = await api<DocumentDetail>(`documents/${id}`);
        assert.equal(d.fetched?.url, url);
        // A scheme the server does not fetch is refused with its reason.
        await page.goto(`${served.url}/add`);
        await page.locator('input[name=url]').fill('ftp://example.org/a.txt');
        await page.getByRole('button', { name: 'Fetch and add' }).click();
        await page.locator('.fetch-result.error').waitFor();
        assert.match(await page.locator('.fetch-result').innerText(), /only http and https/);
        assert.deepEqual(errors, []);
      } finally { await page.close(); }
    });
  }

  test('without a token nothing is sent, and the page says how to get one', async () => {
    const { page, errors } = await open(DESKTOP);
    try {
      await page.goto(`${served.url}/add`);
      await page.locator('input[name=token]').fill('');
      await page.locator('input[name=files]').setInputFiles([files('none')[0]!]);
      assert.match(await page.locator('.error[role=alert]').innerText(), /token is needed/);
      assert.equal(await page.locator('li.upload').count(), 0);
      assert.deepEqual(errors, []);
    } finally { await page.close(); }
  });
});
