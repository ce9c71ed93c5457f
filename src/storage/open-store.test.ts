/** The database string picks the backend: postgres:// URLs are PostgreSQL, everything else a SQLite file. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createApp } from '../app.js';
import { resolveConfig } from '../config.js';
import { isAppError } from '../domain/errors.js';
import { floodReport } from './cases/fixtures.case.js';
import { isDatabaseUrl, openStore } from './open-store.js';
import { SKIP_PG, TestDatabase } from './postgres/test-db.case.js';

describe('choosing the store by the database string', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-open-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, boolean]> = [
    ['postgres://desk@db.example/crosscheck', true],
    ['postgresql://desk:secret@10.0.0.5:5432/archive', true],
    ['mysql://x@y/z', true],
    ['crosscheck.db', false],
    ['/data/archive/khojaly.db', false],
    ['C:\\archives\\khojaly.db', false],
    [':memory:', false],
  ];
  for (const [db, url] of cases) {
    it(`reads ${db} as ${url ? 'a database URL' : 'a SQLite file'}`, () => assert.equal(isDatabaseUrl(db), url));
  }

  it('keeps a URL as given in the configuration, from --db or CROSSCHECK_DB, and makes a file path absolute', () => {
    assert.equal(resolveConfig({ db: 'postgres://desk@db/archive' }).dbPath, 'postgres://desk@db/archive');
    assert.equal(resolveConfig({}, { CROSSCHECK_DB: 'postgresql://desk@db/archive' }).dbPath, 'postgresql://desk@db/archive');
    assert.equal(resolveConfig({ db: 'x.db' }).dbPath, join(process.cwd(), 'x.db'));
  });

  it('refuses a URL of another scheme with E_USAGE', async () => {
    await assert.rejects(openStore('mysql://x@y/z'), (e: unknown) => isAppError(e, 'E_USAGE') && /postgres:\/\//.test(e.message));
  });

  it('opens a SQLite file for a path', async () => {
    const store = await openStore(join(dir, 'a.db'));
    assert.equal((await store.stats()).documents, 0);
    await store.close();
  });

  it('opens the PostgreSQL store for a postgres:// URL, through the app as the CLI does', { skip: SKIP_PG }, async () => {
    const db = await TestDatabase.create('open');
    try {
      const url = await db.newSchemaUrl();
      const store = await createApp({ db: url }).openStore();
      const r = floodReport();
      await store.addReport(r.doc, r.extraction, r.original);
      await store.close();
      const reader = await openStore(url, { readonly: true });
      assert.equal((await reader.search('Varenna')).items[0]?.documentId, r.doc.id);
      await reader.close();
    } finally {
      await db.drop();
    }
  });
});
