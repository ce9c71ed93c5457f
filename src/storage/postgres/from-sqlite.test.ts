/** A SQLite archive moved into PostgreSQL reads back the same through the Store. Skipped without CROSSCHECK_TEST_PG. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isAppError } from '../../domain/errors.js';
import { floodReport, numberedReport, report } from '../cases/fixtures.case.js';
import { openSqliteStore } from '../sqlite/index.js';
import type { Store } from '../store.js';
import { migrateSqliteToPostgres } from './from-sqlite.js';
import { openPostgresStore } from './open.js';
import { SKIP_PG, TestDatabase } from './test-db.case.js';

/** What a reader sees of a store, ids and times included. */
async function view(store: Store) {
  const docs = (await store.listDocuments({ limit: 100 })).items;
  const full = await Promise.all(docs.map(async (d) => [await store.getDocument(d.id), await store.getOriginal(d.id), await store.getExtraction(d.id)]));
  return {
    docs, full, stats: await store.stats().then(({ schemaVersion: _s, ...s }) => s),
    reviews: await store.listReviews(), audit: await store.listAudit(), tokens: await store.listTokens(),
    rows: await store.getRows('figures'), record: await store.getRecord('note'),
    parts: await store.getParts(docs.map((d) => d.id), ['facts']), signatures: await store.getSignatures(docs.map((d) => d.id)),
    unpaired: await store.unpaired(100), search: (await store.search('Varenna')).items.map((h) => h.documentId),
  };
}

if (SKIP_PG) it('moves a SQLite archive into PostgreSQL whole', { skip: SKIP_PG }, () => {});
else describe('crosscheck migrate', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-migrate-'));
  before(async () => { db = await TestDatabase.create('migrate'); });
  after(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves reports, originals, derived parts, rows, records, reviews, the audit log and tokens, ids kept, and refuses a database in use', async () => {
    const file = join(dir, 'archive.db');
    const sqlite = await openSqliteStore(file);
    const flood = floodReport();
    const odd = report({ path: 'odd.txt', text: 'A\u0000b Varenna', bytes: new Uint8Array([0x41, 0x00, 0x62, 0xff, 0x20, 0x56]) });
    const sig = { fingerprint: 7, starts: Int32Array.from([0]), ends: Int32Array.from([3]), shingles: Int32Array.from([-9]), bandKeys: Int32Array.from([1, 2]) };
    await sqlite.addReports([{ ...flood, derived: { parts: { facts: [1] }, signature: sig } }, numberedReport('m', 1), odd]);
    await sqlite.markPaired([flood.doc.id], [{ set: 'figures', rows: [{ key: 'é', group: 'g', ord: 1.5, lo: '2021', hi: '2022', data: { n: 1 } }, { key: 'z', data: [2] }] }]);
    await sqlite.putRecords({ note: { text: 'kept' } });
    const c = flood.extraction.counts[0]!;
    await sqlite.addReview({ documentId: flood.doc.id, kind: 'count', span: c.span, action: 'correct', corrected: { min: 41, max: 41 }, reason: 'recount', reviewer: 'ana', idempotencyKey: 'k' });
    const token = await sqlite.createToken('desk', 'admin');
    const before = await view(sqlite);
    await sqlite.close();

    const url = await db.newSchemaUrl();
    const summary = await migrateSqliteToPostgres(file, url);
    assert.equal(summary.tables.documents!.rows, 3);
    assert.equal(summary.originalsVerified, 3);
    // The flood report was never looked up: its band keys, in its signature only until then, go along.
    assert.equal(summary.tables.band_keys!.rows, 1);
    const pg = await openPostgresStore(url);
    try {
      assert.deepEqual(await view(pg), before);
      assert.deepEqual(await pg.verifyToken(token.token), { id: token.id, name: 'desk' });
      // Identities go on after the copied ones.
      const next = await pg.appendAudit({ who: 'ops', action: 'note', target: 'corpus' });
      assert.equal(next.id, Math.max(...before.audit.items.map((e) => e.id)) + 1);
      const replay = await pg.addReview({ documentId: flood.doc.id, kind: 'count', span: c.span, action: 'correct', corrected: { min: 41, max: 41 }, reason: 'recount', reviewer: 'ana', idempotencyKey: 'k' });
      assert.equal(replay.replayed, true);
    } finally {
      await pg.close();
    }
    await assert.rejects(migrateSqliteToPostgres(file, url), (e: unknown) => isAppError(e, 'E_CONFLICT'));
  });
});
