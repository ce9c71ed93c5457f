/** The audit log and reviews are append-only in the schema itself, whatever code touches the file. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import Database from 'better-sqlite3';
import { floodReport } from '../cases/fixtures.case.js';
import { openSqliteStore } from './open.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-audit-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A database file holding one review, its audit entry and a token. */
async function filled(): Promise<string> {
  const file = join(dir, `a-${Math.random().toString(36).slice(2)}.db`);
  const store = await openSqliteStore(file);
  const r = floodReport();
  await store.addReport(r.doc, r.extraction, r.original);
  await store.addReview({ documentId: r.doc.id, kind: 'count', span: r.extraction.counts[0]!.span, action: 'reject', reason: 'double counted', reviewer: 'ana' });
  await store.createToken('desk');
  await store.close();
  return file;
}

it('refuses to update, delete or replace audit entries and reviews, even in raw SQL', async () => {
  const db = new Database(await filled());
  try {
    for (const sql of [
      "UPDATE audit_log SET who = 'mallory'",
      'DELETE FROM audit_log',
      "INSERT OR REPLACE INTO audit_log (id, at, who, action, target) VALUES (1, 'now', 'mallory', 'x', 'y')",
      "UPDATE reviews SET reason = 'changed'",
      'DELETE FROM reviews',
      "INSERT OR REPLACE INTO reviews SELECT * FROM reviews WHERE id = 1",
    ]) {
      assert.throws(() => db.exec(sql), /append-only/, sql);
    }
    assert.equal(db.prepare('SELECT count(*) FROM audit_log').pluck().get(), 2);
    assert.equal(db.prepare("SELECT who FROM audit_log WHERE id = 1").pluck().get(), 'ana');
  } finally {
    db.close();
  }
});

it('keeps a reviewed document from being deleted along with its reviews', async () => {
  const db = new Database(await filled());
  try {
    db.pragma('foreign_keys = ON');
    assert.throws(() => db.exec('DELETE FROM documents'), /FOREIGN KEY/);
  } finally {
    db.close();
  }
});

it('stores tokens as sha256 hex, never the secret', async () => {
  const file = join(dir, 'tokens.db');
  const store = await openSqliteStore(file);
  const { token } = await store.createToken('desk');
  await store.close();
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM tokens').all() as Array<Record<string, unknown>>;
    assert.match(String(rows[0]!.hash), /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(rows).includes(token));
  } finally {
    db.close();
  }
});
