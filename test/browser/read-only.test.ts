/** The web app of a read-only server (serve --read-only): everything to read, no control that writes, and a note saying why. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DocumentList, SourcesView } from '../../src/server/api-types.js';
import { SHOTS, launch, serveExamples, unavailable, watchErrors } from './server.case.js';
import type { Served } from './server.case.js';

const skip = unavailable();

describe('the web app of a read-only server', { skip: skip ?? false, timeout: 180_000 }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  before(async () => {
    served = await serveExamples({ readOnly: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
  });

  test('the review panel shows the count and its reviews but no review form, with a note saying so; the header says read-only', async () => {
    const docs = (await (await fetch(`${served.url}/api/documents`)).json()) as DocumentList;
    const wire = docs.items.find((d) => d.name.startsWith('01-'))!;
    await page.goto(`${served.url}/documents/${wire.id}`);
    await page.locator('.doc-text').waitFor();
    await page.locator('header.top .badge.read-only').waitFor();
    await page.keyboard.press('n');
    const panel = page.locator('.reader-side');
    await panel.locator('h3', { hasText: /^Count|^Date/ }).waitFor();
    await panel.locator('.read-only-note', { hasText: 'reviews are made' }).waitFor();
    assert.equal(await panel.locator('form.review, button[type=submit], input[name=token]').count(), 0, 'no review controls');
    assert.equal(await page.locator('button.edit-meta').count(), 0, 'no metadata edit');
    assert.equal(await page.locator('nav a', { hasText: 'Add reports' }).count(), 0, 'no way to add reports in the menu');
    await page.screenshot({ path: join(SHOTS, 'reader-read-only.png') });
    assert.deepEqual(errors, []);
  });

  test('the sources page offers no decision, and /add says reports are added elsewhere', async () => {
    const sources = (await (await fetch(`${served.url}/api/sources`)).json()) as SourcesView;
    assert.ok(sources.possible.length > 0, 'a pair a server that takes writes offers to decide');
    await page.goto(`${served.url}/sources`);
    await page.locator('h2', { hasText: 'Possibly the same source' }).waitFor();
    await page.locator('header.top .badge.read-only').waitFor();
    assert.equal(await page.locator('button.decide, form.decide-form').count(), 0);
    await page.goto(`${served.url}/add`);
    await page.locator('.read-only-note', { hasText: 'reports are added' }).waitFor();
    assert.equal(await page.locator('input[type=file], input[name=url], input[name=token]').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('the entities page lists every entity with no way to merge or split one', async () => {
    await page.goto(`${served.url}/entities`);
    await page.locator('table.entities tbody tr').first().waitFor();
    await page.locator('header.top .badge.read-only').waitFor();
    assert.equal(await page.locator('button.decide, form.entity-form, button.split').count(), 0);
    assert.deepEqual(errors, []);
  });
});
