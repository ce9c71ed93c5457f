/** Curating entities in the browser: two merged into one with a token, split again, each audited in words. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { EntityList } from '../../src/server/api-types.js';
import { DESKTOP, SHOTS, servedWithBrowser, unavailable, watchErrors } from './server.case.js';

const skip = unavailable();

describe('curating entities in the web app', { skip: skip ?? false, timeout: 180_000 }, () => {
  const suite = servedWithBrowser();
  const spellingsOf = async (name: string): Promise<string[] | undefined> => {
    const list = (await (await fetch(`${suite.served.url}/api/entities`)).json()) as EntityList;
    return list.items.find((e) => e.names.some((n) => n.name === name))?.names.map((n) => n.name).sort();
  };

  test('merges two entities into one row, names it by its most mentioned spelling, splits the spelling off again, and the audit log says both in words', async () => {
    const page = await suite.browser.newPage({ viewport: DESKTOP });
    const errors = watchErrors(page);
    try {
      assert.deepEqual(await spellingsOf('Ardel'), ['Ardel'], 'the rules leave the two apart');
      await page.goto(`${suite.served.url}/entities`);
      const row = (name: string) => page.locator('table.entities tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) });
      await row('Ardel').getByRole('button', { name: 'Merge or split' }).click();
      const form = row('Ardel').locator('form.entity-form');
      await form.locator('input[name=into]').fill('Kessrin');
      await form.locator('textarea[name=reason]').fill('Ardel is a district of Kessrin in these reports');
      await form.locator('input[name=token]').fill(suite.served.token);
      await form.getByRole('button', { name: 'Merge' }).click();
      await page.getByRole('status').filter({ hasText: 'merged the entity “Ardel” into “Kessrin”' }).waitFor();

      // One row now holds both, under the most mentioned spelling; Ardel has no row of its own
      // (once the list is read again after the saved note).
      await row('Ardel').waitFor({ state: 'detached' });
      await row('Kessrin').filter({ hasText: 'Ardel (1)' }).waitFor();
      assert.equal(await row('Ardel').count(), 0);
      const merged = await row('Kessrin').innerText();
      assert.match(merged, /Kessrin \(\d+\), Kesrin \(\d+\), Ardel \(1\)/);
      assert.match(merged, /Kessrin ↔ Ardel: merged by a curator/);
      assert.match(await page.locator('ul.decisions').innerText(), /merged the entity “Ardel” into “Kessrin” \(by browser-test on .*: Ardel is a district of Kessrin in these reports\)/);
      assert.deepEqual(await spellingsOf('Ardel'), ['Ardel', 'Kesrin', 'Kessrin']);
      await page.screenshot({ path: join(SHOTS, 'entities-merged.png') });

      await row('Kessrin').getByRole('button', { name: 'Merge or split' }).click();
      const again = row('Kessrin').locator('form.entity-form');
      await again.locator('textarea[name=reason]').fill('Kept apart after all');
      await again.getByRole('button', { name: 'Split “Ardel” off' }).click();
      await page.getByRole('status').filter({ hasText: 'split “Ardel” from “Kessrin”' }).waitFor();
      await row('Ardel').waitFor();
      assert.equal(await row('Ardel').count(), 1);
      assert.deepEqual(await spellingsOf('Ardel'), ['Ardel']);

      await page.goto(`${suite.served.url}/audit`);
      const entries = page.locator('table.audit tbody tr');
      await entries.first().waitFor();
      const [split, merge] = [await entries.nth(0).innerText(), await entries.nth(1).innerText()];
      assert.match(split, /split “Ardel” from “Kessrin”.*the entity “Ardel”.*“Kessrin”: Kessrin, Kesrin, Ardel.*“Ardel”: Ardel.*Kept apart after all/s);
      assert.match(merge, /merged the entity “Ardel” into “Kessrin”.*Ardel is a district of Kessrin in these reports/s);
      assert.doesNotMatch(split + merge, /entity:|[{}]/);
      assert.deepEqual(errors, []);
    } finally { await page.close(); }
  });
});
