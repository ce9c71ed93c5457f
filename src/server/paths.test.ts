/** API: readers never see the absolute paths reports were ingested from, nor resolve a document by one. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { extract } from '../pipeline/2-extract/index.js';
import type { DocumentDetail, DocumentList } from './api-types.js';
import { withServer } from './fixtures.case.js';
import { isFileSystemRef, publicPath } from './views/paths.js';

describe('publicPath', () => {
  const cases: Array<[string, string]> = [
    ['/home/alice/cases/khojaly/a.txt', 'a.txt'],
    ['C:\\Users\\alice\\reports\\b.pdf', 'b.pdf'],
    ['\\\\server\\share\\c.html', 'c.html'],
    ['reports/2024/d.md', 'reports/2024/d.md'],
    ['./reports/e.txt', 'reports/e.txt'],
    ['../../secret/f.txt', 'secret/f.txt'],
    ['reports\\g.txt', 'reports/g.txt'],
    ['h.txt', 'h.txt'],
  ];
  for (const [stored, shown] of cases) it(`shows ${JSON.stringify(stored)} as ${JSON.stringify(shown)}`, () => assert.equal(publicPath(stored), shown));

  it('takes absolute and upward references for places on disk, names and ids for documents', () => {
    assert.deepEqual(['/etc/passwd', 'C:\\x', '../a.txt', 'a/../../b'].map(isFileSystemRef), [true, true, true, true]);
    assert.deepEqual(['a.txt', 'reports/a.txt', '0123abcd', 'a..b.txt'].map(isFileSystemRef), [false, false, false, false]);
  });
});

describe('documents ingested by absolute path', () => {
  it('are listed and read with the file name as their path, and cannot be found by the absolute path or a part of it', () => withServer(async ({ app, store }) => {
    const text = 'Officials in Kessrin said 12 people were killed in the flood on 3 May 2019.';
    const bytes = new TextEncoder().encode(text);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = '/home/alice/secret-cases/kessrin/flood.txt';
    await store.addReport({ id: sha256.slice(0, 16), sha256, path, name: 'flood.txt', format: 'txt', meta: {}, text, byteLength: bytes.length }, extract(text), bytes);

    const list = await app.inject('/api/documents?limit=1000');
    assert.doesNotMatch(list.body, /alice|secret-cases/);
    assert.ok(list.json<DocumentList>().items.some((d) => d.path === 'flood.txt'));
    const byName = await app.inject('/api/documents/flood.txt');
    assert.equal(byName.statusCode, 200);
    assert.equal(byName.json<DocumentDetail>().document.path, 'flood.txt');
    assert.doesNotMatch(byName.body, /alice|secret-cases/);

    for (const ref of [path, '../../../home/alice/secret-cases/kessrin/flood.txt']) {
      for (const url of [`/api/documents/${encodeURIComponent(ref)}`, `/api/documents/${encodeURIComponent(ref)}/original`]) {
        const r = await app.inject(url);
        assert.equal(r.statusCode, 404, `${url}: ${r.body}`);
      }
    }
    assert.equal((await app.inject('/api/documents?q=secret-cases')).json<DocumentList>().total, 0, 'q does not probe folder names');
    assert.equal((await app.inject('/api/documents?q=flood')).json<DocumentList>().total, 1, 'q still finds names');
    const spec = (await app.inject('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    for (const path of Object.keys(spec.paths).filter((p) => !p.includes('{'))) {
      const r = await app.inject(path === '/api/search' ? '/api/search?q=flood' : path);
      assert.doesNotMatch(r.body, /alice|secret-cases/, `${path} shows the absolute path`);
    }
  }));
});
