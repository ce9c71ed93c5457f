import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, cp, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listReportFiles, readReport } from './index.js';
import { isAppError } from '../../domain/errors.js';
import { FIXTURES, makeTwoPagePdf } from './fixtures.case.js';

test('ingests every good report of a folder mixing good and bad files, and gives each bad one its reason', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-mixed-'));
  try {
    await cp(FIXTURES, dir, { recursive: true });
    await writeFile(join(dir, 'convoy.pdf'), await makeTwoPagePdf());
    await writeFile(join(dir, 'large.txt'), `Too big\n${'A long line of words about nothing in particular.\n'.repeat(1500)}`);
    await writeFile(join(dir, 'locked.txt'), 'A report nobody may read.\n');
    await chmod(join(dir, 'locked.txt'), 0o000);
    // As root permissions do not stop reading; read.test.ts checks E_UNREADABLE as an unprivileged user.
    const privileged = await open(join(dir, 'locked.txt'), 'r').then((h) => h.close().then(() => true), () => false);

    const { files, skipped } = await listReportFiles([dir]);
    const outcome: Record<string, string> = {};
    for (const file of files) {
      const key = relative(dir, file);
      try {
        const doc = await readReport(file, { maxSize: 32 * 1024 });
        assert.ok(doc.text.trim().length > 0, key);
        outcome[key] = 'ok';
      } catch (e) {
        assert.ok(isAppError(e), `${key}: ${String(e)}`);
        // A broken sidecar is named by its own path, `FILE.meta.json`, so that is what the user fixes.
        assert.ok(e.message.startsWith(`${file}: `) || e.message.startsWith(`${file}.meta.json: `), e.message);
        outcome[key] = e.code;
      }
    }
    assert.deepEqual(outcome, {
      'anniversary.txt': 'ok',
      'article.html': 'ok',
      'article.md': 'ok',
      'binary.txt': 'E_BINARY',
      'blank.md': 'E_EMPTY',
      'broken-sidecar.txt': 'E_BAD_INPUT',
      'broken.html': 'ok',
      'caption.txt': 'ok',
      'convoy.pdf': 'ok',
      'corrupt.pdf': 'E_PARSE',
      'empty.txt': 'E_EMPTY',
      'encrypted.pdf': 'E_PARSE',
      'large.txt': 'E_TOO_LARGE',
      'latin1.txt': 'E_ENCODING',
      'locked.txt': privileged ? 'ok' : 'E_UNREADABLE',
      'nested/deeper/story.markdown': 'ok',
      'no-text.html': 'E_EMPTY',
      'sidecar.txt': 'ok',
      'wire-bom.txt': 'ok',
    });
    assert.deepEqual(skipped.map((s) => relative(dir, s.path)), ['.hidden.txt', 'make-encrypted-pdf.mjs', 'notes.docx', 'orphan.txt.meta.json']);
  } finally {
    await chmod(join(dir, 'locked.txt'), 0o644).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});
