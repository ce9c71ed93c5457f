/** API: full-text search with snippets as segments, and malformed queries refused with 400. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { SearchResponse } from './api-types.js';
import { withServer } from './fixtures.case.js';

it('finds reports and returns snippets as plain segments with the matches marked', () => withServer(async ({ app, ids }) => {
  const r = await app.inject('/api/search?q=monitoring');
  assert.equal(r.statusCode, 200);
  const s = r.json<SearchResponse>();
  assert.equal(s.query, 'monitoring');
  assert.deepEqual(s.items.map((h) => h.documentId), [ids['monitor.txt']]);
  const parts = s.items[0]!.snippet;
  assert.deepEqual(parts.filter((p) => p.match).map((p) => p.text.toLowerCase()), ['monitoring']);
  assert.ok(parts.every((p) => !/[\u0002\u0003]/.test(p.text)), 'no markers reach the client');
  assert.equal(s.items[0]!.title, 'Monitors count more dead at Vessany');
}));

it('keeps hostile text in snippets as text segments', () => withServer(async ({ app }) => {
  const s = (await app.inject('/api/search?q=onerror')).json<SearchResponse>();
  assert.equal(s.items.length, 1);
  const joined = s.items[0]!.snippet.map((p) => p.text).join('');
  assert.ok(joined.includes('<img src=x '));
}));

it('answers malformed search syntax with 400 E_BAD_QUERY', () => withServer(async ({ app }) => {
  for (const q of ['"unclosed', 'dam AND', '(dam', 'NOT']) {
    const r = await app.inject(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(r.statusCode, 400, q);
    assert.equal(r.json().code, 'E_BAD_QUERY', q);
    assert.doesNotMatch(r.json().message, /fts5|sqlite|syntax error near/i, 'no SQL in the message');
  }
}));

it('needs q and a sane limit', () => withServer(async ({ app }) => {
  for (const url of ['/api/search', '/api/search?q=', '/api/search?q=dam&limit=0', '/api/search?q=dam&limit=999', `/api/search?q=${'a'.repeat(501)}`]) {
    const r = await app.inject(url);
    assert.equal(r.statusCode, 400, url);
    assert.equal(r.json().code, 'E_BAD_INPUT');
  }
  assert.equal((await app.inject('/api/search?q=dam&limit=1')).json<SearchResponse>().items.length, 1);
}));
