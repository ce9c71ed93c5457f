import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, symlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listReportFiles } from './files.js';
import { FIXTURES } from './fixtures.case.js';

const HIDDEN = 'hidden file (its name starts with a dot); name it on its own to read it';
const UNSUPPORTED = 'unsupported extension (expected .txt, .md, .markdown, .html, .htm or .pdf)';

test('lists the report files of a folder recursively, sorted, and says what it skipped', async () => {
  const { files, skipped } = await listReportFiles([FIXTURES]);
  const names = files.map((f) => f.slice(FIXTURES.length));
  assert.deepEqual(names, [
    'anniversary.txt', 'article.html', 'article.md', 'binary.txt', 'blank.md', 'broken-sidecar.txt', 'broken.html',
    'caption.txt', 'corrupt.pdf', 'empty.txt', 'encrypted.pdf', 'latin1.txt', 'nested/deeper/story.markdown',
    'no-text.html', 'sidecar.txt', 'wire-bom.txt',
  ]);
  assert.deepEqual(skipped.map((s) => [s.path.slice(FIXTURES.length), s.reason]), [
    ['.hidden.txt', HIDDEN],
    ['make-encrypted-pdf.mjs', UNSUPPORTED],
    ['notes.docx', UNSUPPORTED],
    ['orphan.txt.meta.json', 'metadata sidecar without its report'],
  ]);
});

test('says which listed files have a sidecar beside them, so that reading them need not look', async () => {
  const { files, sidecars } = await listReportFiles([FIXTURES, `${FIXTURES}sidecar.txt`]);
  const beside = files.filter((_, i) => sidecars[i]).map((f) => f.slice(FIXTURES.length));
  assert.deepEqual(beside, ['broken-sidecar.txt', 'sidecar.txt']);
  assert.equal(sidecars.length, files.length);
  assert.ok(sidecars.every((s) => s !== undefined), 'every file was seen in its folder');
  // A file named on its own: the listing did not look, so the reader will.
  assert.deepEqual((await listReportFiles([`${FIXTURES}wire-bom.txt`])).sidecars, [undefined]);
});

test('passes over a path that does not exist instead of throwing, marked as a failure', async () => {
  const { files, skipped } = await listReportFiles(['/no/such/place/report.txt']);
  assert.deepEqual(files, []);
  assert.deepEqual(skipped, [{ path: '/no/such/place/report.txt', reason: 'does not exist', failed: true }]);
});

test('says why a hidden report file is passed over (a name like "..%2F..%2Fetc.txt" too), and stays silent on hidden folders and other dot files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-files-'));
  try {
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, '.git', 'notes.txt'), 'x');
    await writeFile(join(dir, '.DS_Store'), 'x');
    await writeFile(join(dir, '..%2F..%2Fetc.txt'), 'x');
    await writeFile(join(dir, 'report.txt'), 'x');
    const { files, skipped } = await listReportFiles([dir]);
    assert.deepEqual(files, [join(dir, 'report.txt')]);
    assert.deepEqual(skipped, [{ path: join(dir, '..%2F..%2Fetc.txt'), reason: HIDDEN }]);
    assert.deepEqual((await listReportFiles([join(dir, '..%2F..%2Fetc.txt')])).files, [join(dir, '..%2F..%2Fetc.txt')], 'named on its own, it is read');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('keeps a file named directly, and skips a sidecar or another extension named directly', async () => {
  const { files, skipped } = await listReportFiles([`${FIXTURES}notes.docx`, `${FIXTURES}wire-bom.txt`, `${FIXTURES}sidecar.txt.meta.json`]);
  assert.deepEqual(files, [`${FIXTURES}wire-bom.txt`]);
  assert.deepEqual(skipped.map((s) => s.reason), [UNSUPPORTED, 'metadata sidecar, read with its report']);
});

test('lists a file once when it is named twice or reached through a link, and survives a folder link loop', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-files-'));
  try {
    await mkdir(join(dir, 'a'));
    await writeFile(join(dir, 'a', 'r.TXT'), 'x');
    await symlink(join(dir, 'a', 'r.TXT'), join(dir, 'link.txt'));
    await symlink(dir, join(dir, 'a', 'loop'));
    const { files, skipped } = await listReportFiles([dir, join(dir, 'a', 'r.TXT')]);
    assert.deepEqual(files, [join(dir, 'a', 'r.TXT')]);
    assert.deepEqual(skipped, []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('lists hidden files only when asked to', async () => {
  const { files } = await listReportFiles([FIXTURES], { hidden: true });
  assert.ok(files.includes(`${FIXTURES}.hidden.txt`));
});
