/** Adding reports through the API: uploads one file a request, and pages by address. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { AddedReport, DocumentDetail, FigureList } from './api-types.js';
import { bearer, withServer } from './fixtures.case.js';

const GOOD = 'On 14 March 2022, the Orlen dam collapse near Vessany killed 61 people, the Vessany hospital said in a later count.\n';
const upload = (name: string, body: Buffer | string, token?: string) => ({
  method: 'POST' as const, url: `/api/documents/upload?name=${encodeURIComponent(name)}`, payload: typeof body === 'string' ? Buffer.from(body) : body,
  headers: { 'content-type': 'application/octet-stream', ...(token ? bearer(token) : {}) },
});

describe('POST /api/documents/upload', () => {
  it('stores a good file, audits it and brings the record up to date; the same bytes again are already there', () => withServer(async ({ app, token }) => {
    const r = await app.inject(upload('later/hospital.txt', GOOD, token));
    assert.equal(r.statusCode, 201, r.body);
    const added = r.json<AddedReport>();
    assert.equal(added.status, 'added');
    assert.equal(added.document.path, 'later/hospital.txt');
    assert.equal(added.document.counts, 1);
    const figures = (await app.inject('/api/figures')).json<FigureList>();
    assert.ok(figures.items.some((f) => f.values.some((v) => v.min === 61)), 'the new count is in a figure');
    const audit = (await app.inject(`/api/audit?target=doc:${added.document.id}`)).json<{ items: Array<{ action: string; who: string }> }>();
    assert.deepEqual(audit.items.map((a) => [a.action, a.who]), [['document.add', 'tester']]);
    const again = await app.inject(upload('later/hospital.txt', GOOD, token));
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<AddedReport>().status, 'skipped');
    assert.match(again.json<AddedReport>().reason ?? '', /already/);
  }));

  it('refuses an empty file, binary junk, an unsupported format and a file over the size limit with the CLI\'s reasons', () => withServer(async ({ app, token }) => {
    const cases: Array<[string, Buffer | string, number, RegExp]> = [
      ['empty.txt', '', 400, /^empty\.txt: .*empty/],
      ['junk.txt', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)), 400, /^junk\.txt: .*binary/],
      ['photo.png', 'not a report', 400, /expected \.txt, \.md, \.html or \.pdf, got \.png/],
      ['big.txt', 'x'.repeat(3000), 413, /^big\.txt: the file is 2\.9 KB, over the 2\.0 KB limit/],
    ];
    for (const [name, body, status, reason] of cases) {
      const r = await app.inject(upload(name, body, token));
      assert.equal(r.statusCode, status, `${name}: ${r.body}`);
      assert.match(r.json<{ message: string }>().message, reason, name);
    }
  }, { ingest: { maxSize: 2048 } }));

  it('needs a token, and a relative name without steps up', () => withServer(async ({ app, token }) => {
    assert.equal((await app.inject(upload('a.txt', GOOD))).statusCode, 401);
    for (const name of ['/etc/x.txt', '../up.txt', 'a/./b.txt', 'a\\b.txt']) {
      const r = await app.inject(upload(name, GOOD, token));
      assert.equal(r.statusCode, 400, name);
    }
  }));
});

describe('POST /api/documents/fetch', () => {
  const PAGE = '<!doctype html><html><head><title>Hospital count</title></head><body><article><p>On 14 March 2022 the Orlen dam collapse killed 61 people, the hospital said.</p></article></body></html>';

  async function page(fn: (url: string) => Promise<void>): Promise<void> {
    const server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}/news/count`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('with the server\'s allowPrivate, stores the page with its address and fetch time, shown with the report', () => page((url) => withServer(async ({ app, token }) => {
    const r = await app.inject({ method: 'POST', url: '/api/documents/fetch', payload: { url }, headers: bearer(token) });
    assert.equal(r.statusCode, 201, r.body);
    const added = r.json<AddedReport>();
    assert.equal(added.document.path, url);
    assert.equal(added.document.meta.url, url);
    const detail = (await app.inject(`/api/documents/${added.document.id}`)).json<DocumentDetail>();
    assert.equal(detail.fetched?.url, url);
    assert.ok(detail.fetched && Math.abs(Date.parse(detail.fetched.fetchedAt) - Date.now()) < 60_000);
    const original = await app.inject(`/api/documents/${added.document.id}/original`);
    assert.equal(original.body, PAGE);
  }, { ingest: { allowPrivate: true } })));

  it('refuses a loopback address by default, saying why, and needs a token', () => page((url) => withServer(async ({ app, token }) => {
    const r = await app.inject({ method: 'POST', url: '/api/documents/fetch', payload: { url }, headers: bearer(token) });
    assert.equal(r.statusCode, 400);
    assert.match(r.json<{ message: string }>().message, /refused, the host 127\.0\.0\.1 is at 127\.0\.0\.1, a private, loopback or link-local address/);
    assert.equal((await app.inject({ method: 'POST', url: '/api/documents/fetch', payload: { url } })).statusCode, 401);
  })));
});
