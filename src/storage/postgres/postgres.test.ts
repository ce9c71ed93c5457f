/** The PostgreSQL backend: the shared Store suite in a database of its own, then what only PostgreSQL has. Skipped without CROSSCHECK_TEST_PG. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { isAppError } from '../../domain/errors.js';
import { floodReport, numberedReport, report } from '../cases/fixtures.case.js';
import { runStoreTests } from '../store.case.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { openPostgresStore } from './open.js';
import { SKIP_PG, TestDatabase } from './test-db.case.js';

// Without a server, one skipped test says why (a skipped suite would not show in the totals).
if (SKIP_PG) it('runs the Store suite and the PostgreSQL cases on a PostgreSQL server', { skip: SKIP_PG }, () => {});
else describe('PostgreSQL', () => {
  let db: TestDatabase;
  before(async () => { db = await TestDatabase.create('store'); });
  after(async () => { await db?.drop(); });

  runStoreTests({ name: 'postgres', newStore: () => db.newStore() });

  describe('PostgreSQL store', () => {
    it('migrates a new schema once, even when two processes open it at once', async () => {
      const url = await db.newSchemaUrl();
      const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
      await Promise.all(stores.map((s) => s.close()));
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query('SELECT count(*)::int AS n, max(version) AS v FROM schema_migrations');
      await c.end();
      assert.deepEqual(rows[0], { n: PG_MIGRATIONS.length, v: PG_MIGRATIONS.length });
    });

    it('opens read-only for searching and refuses writes, and refuses a schema it does not know', async () => {
      const url = await db.newSchemaUrl();
      await assert.rejects(openPostgresStore(url, { readonly: true }), (e: unknown) => isAppError(e, 'E_STORE') && /schema version 0/.test(e.message));
      const w = await openPostgresStore(url);
      const r = floodReport();
      await w.addReport(r.doc, r.extraction, r.original);
      const ro = await openPostgresStore(url, { readonly: true });
      assert.equal((await ro.search('Varenna')).items.length, 1);
      const other = numberedReport('ro', 1);
      await assert.rejects(ro.addReport(other.doc, other.extraction, other.original), (e: unknown) => isAppError(e, 'E_STORE'));
      await ro.close();
      await w.close();
    });

    it('refuses to change or delete reviews and audit entries, whatever SQL runs', async () => {
      const url = await db.newSchemaUrl();
      const store = await openPostgresStore(url);
      await store.appendAudit({ who: 'ops', action: 'note', target: 'corpus' });
      await store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        for (const sql of ['UPDATE audit_log SET who = \'x\'', 'DELETE FROM audit_log', 'TRUNCATE audit_log', 'UPDATE reviews SET reason = \'x\'', 'DELETE FROM reviews']) {
          await assert.rejects(c.query(sql), /append-only/, sql);
        }
        assert.equal((await c.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n, 1);
      } finally {
        await c.end();
      }
    });

    it('ranks only the most recent candidates for a very common term, and says so', async () => {
      const store = await db.newStore({ rankCap: 5 });
      const inputs = Array.from({ length: 12 }, (_, i) => report({ path: `c${i}.txt`, text: `Common words ${i}: depot depot. `.repeat(1 + (i % 3)) }));
      await store.addReports(inputs);
      const all = await store.search('depot', { limit: 10 });
      assert.equal(all.capped, true);
      const recent = new Set(inputs.slice(-5).map((r) => r.doc.id));
      assert.ok(all.items.every((h) => recent.has(h.documentId)));
      assert.equal(all.items.length, 5);
      assert.equal((await store.search('"words 3"')).capped, false);
      await store.close();
    });

    it('stores the same report from two connections at once exactly once, and numbers two versions of a path one after the other', async () => {
      const url = await db.newSchemaUrl();
      const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
      const r = floodReport('same/path.txt');
      const v2 = floodReport('same/path.txt', ' Later.');
      const v3 = floodReport('same/path.txt', ' Later still.');
      const results = await Promise.all([a.addReport(r.doc, r.extraction, r.original), b.addReport(r.doc, r.extraction, r.original)]);
      assert.deepEqual(results.map((x) => x.status).sort(), ['added', 'skipped']);
      const versions = await Promise.all([a.addReports([v2]), b.addReports([v3])]);
      assert.deepEqual(versions.flat().map((x) => x.status), ['new-version', 'new-version']);
      assert.deepEqual((await a.listVersions('same/path.txt')).map((v) => v.version), [1, 2, 3]);
      assert.equal((await a.stats()).documents, 3);
      await a.close();
      await b.close();
    });

    it('keeps a text holding a NUL character exactly, and searches it', async () => {
      const store = await db.newStore();
      const r = report({ path: 'nul.txt', text: 'Before\u0000after: the Orvel bridge closed.' });
      await store.addReport(r.doc, r.extraction, r.original);
      assert.equal((await store.getDocument(r.doc.id))?.text, r.doc.text);
      assert.equal((await store.search('orvel')).items[0]?.documentId, r.doc.id);
      await store.close();
    });

    it('refuses a NUL character in any other text it stores with E_BAD_INPUT, saying so, and finds nothing by one', async () => {
      const store = await db.newStore();
      await assert.rejects(store.appendAudit({ who: 'ops', action: 'note', target: 'corpus', reason: 'a\u0000b' }),
        (e: unknown) => isAppError(e, 'E_BAD_INPUT') && /NUL character/.test(e.message));
      assert.equal((await store.listAudit({ target: 'corpus\u0000' })).total, 0);
      await store.close();
    });

    it('says the server cannot be reached with E_STORE, without a stack of driver internals', async () => {
      await assert.rejects(openPostgresStore('postgres://nobody@127.0.0.1:1/none'), (e: unknown) => isAppError(e, 'E_STORE') && /Could not open the database/.test(e.message));
    });
  });
});
