import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const bin = join(import.meta.dirname, '..', 'bin', 'crosscheck.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

/** A folder with one good report and the bad inputs a user's folder may hold. */
function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-extract-'));
  writeFileSync(join(dir, 'good.txt'), 'Floods on 3 May 2019 killed 41 people and injured 120, the ministry said.\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 owners said 12 people died.', 'latin1'));
  return dir;
}

test('prints the contract JSON for the good report and one line on stderr per bad file, exiting 1', () => {
  const r = run('extract', mixedFolder(), '--format', 'json');
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout) as { documents: { document: string; counts: { measure: string; min: number; attribution: { source: string } | null }[]; dates: { value: string }[] }[] };
  assert.deepEqual(out.documents.map((d) => d.document), ['good.txt']);
  const good = out.documents[0]!;
  assert.deepEqual(good.counts.map((c) => [c.measure, c.min, c.attribution?.source]), [['killed', 41, 'the ministry'], ['injured', 120, 'the ministry']]);
  assert.deepEqual(good.dates.map((d) => d.value), ['2019-05-03']);
  const errors = r.stderr.trim().split('\n');
  assert.equal(errors.length, 3, r.stderr);
  assert.match(r.stderr, /binary\.txt.*binary/);
  assert.match(r.stderr, /empty\.txt.*empty/);
  assert.match(r.stderr, /latin1\.txt.*UTF-8/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack traces');
});

test('prints a table a person can read by default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-extract-'));
  writeFileSync(join(dir, 'r.txt'), 'According to official data, 613 civilians were killed, including 106 women.');
  const r = run('extract', join(dir, 'r.txt'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /measure\s+group\s+range\s+attribution\s+quote/);
  assert.match(r.stdout, /killed\s+women\s+106\s+official data/);
});

test('resolves relative dates with --published and rejects a malformed one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-extract-'));
  writeFileSync(join(dir, 'r.txt'), 'On Friday, 12 people were killed.');
  const ok = run('extract', join(dir, 'r.txt'), '--format', 'json', '--published', '2024-02-26');
  assert.equal(JSON.parse(ok.stdout).documents[0].dates[0].value, '2024-02-23');
  const bad = run('extract', join(dir, 'r.txt'), '--published', 'next tuesday');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /EDTF/);
});

test('says what is wrong with a missing path and a bad --format', () => {
  const missing = run('extract', '/nonexistent/report.txt');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nonexistent\/report\.txt/);
  const fmt = run('extract', '/nonexistent', '--format', 'xml');
  assert.equal(fmt.status, 2);
  assert.match(fmt.stderr, /json or table/);
});

test('--help explains the command with examples', () => {
  const r = run('extract', '--help');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /--published/);
  assert.match(r.stdout, /Examples:/);
});
