/** The SQLite backend: the shared Store suite on a temp file, then what only SQLite has. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { isAppError } from '../../domain/errors.js';
import type { Count } from '../../domain/types.js';
import { floodReport, numberedReport, report } from '../cases/fixtures.case.js';
import { runStoreTests } from '../store.case.js';
import { MIGRATIONS } from './migrations/index.js';
import { deriveReport } from '../../pipeline/run/derive.js';
import type { StoredDerived } from '../row-types.js';
import { openSqliteStore } from './open.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const tempDb = () => join(dir, `store-${files++}.db`);
const WRITER = fileURLToPath(new URL('./writer-process.case.ts', import.meta.url));

/** Run the writer child; resolves when it exits. */
function writer(file: string, tag: string, n: number, mode: 'single' | 'batch' | 'slow' = 'single') {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, tag, String(n), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d; });
  child.stderr.on('data', (d: Buffer) => { err += d; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, out, err }));
  });
  return { child, done };
}

/** Raw checks on a closed store's file: integrity, FTS sync, no report missing its counts. */
function checkFile(file: string): { documents: number; orphans: number } {
  const db = new Database(file, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    // One statement, one snapshot: a document without counts, text, original or version is half a report.
    const orphans = db.prepare(`SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM counts c WHERE c.doc_seq = d.seq)
      OR NOT EXISTS (SELECT 1 FROM originals o WHERE o.doc_seq = d.seq) OR NOT EXISTS (SELECT 1 FROM texts t WHERE t.doc_seq = d.seq) OR NOT EXISTS (SELECT 1 FROM versions v WHERE v.doc_seq = d.seq)`).pluck().get() as number;
    return { documents, orphans };
  } finally {
    db.close();
  }
}

runStoreTests({ name: 'sqlite', newStore: () => openSqliteStore(tempDb()) });

describe('SQLite store', () => {
  it('creates the file and its folders, in WAL mode, with the schema migrated once', async () => {
    const file = join(dir, 'nested', 'deeper', 'crosscheck.db');
    for (let i = 0; i < 2; i++) await (await openSqliteStore(file)).close();
    const db = new Database(file);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.equal(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get(), MIGRATIONS.length);
    db.close();
  });

  it('works in memory', async () => {
    const store = await openSqliteStore(':memory:');
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    assert.equal((await store.search('Varenna')).items.length, 1);
    await store.close();
  });

  it('opens read-only for searching, refusing writes and missing files', async () => {
    const file = tempDb();
    const writerStore = await openSqliteStore(file);
    const r = floodReport();
    await writerStore.addReport(r.doc, r.extraction, r.original);
    const ro = await openSqliteStore(file, { readonly: true });
    assert.equal((await ro.search('Varenna')).items.length, 1);
    const other = numberedReport('ro', 1);
    await assert.rejects(ro.addReport(other.doc, other.extraction, other.original), (e: unknown) => isAppError(e, 'E_STORE'));
    await ro.close();
    await writerStore.close();
    await assert.rejects(openSqliteStore(join(dir, 'missing.db'), { readonly: true }), (e: unknown) => isAppError(e, 'E_STORE'));
  });

  it('pages and counts a row set as another process last wrote it, not as this one last read it', async () => {
    const file = tempDb();
    const writer = await openSqliteStore(file);
    const reader = await openSqliteStore(file, { readonly: true });
    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${String(from + i).padStart(6, '0')}`, data: from + i }));
    await writer.putRows([{ set: 'deep', rows: rows(0, 9000) }]);
    assert.deepEqual((await reader.getRows<number>('deep', { limit: 2, offset: 8500 })).map((r) => r.data), [8500, 8501]);
    assert.equal(await reader.countRows('deep'), 9000);
    await writer.putRows([{ set: 'deep', clear: 'all', rows: rows(100_000, 9000) }]);
    assert.deepEqual((await reader.getRows<number>('deep', { limit: 2, offset: 8500 })).map((r) => r.data), [108_500, 108_501]);
    await writer.putRows([{ set: 'deep', rows: rows(200_000, 10) }]);
    assert.equal(await reader.countRows('deep'), 9010);
    await reader.close();
    await writer.close();
  });

  it('declares foreign keys: a count cannot point at a missing document', async () => {
    const file = tempDb();
    await (await openSqliteStore(file)).close();
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    assert.throws(() => db.prepare(`INSERT INTO dates (doc_seq, ordinal, value, span_start, span_end, quote) VALUES (999, 0, '2020', 0, 4, '2020')`).run(),
      /FOREIGN KEY/);
    db.close();
  });

  it('refuses a database from a newer crosscheck, and a file that is not a database', async () => {
    const file = tempDb();
    await (await openSqliteStore(file)).close();
    const db = new Database(file);
    db.prepare(`INSERT INTO schema_migrations VALUES (?, 'future', '2099-01-01')`).run(MIGRATIONS.length + 1);
    db.close();
    await assert.rejects(openSqliteStore(file), (e: unknown) => isAppError(e, 'E_STORE') && /newer/.test(e.message));
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database, just words that fill more than one hundred bytes of a file '.repeat(5));
    await assert.rejects(openSqliteStore(junk), (e: unknown) => isAppError(e, 'E_STORE') && /not a crosscheck database/.test(e.message));
  });

  it('keeps PRAGMA integrity_check ok and the full-text index in sync', async () => {
    const file = tempDb();
    const store = await openSqliteStore(file);
    const v1 = floodReport('a.txt');
    const v2 = floodReport('a.txt', ' Updated at noon.');
    await store.addReports([v1, v2, numberedReport('i', 1)]);
    await store.replaceExtraction(v1.doc.id, { counts: [v1.extraction.counts[0]], dates: [] });
    await store.close();
    assert.deepEqual(checkFile(file), { documents: 3, orphans: 0 });
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const ftsCheck = db.prepare(`INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')`);
    const hits = db.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?`).pluck();
    ftsCheck.run();
    // The triggers keep the index right when a later migration edits titles or removes documents.
    db.prepare(`UPDATE documents SET title = 'Renamed bulletin' WHERE id = ?`).run(v2.doc.id);
    assert.deepEqual([hits.get('renamed'), hits.get('title:Varenna')], [1, 1]);
    db.prepare('DELETE FROM documents WHERE id = ?').run(v1.doc.id);
    assert.deepEqual([hits.get('Varenna'), db.prepare('SELECT count(*) FROM texts').pluck().get()], [1, 2]);
    ftsCheck.run();
    db.close();
  });


  it('moves an older database\'s derived parts into a table whose rows of a kilobyte or two need no overflow page', async () => {
    const file = tempDb();
    const store = await openSqliteStore(file);
    const v = floodReport('big.txt');
    // A report's entities run past a kilobyte: a WITHOUT ROWID table spilled them to an overflow page each.
    const entities = Array.from({ length: 60 }, (_, i) => ({ name: `Place number ${i}`, kind: 'place' }));
    const derived = deriveReport(v.doc.text, v.extraction);
    await store.addReports([{ ...v, derived: { ...derived, parts: { ...derived.parts, entities } } }]);
    await store.close();
    // The table as migration 5 made it, and the database as version 6 left it.
    const old = new Database(file);
    old.exec(`CREATE TABLE derived_old (doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE, part TEXT NOT NULL, data TEXT NOT NULL,
      PRIMARY KEY (doc_seq, part)) STRICT, WITHOUT ROWID;
      INSERT INTO derived_old SELECT doc_seq, part, data FROM derived; DROP TABLE derived; ALTER TABLE derived_old RENAME TO derived;
      ALTER TABLE record_rows DROP COLUMN zdata; DROP TABLE record_links;
      DELETE FROM schema_migrations WHERE version > 6; PRAGMA user_version = 6;`);
    const overflow = (db: Database.Database) => db.prepare(`SELECT count(*) FROM dbstat WHERE name = 'derived' AND pagetype = 'overflow'`).pluck().get();
    assert.equal(overflow(old), 1);
    old.close();
    const again = await openSqliteStore(file);
    const read: StoredDerived[] = [];
    for await (const x of again.allDerived(['entities', 'facts'])) read.push(x);
    assert.equal(read.length, 1);
    assert.deepEqual(read[0]!.parts.entities, entities);
    assert.deepEqual(read[0]!.parts.facts, derived.parts.facts);
    await again.close();
    const db = new Database(file, { readonly: true });
    assert.equal(overflow(db), 0);
    assert.doesNotMatch(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'derived'`).pluck().get() as string, /WITHOUT ROWID/);
    db.close();
    assert.deepEqual(checkFile(file), { documents: 1, orphans: 0 });
  });
  it("moves an older database's report links (key words, events, date values) from rows to links", async () => {
    const file = tempDb();
    const store = await openSqliteStore(file);
    const [a, b] = await store.addReports([numberedReport('link', 1), numberedReport('link', 2)]);
    const [abc, def] = [a!.id, b!.id];
    await store.putRows([{ set: 'figures', rows: [{ key: 'f1', group: 'e1', data: 1 }] }]);
    await store.close();
    // The database as version 9 left it: the links were rows, keyed by group and report.
    const old = new Database(file);
    old.exec(`DROP TABLE record_links; DELETE FROM schema_migrations WHERE version > 9; PRAGMA user_version = 9;`);
    const put = old.prepare('INSERT INTO record_rows (set_name, key, grp, tag, data) VALUES (?, ?, ?, ?, ?)');
    put.run('key-docs', `khojaly\t${abc}`, 'khojaly', null, '1');
    put.run('key-docs', `1992\t${abc}`, '1992', null, '1');
    put.run('key-docs', `1992\t${def}`, '1992', null, '1');
    put.run('event-docs', `khojaly massacre\t${abc}`, 'khojaly massacre', abc, '1');
    put.run('value-docs', `1992-02-26\t${def}`, '1992-02-26', def, '1');
    old.close();
    const again = await openSqliteStore(file);
    assert.deepEqual(await again.getLinks('key-docs'), [['1992', abc], ['1992', def], ['khojaly', abc]]);
    assert.deepEqual(await again.getLinks('event-docs', ['khojaly massacre']), [['khojaly massacre', abc]]);
    assert.deepEqual(await again.getLinks('value-docs'), [['1992-02-26', def]]);
    assert.deepEqual(await again.getRows('key-docs'), []);
    assert.deepEqual((await again.getRows('figures')).map((r) => r.key), ['f1'], 'other rows stay');
    await again.close();
  });
  it('stores a long reconciled row deflated, reads it back exactly, and reads a row stored as JSON before', async () => {
    const file = tempDb();
    const store = await openSqliteStore(file);
    const long = { sentenceText: 'Rescuers said 41 people were killed in Port Aldo. '.repeat(40), counts: Array.from({ length: 30 }, (_, i) => ({ doc: `r${i}`, index: i, quote: `${i} people`, note: 'ünïcödé ✓' })) };
    const short = { n: 1 };
    await store.putRows([{ set: 'test-set', rows: [{ key: 'long', data: long }, { key: 'short', data: short }] }]);
    await store.close();
    const raw = new Database(file);
    const cells = raw.prepare(`SELECT key, length(data) AS text, length(zdata) AS z FROM record_rows WHERE set_name = 'test-set' ORDER BY key`).all() as Array<{ key: string; text: number; z: number | null }>;
    assert.equal(cells[0]!.text, 0);
    assert.ok(cells[0]!.z! < JSON.stringify(long).length / 4, `deflated to ${cells[0]!.z} of ${JSON.stringify(long).length} bytes`);
    assert.deepEqual(cells[1], { key: 'short', text: JSON.stringify(short).length, z: null });
    // A row as an archive stored before migration 8: its JSON in data.
    raw.prepare(`INSERT INTO record_rows (set_name, key, data) VALUES ('test-set', 'old', ?)`).run(JSON.stringify(long));
    raw.close();
    const again = await openSqliteStore(file);
    const rows = await again.getRows('test-set');
    assert.deepEqual(rows.map((r) => [r.key, r.data]), [['long', long], ['old', long], ['short', short]]);
    // Written again, the row stored before is stored deflated.
    await again.putRows([{ set: 'test-set', clear: 'replace', rows: rows.map((r) => ({ key: r.key, data: r.data })) }]);
    assert.deepEqual((await again.getRows('test-set')).map((r) => r.data), [long, long, short]);
    await again.close();
    const after = new Database(file, { readonly: true });
    assert.deepEqual(after.prepare(`SELECT key FROM record_rows WHERE set_name = 'test-set' AND zdata IS NOT NULL ORDER BY key`).pluck().all(), ['long', 'old']);
    after.close();
  });
  it('indexes band keys in bulk when a report is next looked up, and a report extracted again in place', async () => {
    const file = tempDb();
    const store = await openSqliteStore(file);
    const sig = (keys: number[]) => ({ fingerprint: keys.length, starts: Int32Array.from([0]), ends: Int32Array.from([3]), shingles: Int32Array.from([5]), bandKeys: Int32Array.from(keys) });
    const inputs = [1, 2, 3].map((i) => ({ ...report({ path: `b${i}.txt`, text: `Band keys report ${i}.` }), derived: { parts: {}, signature: sig([1, 2, 10 + i, 20 + i]) } }));
    await store.addReports(inputs);
    const raw = new Database(file, { readonly: true });
    const keys = () => raw.prepare('SELECT k1, k2, doc_seq FROM band_keys ORDER BY doc_seq, k1').raw().all() as number[][];
    assert.deepEqual(keys(), [], 'stored with the reports, the keys wait in their signatures');
    const ids = inputs.map((r) => r.doc.id);
    assert.deepEqual((await store.sourceCandidates(ids[2]!, 10, 10)).map((c) => c.id), [ids[0]!, ids[1]!]);
    assert.deepEqual(keys(), [[1, 2, 1], [11, 21, 1], [1, 2, 2], [12, 22, 2], [1, 2, 3], [13, 23, 3]]);
    // Extracted again, an indexed report's keys are replaced in the index at once.
    await store.putDerived(ids[0]!, { parts: {}, signature: sig([7, 8]) });
    assert.deepEqual(keys().filter((k) => k[2] === 1), [[7, 8, 1]]);
    assert.deepEqual((await store.sourceCandidates(ids[2]!, 10, 10)).map((c) => c.id), [ids[1]!]);
    // A report stored later waits, and is found by the next lookup of a later one.
    const late = [4, 5].map((i) => ({ ...report({ path: `b${i}.txt`, text: `Band keys report ${i}.` }), derived: { parts: {}, signature: sig([7, 8]) } }));
    await store.addReports(late);
    assert.equal(keys().length, 5);
    assert.deepEqual((await store.sourceCandidates(late[1]!.doc.id, 10, 10)).map((c) => c.id), [ids[0]!, late[0]!.doc.id]);
    assert.equal(keys().length, 7);
    raw.close();
    await store.close();
  });
  it('gives reconciliation each count as the report stores it: attribution, range, breakdown link and all', async () => {
    const store = await openSqliteStore(':memory:');
    const flood = floodReport();
    const [total, injured] = flood.extraction.counts as [Count, Count];
    const part: Count = { ...injured, measure: 'killed', group: 'children', min: 12, max: 14, approximate: false, partOf: 0 };
    const [r] = await store.addReports([{ ...flood, extraction: { ...flood.extraction, counts: [total, injured, part] } }]);
    const stored = (await store.getExtraction(r!.id))!.counts;
    assert.equal(stored[0]!.attribution?.kind, 'official');
    assert.equal(stored[2]!.partOf, 0);
    const read: Count[][] = [];
    for await (const x of store.allDerived([])) read.push([...x.extraction.counts]);
    for await (const x of store.allDerived([], { ids: [r!.id] })) read.push([...x.extraction.counts]);
    assert.deepEqual(read, [stored, stored]);
    await store.close();
  });
  it('ranks only the most recent candidates for a very common term, and says so', async () => {
    const store = await openSqliteStore(':memory:', { rankCap: 5 });
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

  it('retries a write that finds the database locked, and gives up with E_STORE after its tries', async () => {
    const file = tempDb();
    const store = await openSqliteStore(file, { busyTimeoutMs: 20, busyRetries: 4 });
    const other = new Database(file);
    const lock = () => other.prepare('BEGIN IMMEDIATE').run();
    const [a, b] = [numberedReport('busy', 1), numberedReport('busy', 2)];
    lock();
    setTimeout(() => other.prepare('COMMIT').run(), 60);
    assert.equal((await store.addReport(a.doc, a.extraction, a.original)).status, 'added');
    lock();
    await assert.rejects(store.addReport(b.doc, b.extraction, b.original),
      (e: unknown) => isAppError(e, 'E_STORE') && /busy/.test(e.message) && !/SQLITE/.test(e.message));
    other.prepare('ROLLBACK').run();
    other.close();
    assert.equal(await store.hasSha256(b.doc.sha256), false);
    await store.close();
  });

  it('lets two processes write 50 reports each to one new file at once', { timeout: 60_000 }, async () => {
    const file = tempDb();
    const [a, b] = await Promise.all([writer(file, 'left', 50).done, writer(file, 'right', 50, 'batch').done]);
    for (const r of [a, b]) {
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(JSON.parse(r.out), { added: 50, skipped: 0, failed: 0 });
    }
    assert.deepEqual(checkFile(file), { documents: 100, orphans: 0 });
  });

  it('never shows a reader a document without its counts while another process writes', { timeout: 60_000 }, async () => {
    const file = tempDb();
    await (await openSqliteStore(file)).close();
    const { done } = writer(file, 'live', 150, 'slow');
    let finished = false;
    void done.then(() => { finished = true; });
    const reader = await openSqliteStore(file);
    let midway = 0;
    while (!finished) {
      const page = await reader.listDocuments({ limit: 1000 });
      if (page.total > 0 && page.total < 150) midway++;
      for (const item of page.items) {
        assert.equal(item.counts, 2, item.path);
        assert.equal((await reader.getExtraction(item.id))?.counts.length, 2, item.path);
      }
      await sleep(2);
    }
    await reader.close();
    assert.equal((await done).code, 0);
    assert.ok(midway > 0, 'the reader never ran while the writer was midway');
    assert.deepEqual(checkFile(file), { documents: 150, orphans: 0 });
  });

  it('survives a writer killed mid-ingest; a rerun completes the rest without duplicates', { timeout: 60_000 }, async () => {
    const file = tempDb();
    await (await openSqliteStore(file)).close();
    const { child, done } = writer(file, 'kill', 400, 'slow');
    const watcher = await openSqliteStore(file);
    while ((await watcher.stats()).documents < 40) await sleep(5);
    child.kill('SIGKILL');
    assert.equal((await done).signal, 'SIGKILL');
    await watcher.close();
    const killed = checkFile(file);
    assert.equal(killed.orphans, 0);
    assert.ok(killed.documents >= 40 && killed.documents < 400);
    const rerun = await writer(file, 'kill', 400).done;
    assert.equal(rerun.code, 0, rerun.err);
    assert.deepEqual(JSON.parse(rerun.out), { added: 400 - killed.documents, skipped: killed.documents, failed: 0 });
    assert.deepEqual(checkFile(file), { documents: 400, orphans: 0 });
  });
});
