import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli, cliAsync, tempDir, writeReports } from './helpers/cli.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'ingest');

interface Summary { ingested: number; skipped: number; failed: number; results: { path: string; status: string; reason?: string }[] }

function ingest(db: string, ...args: string[]): { status: number | null; summary: Summary; stderr: string } {
  const r = cli('ingest', '--db', db, '--json', '--workers', '1', ...args);
  return { status: r.status, summary: JSON.parse(r.stdout || '{}') as Summary, stderr: r.stderr };
}

test('stores every good report of a mixed folder and reports every bad one with its reason', () => {
  const dir = tempDir('cc-mixed-');
  for (const f of ['article.html', 'article.md', 'wire-bom.txt', 'empty.txt', 'binary.txt', 'latin1.txt', 'encrypted.pdf', 'corrupt.pdf', 'broken.html']) {
    copyFileSync(join(fixtures, f), join(dir, f));
  }
  writeFileSync(join(dir, 'huge.txt'), `${'Many people were displaced. '.repeat(2000)}\n`);
  writeFileSync(join(dir, 'locked.txt'), 'Locked away: 12 people were killed.\n');
  chmodSync(join(dir, 'locked.txt'), 0o000);
  const db = join(tempDir(), 'mixed.db');
  const { status, summary } = ingest(db, '--max-size', '20KB', dir);
  assert.equal(status, 0);
  const why = (name: string) => summary.results.find((r) => r.path.endsWith(name));
  assert.equal(why('article.html')?.status, 'added');
  assert.equal(why('article.md')?.status, 'added');
  assert.equal(why('wire-bom.txt')?.status, 'added');
  assert.match(why('empty.txt')!.reason!, /empty/);
  assert.match(why('binary.txt')!.reason!, /binary/);
  assert.match(why('latin1.txt')!.reason!, /UTF-8/);
  assert.match(why('encrypted.pdf')!.reason!, /encrypted/);
  assert.equal(why('corrupt.pdf')?.status, 'failed');
  assert.match(why('huge.txt')!.reason!, /limit/);
  // As root, permissions do not stop reading: then the file is simply ingested.
  const locked = why('locked.txt')!;
  if (process.getuid?.() !== 0) assert.match(locked.reason!, /permission/);
  const docs = JSON.parse(cli('docs', '--db', db, '--json').stdout) as { total: number };
  assert.equal(docs.total, summary.ingested);
});

test('exits 1 when no report could be ingested', () => {
  const dir = tempDir('cc-bad-');
  copyFileSync(join(fixtures, 'empty.txt'), join(dir, 'empty.txt'));
  const { status, summary } = ingest(join(tempDir(), 'bad.db'), dir);
  assert.equal(status, 1);
  assert.equal(summary.failed, 1);
});

test('a sidecar beside a report in a folder, or beside a report named on its own, overrides its metadata', () => {
  const dir = tempDir('cc-side-');
  for (const f of ['sidecar.txt', 'sidecar.txt.meta.json', 'wire-bom.txt']) copyFileSync(join(fixtures, f), join(dir, f));
  for (const [name, args] of [['folder', [dir]], ['file', [join(dir, 'sidecar.txt')]]] as const) {
    const db = join(tempDir(), `side-${name}.db`);
    assert.equal(ingest(db, ...args).status, 0);
    const docs = JSON.parse(cli('docs', '--db', db, '--json').stdout) as { items: Array<{ name: string; meta: { title?: string; publisher?: string; published?: string } }> };
    const side = docs.items.find((d) => d.name === 'sidecar.txt')!;
    assert.deepEqual([side.meta.title, side.meta.publisher, side.meta.published], ['Varnel council delays flood fund vote', 'Varnel Gazette', '2023-03-10'], name);
  }
});

test('skips the same bytes twice and keeps both versions of a changed file', () => {
  const dir = writeReports(tempDir('cc-ver-'), 3);
  const db = join(tempDir(), 'ver.db');
  assert.equal(ingest(db, dir).summary.ingested, 3);
  const again = ingest(db, dir);
  assert.equal(again.status, 0);
  assert.equal(again.summary.ingested, 0);
  assert.ok(again.summary.results.every((r) => r.reason === 'already ingested'));
  writeFileSync(join(dir, 'r-00000.txt'), 'A corrected report: 14 people were killed.\n');
  const changed = ingest(db, dir);
  assert.deepEqual(changed.summary.results.filter((r) => r.status !== 'skipped').map((r) => r.status), ['new-version']);
  const docs = JSON.parse(cli('docs', '--db', db, '--json').stdout) as { total: number };
  assert.equal(docs.total, 4);
});

test('survives SIGKILL midway: the database is intact, no report lacks its extractions, a rerun completes', async () => {
  const dir = writeReports(tempDir('cc-kill-'), 400);
  const db = join(tempDir(), 'kill.db');
  const child = cliAsync('ingest', '--db', db, '--json', '--workers', '1', dir);
  // Kill once some reports are in, well before all are.
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      try {
        const conn = new Database(db, { readonly: true, fileMustExist: true });
        const n = (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
        conn.close();
        if (n >= 64) { clearInterval(timer); child.kill('SIGKILL'); resolve(); }
      } catch { /* not created yet */ }
    }, 20);
    child.on('exit', () => { clearInterval(timer); resolve(); });
  });
  await new Promise((r) => child.once('exit', r).once('close', r));
  const conn = new Database(db);
  assert.equal((conn.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
  const docs = (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  assert.ok(docs > 0 && docs < 400, `killed midway with ${docs} reports stored`);
  const bare = conn.prepare('SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM counts c WHERE c.doc_seq = d.seq)').get() as { n: number };
  assert.equal(bare.n, 0, 'every stored report has its counts');
  conn.close();
  const rerun = ingest(db, dir);
  assert.equal(rerun.status, 0);
  assert.equal(rerun.summary.ingested + rerun.summary.skipped, 400);
  const after = new Database(db, { readonly: true });
  assert.equal((after.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n, 400);
  assert.equal((after.prepare('SELECT count(DISTINCT sha256) AS n FROM documents').get() as { n: number }).n, 400);
  after.close();
});

test('two ingests into one database at once both finish, nothing lost or doubled', async () => {
  const a = writeReports(tempDir('cc-a-'), 120, 'a');
  const b = writeReports(tempDir('cc-b-'), 120, 'b');
  const db = join(tempDir(), 'two.db');
  const run = (dir: string) => new Promise<number | null>((resolve) => cliAsync('ingest', '--db', db, '--json', '--workers', '1', dir).on('exit', resolve));
  const codes = await Promise.all([run(a), run(b)]);
  assert.deepEqual(codes, [0, 0]);
  const conn = new Database(db, { readonly: true });
  assert.equal((conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n, 240);
  conn.close();
});
