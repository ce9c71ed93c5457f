/** API: documents, their originals, and untrusted text carried as plain data. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentDetail, DocumentList } from './api-types.js';
import { REPORTS, withServer } from './fixtures.case.js';

describe('GET /api/documents', () => {
  it('lists the current documents with metadata and extraction sizes', () => withServer(async ({ app }) => {
    const r = await app.inject('/api/documents');
    assert.equal(r.statusCode, 200);
    const list = r.json<DocumentList>();
    assert.equal(list.total, REPORTS.length);
    assert.deepEqual([list.limit, list.offset], [50, 0]);
    const wire = list.items.find((d) => d.name === 'wire.txt')!;
    assert.equal(wire.meta.publisher, 'Lantern Wire');
    assert.match(wire.sha256, /^[0-9a-f]{64}$/);
    assert.ok(wire.counts >= 2 && wire.dates >= 1);
    assert.ok(!('text' in wire), 'listings leave the text out');
  }));

  it('filters by publisher and by words of the title, and pages', () => withServer(async ({ app }) => {
    for (const filter of ['publisher=Valley%00Post', 'q=Vessany%00x', 'q=%00']) {
      assert.equal((await app.inject(`/api/documents?${filter}`)).json<DocumentList>().total, 0, `${filter}: a NUL matches nothing`);
    }
    assert.deepEqual((await app.inject('/api/documents?publisher=Valley%20Post')).json<DocumentList>().items.map((d) => d.name), ['reprint.txt']);
    assert.deepEqual((await app.inject('/api/documents?q=monitors')).json<DocumentList>().items.map((d) => d.name), ['monitor.txt']);
    const page = (await app.inject('/api/documents?limit=2&offset=1')).json<DocumentList>();
    assert.deepEqual([page.total, page.items.length, page.items[0]!.name], [4, 2, 'reprint.txt']);
  }));

  it('refuses a bad page size or an unknown parameter type with 400', () => withServer(async ({ app }) => {
    for (const url of ['/api/documents?limit=0', '/api/documents?limit=5000', '/api/documents?offset=-1', '/api/documents?limit=ten']) {
      const r = await app.inject(url);
      assert.equal(r.statusCode, 400, url);
      assert.equal(r.json().code, 'E_BAD_INPUT');
    }
  }));
});

describe('GET /api/documents/:id', () => {
  it('gives the text, sha256, and every count and date with its span, status and figure', () => withServer(async ({ app, ids }) => {
    const r = await app.inject(`/api/documents/${ids['wire.txt']}`);
    assert.equal(r.statusCode, 200);
    const d = r.json<DocumentDetail>();
    assert.equal(d.document.text, REPORTS[0]!.text);
    assert.equal(d.document.pageStarts, null);
    const killed = d.counts.find((c) => c.extracted.measure === 'killed')!;
    assert.equal(d.document.text.slice(killed.extracted.span.start, killed.extracted.span.end), killed.extracted.quote);
    assert.equal(killed.status, 'extracted');
    assert.deepEqual(killed.value, killed.extracted);
    assert.equal(killed.key, `count:${killed.extracted.span.start}-${killed.extracted.span.end}:killed`);
    assert.ok(killed.figureId, 'the count links to its figure');
    assert.ok(d.dates.some((x) => x.extracted.value === '2022-03-14'));
    assert.deepEqual(d.orphanReviews, []);
  }));

  it('shows the source group, the passages shared with the reprint, and entity names with spans', () => withServer(async ({ app, ids }) => {
    const d = (await app.inject(`/api/documents/${ids['reprint.txt']}`)).json<DocumentDetail>();
    assert.deepEqual(d.sourceGroup, { id: ids['wire.txt'], documents: [ids['wire.txt'], ids['reprint.txt']] });
    assert.ok(d.shared.length >= 1 && d.shared[0]!.other === ids['wire.txt']);
    assert.equal(d.documents[ids['wire.txt']!]!.publisher, 'Lantern Wire');
    const vessany = d.entities.filter((e) => e.name === 'Vessany');
    assert.ok(vessany.length >= 1);
    for (const e of d.entities) assert.equal(d.document.text.slice(e.span.start, e.span.end), e.name);
  }));

  it('gives the direct quotes with their speakers and the footnotes with their notes and counts', () => withServer(async ({ app, ids }) => {
    const d = (await app.inject(`/api/documents/${ids['monitor.txt']}`)).json<DocumentDetail>();
    const text = d.document.text;
    assert.deepEqual(d.quotes.map((q) => [text.slice(q.span.start, q.span.end), q.speaker?.text]), [['We are still counting,', 'Mira Ostov']]);
    assert.equal(d.citations.length, 1);
    const [c] = d.citations;
    assert.equal(c!.label, '1');
    assert.equal(c!.entry?.text, 'Basin Monitor field log, shelter lists.');
    assert.deepEqual(c!.counts.map((i) => d.counts[i]!.extracted.measure), ['displaced']);
  }));

  it('resolves a sha256 to its document and answers 404 for an unknown id', () => withServer(async ({ app, ids }) => {
    const list = (await app.inject('/api/documents')).json<DocumentList>();
    const wire = list.items.find((x) => x.id === ids['wire.txt'])!;
    assert.equal((await app.inject(`/api/documents/${wire.sha256}`)).json<DocumentDetail>().document.id, wire.id);
    for (const id of ['nope', 'ffffffffffffffff', '%3Cscript%3E', '%00', `${wire.id}%00`]) {
      const r = await app.inject(`/api/documents/${id}`);
      assert.equal(r.statusCode, 404, id);
      assert.deepEqual(Object.keys(r.json()).sort(), ['code', 'message']);
      assert.equal(r.json().code, 'E_NOT_FOUND');
    }
  }));

  it('carries hostile markup in a report as plain text inside JSON', () => withServer(async ({ app, ids }) => {
    const r = await app.inject(`/api/documents/${ids['hostile.html']}`);
    assert.match(r.headers['content-type'] as string, /^application\/json/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    const d = r.json<DocumentDetail>();
    assert.ok(d.document.text.includes('<script>alert(1)</script>'));
    assert.ok(d.document.text.includes('<img src=x onerror=alert(1)>'));
    assert.equal(d.document.meta.title, '<script>alert("title")</script>');
  }));
});

describe('GET /api/documents/:id/original', () => {
  it('returns the bytes as a download with their media type, sandboxed', () => withServer(async ({ app, ids }) => {
    const r = await app.inject(`/api/documents/${ids['hostile.html']}/original`);
    assert.equal(r.statusCode, 200);
    assert.equal(r.body, REPORTS[3]!.text);
    assert.equal(r.headers['content-type'], 'text/html');
    assert.match(r.headers['content-disposition'] as string, /^attachment; filename="hostile\.html"/);
    assert.match(r.headers['content-security-policy'] as string, /default-src 'none'; sandbox/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    const txt = await app.inject(`/api/documents/${ids['wire.txt']}/original`);
    assert.equal(txt.headers['content-type'], 'text/plain');
  }));

  it('answers 404 for an unknown id, one with a NUL character included', () => withServer(async ({ app }) => {
    for (const id of ['unknown', 'a%00b']) {
      const r = await app.inject(`/api/documents/${id}/original`);
      assert.equal(r.statusCode, 404, id);
      assert.equal(r.json().code, 'E_NOT_FOUND');
    }
  }));
});
