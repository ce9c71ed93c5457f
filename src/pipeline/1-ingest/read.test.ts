import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { boundedMeta, readBytes, readBytesSync, readReport } from './read.js';
import { isAppError } from '../../domain/errors.js';
import type { ErrorCode } from '../../domain/errors.js';
import { FIXTURES, PDF_TEXT, makeTwoPagePdf } from './fixtures.case.js';

const NOW = new Date('2025-06-01T00:00:00Z');
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-read-'));
});
after(async () => {
  await chmod(join(dir, 'locked.txt'), 0o644).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

/** Asserts `promise` rejects with `code`, in one line that starts with the path. */
async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, path: string, reason?: RegExp): Promise<void> {
  await assert.rejects(promise, (e) => {
    assert.ok(isAppError(e, code), `expected ${code}, got ${String(e)}`);
    assert.ok(e.message.startsWith(`${path}: `), e.message);
    assert.ok(!e.message.includes('\n'), 'one line');
    if (reason) assert.match(e.message, reason);
    return true;
  });
}

test('reads a text report exactly, BOM removed, with the sha256 of its original bytes', async () => {
  const path = `${FIXTURES}wire-bom.txt`;
  const bytes = await readFile(path);
  const doc = await readReport(path, { now: NOW });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  assert.equal(doc.sha256, sha256);
  assert.equal(doc.id, sha256.slice(0, 16));
  assert.equal(doc.name, 'wire-bom.txt');
  assert.equal(doc.path, path);
  assert.equal(doc.format, 'txt');
  assert.equal(doc.byteLength, bytes.length);
  assert.equal(doc.text, bytes.subarray(3).toString('utf8'));
  assert.ok(doc.text.includes('\r\n'), 'line endings are kept');
  assert.equal(doc.pageStarts, undefined);
});

test('infers the metadata a wire story states in its text, and marks it inferred', async () => {
  const doc = await readReport(`${FIXTURES}wire-bom.txt`, { now: NOW });
  assert.deepEqual(doc.meta, {
    title: 'Floodwaters recede in Varnel as count of missing rises', author: 'Marta Ilvesk', publisher: 'Northwire',
    published: '2023-03-04', inferred: ['title', 'author', 'publisher', 'published'],
  });
});

test('dates a report by a yearless dateline and the anniversary it marks', async () => {
  const doc = await readReport(`${FIXTURES}anniversary.txt`, { now: NOW });
  assert.equal(doc.meta.published, '2023-10-12');
  assert.equal(doc.meta.publisher, 'Valley Courier');
});

test('dates a report by a dated photo caption and takes the author from the line after the title', async () => {
  const doc = await readReport(`${FIXTURES}caption.txt`, { now: NOW });
  assert.equal(doc.meta.published, '2022-06-09');
  assert.equal(doc.meta.author, 'Anika Dorsen');
});

test('gives the same id to the same bytes read from two places', async () => {
  await copyFile(`${FIXTURES}article.md`, join(dir, 'copy.md'));
  const [a, b] = await Promise.all([readReport(`${FIXTURES}article.md`), readReport(join(dir, 'copy.md'))]);
  assert.equal(a.id, b.id);
  assert.equal(a.text, b.text);
});

test('reads Markdown and HTML reports with their stated metadata, inferring nothing they state', async () => {
  const md = await readReport(`${FIXTURES}article.md`, { now: NOW });
  assert.equal(md.format, 'md');
  assert.equal(md.meta.inferred, undefined);
  const html = await readReport(`${FIXTURES}article.html`, { now: NOW });
  assert.equal(html.format, 'html');
  assert.equal(html.meta.published, '2020-05-01');
  assert.equal(html.meta.inferred, undefined);
});

test('reads a PDF report with its page starts', async () => {
  const path = join(dir, 'convoy.pdf');
  await writeFile(path, await makeTwoPagePdf());
  const doc = await readReport(path, { now: NOW });
  assert.equal(doc.format, 'pdf');
  assert.equal(doc.text, PDF_TEXT);
  assert.deepEqual(doc.pageStarts, [0, PDF_TEXT.indexOf('A second convoy')]);
  assert.equal(doc.meta.published, '2022-11-08');
});

test('reads a PDF by its %PDF- magic whatever its name says', async () => {
  const bytes = await makeTwoPagePdf();
  await writeFile(join(dir, 'misnamed.txt'), bytes);
  await writeFile(join(dir, 'no-extension'), bytes);
  assert.equal((await readReport(join(dir, 'misnamed.txt'))).format, 'pdf');
  assert.equal((await readReport(join(dir, 'no-extension'))).format, 'pdf');
});

test('lays the sidecar over inferred metadata', async () => {
  const doc = await readReport(`${FIXTURES}sidecar.txt`, { now: NOW });
  assert.deepEqual(doc.meta, { title: 'Varnel council delays flood fund vote', publisher: 'Varnel Gazette', published: '2023-03-10' });
  const without = await readReport(`${FIXTURES}sidecar.txt`, { now: NOW, sidecar: false });
  assert.equal(without.meta.title, 'Council vote delayed');
});

test('refuses a report whose sidecar is broken with E_BAD_INPUT naming the sidecar', async () => {
  const path = `${FIXTURES}broken-sidecar.txt`;
  await rejectsWith(readReport(path), 'E_BAD_INPUT', `${path}.meta.json`, /not valid JSON/);
});

for (const [name, code, reason] of [
  ['empty.txt', 'E_EMPTY', /empty/],
  ['blank.md', 'E_EMPTY', /white space/],
  ['no-text.html', 'E_EMPTY', /no text/],
  ['binary.txt', 'E_BINARY', /binary/],
  ['latin1.txt', 'E_ENCODING', /UTF-8/],
  ['encrypted.pdf', 'E_PARSE', /encrypted/],
  ['corrupt.pdf', 'E_PARSE', /not a readable PDF/],
  ['notes.docx', 'E_UNSUPPORTED_FORMAT', /got \.docx/],
  ['does-not-exist.txt', 'E_NOT_FOUND', /no such file/],
  ['nested', 'E_UNREADABLE', /folder/],
] as const) {
  test(`refuses ${name} with ${code}, naming the file and the reason`, async () => {
    await rejectsWith(readReport(`${FIXTURES}${name}`), code, `${FIXTURES}${name}`, reason);
  });
}

test('refuses a named pipe instead of waiting on it', async (t) => {
  const path = join(dir, 'pipe.txt');
  const made = spawnSync('mkfifo', [path]);
  if (made.error || made.status !== 0) return t.skip('mkfifo is not available');
  await rejectsWith(readReport(path), 'E_UNREADABLE', path, /not a regular file/);
});

test('refuses a file over the size limit before reading it', async () => {
  const path = `${FIXTURES}caption.txt`;
  await rejectsWith(readReport(path, { maxSize: 100 }), 'E_TOO_LARGE', path, /over the 100 B limit/);
});

test('refuses a file it has no permission to read with E_UNREADABLE', async (t) => {
  const path = join(dir, 'locked.txt');
  await writeFile(path, 'A report nobody may read.\n');
  await chmod(path, 0o000);
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return rejectsWith(readReport(path), 'E_UNREADABLE', path, /permission denied/);
  await handle.close();
  // As root permissions do not stop reading, so the read is tried as the unprivileged user "nobody".
  if (process.getuid?.() !== 0) return t.skip('running with privileges that ignore file permissions');
  await chmod(dir, 0o755);
  const script = `import { readReport } from ${JSON.stringify(new URL('./read.ts', import.meta.url).href)};
    readReport(${JSON.stringify(path)}).then(() => console.log('{}'), (e) => console.log(JSON.stringify({ code: e.code, message: e.message })));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    uid: 65534, gid: 65534, encoding: 'utf8', cwd: fileURLToPath(new URL('../../../', import.meta.url)),
  });
  if (child.error || child.status !== 0) return t.skip(`cannot run as the user "nobody" here: ${child.error?.message ?? child.stderr.split('\n')[0]}`);
  assert.deepEqual(JSON.parse(child.stdout), { code: 'E_UNREADABLE', message: `${path}: permission denied` });
});

test('readBytesSync reads what readBytes reads and refuses what it refuses, with the same errors', async (t) => {
  const ok = `${FIXTURES}wire-bom.txt`;
  assert.deepEqual(Buffer.from(readBytesSync(ok)), Buffer.from(await readBytes(ok)));
  const pipe = join(dir, 'pipe-sync.txt');
  const fifo = spawnSync('mkfifo', [pipe]).status === 0;
  const cases: Array<[string, number | undefined]> = [[`${FIXTURES}does-not-exist.txt`, undefined], [`${FIXTURES}nested`, undefined], [`${FIXTURES}caption.txt`, 100]];
  if (fifo) cases.push([pipe, undefined]);
  else t.diagnostic('mkfifo is not available');
  for (const [path, max] of cases) {
    const asyncError = await readBytes(path, max).then(() => null, (e: unknown) => e as Error & { code: string });
    assert.ok(asyncError, path);
    assert.throws(() => readBytesSync(path, max), (e: unknown) => isAppError(e, asyncError.code as ErrorCode) && e.message === asyncError.message);
  }
});

test('cuts metadata a file states about itself to the sidecar lengths, and drops a URL too long to be whole', () => {
  const meta = boundedMeta({ title: 'T'.repeat(5_000_000), author: 'Ana', url: `https://x.example/${'a'.repeat(3000)}`, inferred: ['title'] });
  assert.equal(meta.title!.length, 1000);
  assert.ok(meta.title!.endsWith('…'));
  assert.equal(meta.author, 'Ana');
  assert.equal(meta.url, undefined);
  assert.deepEqual(meta.inferred, ['title']);
});
