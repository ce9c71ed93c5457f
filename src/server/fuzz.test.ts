/** API: a seeded fuzz over every route of /api/openapi.json answers no 5xx, and every error in the `{ code, message }` shape. */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { silentLogger } from '../domain/logger.js';
import { buildServer } from './build.js';
import { bearer, filledStore, withServer } from './fixtures.case.js';
import type { TestServer } from './fixtures.case.js';
import { rng } from '../pipeline/3-reconcile/sources/hash.js';


/** Values an attacker or a careless client sends for any parameter. */
const HOSTILE = [
  '', ' ', '-1', '0', '1', '1.5', '1e309', '-1e309', '999999999999999999999', '9007199254740993', 'NaN', 'Infinity', 'abc',
  'true', 'null', '[]', '{}', '%00', '\u0000', '\u001b]0;pwn\u0007', '../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini',
  '..%2f..%2fetc%2fpasswd', '"', '*', 'a OR', 'NEAR(', 'x'.repeat(5000), '😀'.repeat(300), '\ud800', 'doc:', "'; DROP TABLE documents; --",
];

interface Param { name: string; in: 'path' | 'query'; schema?: { type?: string; maximum?: number; minimum?: number; enum?: string[] } }
interface Operation { parameters?: Param[]; requestBody?: unknown; security?: unknown }

/** A value for one parameter: mostly hostile, sometimes a boundary of its schema. */
function valueFor(p: Param, pick: () => number, ids: string[]): string {
  const r = pick();
  const s = p.schema ?? {};
  if (r < 0.15 && typeof s.maximum === 'number') return String(s.maximum + (pick() < 0.5 ? 0 : 1));
  if (r < 0.25 && typeof s.minimum === 'number') return String(s.minimum - (pick() < 0.5 ? 0 : 1));
  if (r < 0.3 && s.enum) return s.enum[Math.floor(pick() * s.enum.length)]!;
  if (r < 0.4 && p.in === 'path') return ids[Math.floor(pick() * ids.length)]!;
  return HOSTILE[Math.floor(pick() * HOSTILE.length)]!;
}

/** A review body: a valid one with one field replaced, dropped or added. */
function reviewBody(pick: () => number, doc: string): unknown {
  const body: Record<string, unknown> = { documentId: doc, kind: 'count', span: { start: 0, end: 5 }, measure: 'killed', action: 'correct', corrected: { min: 1, max: 1 }, reason: 'fuzz' };
  const keys = [...Object.keys(body), 'extra'];
  const key = keys[Math.floor(pick() * keys.length)]!;
  const values: unknown[] = [null, -1, 2 ** 53 + 1, 1e308, 'x'.repeat(3000), [], {}, { start: -1, end: 1e21 }, { min: 2 ** 53 + 1, max: null }, true, '\u001b[2J'];
  const r = pick();
  if (r < 0.2) delete body[key];
  else body[key] = values[Math.floor(pick() * values.length)];
  return body;
}

/** Fails unless the response is a client answer in the API's shape (or a success). */
function checkResponse(label: string, r: LightMyRequestResponse): void {
  assert.ok(r.statusCode < 500, `${label}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  if (r.statusCode < 400) return;
  assert.match(String(r.headers['content-type']), /^application\/json/, `${label}: error as JSON`);
  const body = r.json<Record<string, unknown>>();
  assert.deepEqual(Object.keys(body).sort(), ['code', 'message'], `${label}: ${r.body.slice(0, 200)}`);
  assert.match(String(body.code), /^E_[A-Z_]+$/);
  assert.equal(typeof body.message, 'string');
}

/** Percent-encodes `v`; a lone surrogate becomes the bytes of one (invalid UTF-8), which clients do send. */
function enc(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
}

/** Builds `/api/x/{id}` with hostile parameters in the path and the query. */
function fuzzUrl(path: string, op: Operation, pick: () => number, ids: string[]): string {
  let url = path;
  const query: string[] = [];
  for (const p of op.parameters ?? []) {
    const v = valueFor(p, pick, ids);
    if (p.in === 'path') url = url.replace(`{${p.name}}`, enc(v) || '%20');
    else if (pick() < 0.7) {
      query.push(`${p.name}=${enc(v)}`);
      if (pick() < 0.1) query.push(`${p.name}=${enc(v)}`);
    }
  }
  if (pick() < 0.1) query.push('unknown=1');
  return query.length ? `${url}?${query.join('&')}` : url;
}

async function fuzz(s: TestServer, seed: number, rounds: number): Promise<number> {
  const pick = rng(seed);
  const spec = (await s.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, Operation>> }>();
  const ids = Object.values(s.ids);
  let sent = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const url = fuzzUrl(path, op, pick, ids);
        const headers: Record<string, string> = op.security && pick() < 0.7 ? bearer(s.token) : {};
        let payload: string | undefined;
        if (op.requestBody) {
          headers['content-type'] = pick() < 0.9 ? 'application/json' : 'text/plain';
          payload = pick() < 0.1 ? '{"documentId":' : JSON.stringify(reviewBody(pick, ids[0]!));
        }
        checkResponse(`${method.toUpperCase()} ${url}`, await s.app.inject({ method: method.toUpperCase() as 'GET', url, headers, payload }));
        sent++;
      }
    }
  }
  return sent;
}

describe('fuzzing the API', () => {
  it('answers a few hundred seeded hostile requests over every route with no 5xx and errors as { code, message }', () => withServer(async (s) => {
    const sent = await fuzz(s, Number(process.env.FUZZ_SEED ?? 20261203), Number(process.env.FUZZ_ROUNDS ?? 14));
    assert.ok(sent >= 200, `sent ${sent}`);
  }));

  it('answers encoded traversal, bad encodings and odd methods on static paths with a 4xx in the same shape', async () => {
    const web = mkdtempSync(join(tmpdir(), 'cc-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'export {}');
    try {
      await withServer(async ({ app }) => {
        for (const url of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5cetc%5cpasswd', '/assets/app.js%00',
          '/%', '/api/%', '/api/documents/%E0%A4%A', '/%2e%2e/%2e%2e/etc/passwd.js', '/.env', '/assets/.hidden.js']) {
          const r = await app.inject(url);
          assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${url}: ${r.statusCode}`);
          checkResponse(url, r);
          assert.doesNotMatch(r.body, /root:|ForbiddenError|at \w+ \(/);
        }
        for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) checkResponse(method, await app.inject({ method, url: '/api/documents' }));
        assert.equal((await app.inject('/assets/app.js')).statusCode, 200, 'the real files are still served');
      }, { webRoot: web });
    } finally {
      rmSync(web, { recursive: true, force: true });
    }
  });

  it('refuses 1e309 and limits over their maximum with a 400, and gives an empty page for an offset past the end, however far', () => withServer(async ({ app }) => {
    for (const url of ['/api/timeline?limit=1e309', '/api/timeline?offset=1e309', '/api/documents?limit=1001', '/api/figures?values=Infinity',
      '/api/search?q=dam&limit=999999999999999999999', '/api/documents?offset=-1']) {
      const r = await app.inject(url);
      assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
      checkResponse(url, r);
    }
    for (const url of ['/api/documents', '/api/reviews', '/api/audit', '/api/timeline', '/api/sources', '/api/checks']) {
      for (const offset of [String(Number.MAX_SAFE_INTEGER), '999999999999999999999', '1e21']) {
        const r = await app.inject(`${url}?offset=${offset}`);
        assert.equal(r.statusCode, 200, `${url}?offset=${offset}: ${r.body}`);
        const body = r.json<{ items?: unknown[]; entries?: unknown[]; pairs?: { items: unknown[] } }>();
        assert.deepEqual(body.items ?? body.entries ?? body.pairs?.items, [], `${url}?offset=${offset}`);
      }
    }
  }));
});

describe('errors Node raises before Fastify', () => {
  it('answers headers too large (431) and a malformed request line (400) in the API shape', () => withServer(async ({ app }) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const raw = (request: string) => new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(request));
      let data = '';
      socket.on('data', (d) => { data += d.toString(); });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    const big = await raw(`GET /api/stats HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20000)}\r\n\r\n`);
    assert.match(big, /^HTTP\/1\.1 431 /);
    assert.deepEqual(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4)), { code: 'E_BAD_INPUT', message: 'The request headers are too large' });
    const bad = await raw('GET /api/stats HTTP/9\r\n\r\n');
    assert.match(bad, /^HTTP\/1\.1 400 /);
    assert.equal(JSON.parse(bad.slice(bad.indexOf('\r\n\r\n') + 4)).code, 'E_BAD_INPUT');
  }));
});

describe('a real fault', () => {
  it('answers a plain 500 and is logged once, with the route and the stack but nothing the client sent', async () => {
    const { store } = await filledStore();
    const lines: Array<{ message: string; fields?: Record<string, unknown> }> = [];
    const logger = { ...silentLogger, error: (message: string, fields?: Record<string, unknown>) => lines.push({ message, fields }) };
    const broken = new Proxy(store, {
      get: (target, prop, receiver) => (prop === 'listDocuments' ? async () => { throw new Error('disk I/O error'); } : Reflect.get(target, prop, receiver)),
    });
    const app = buildServer({ store: broken, logger });
    try {
      const r = await app.inject({ url: '/api/documents?q=secret-query-words', headers: { authorization: 'Bearer secret-token-words', 'x-note': 'secret-header-words' } });
      assert.equal(r.statusCode, 500);
      assert.deepEqual(r.json(), { code: 'E_INTERNAL', message: 'Internal error' });
      assert.equal(lines.length, 1);
      const logged = JSON.stringify(lines);
      assert.match(logged, /disk I\/O error/);
      assert.match(logged, /"route":"\/api\/documents"/);
      assert.doesNotMatch(logged, /secret-/);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
