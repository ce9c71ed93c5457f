/** The server as a whole: headers on every response, hidden internals, OpenAPI, static files. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AppError } from '../domain/errors.js';
import { reconcile } from '../pipeline/run/reconcile.js';
import type { Store } from '../storage/store.js';
import type { StatsView, WhoAmI } from './api-types.js';
import { buildServer } from './build.js';
import { MIGRATIONS } from '../storage/sqlite/migrations/index.js';
import { bearer, filledStore, withServer } from './fixtures.case.js';

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

describe('every response', () => {
  it('carries the security headers, errors and the landing page included', () => withServer(async ({ app }) => {
    for (const url of ['/', '/api/documents', '/api/documents/nope', '/api/search?q=%22', '/api/nothing', '/api/export/figures.csv']) {
      const r = await app.inject(url);
      for (const [h, v] of Object.entries(SECURITY)) assert.equal(r.headers[h], v, `${url} ${h}`);
      assert.match(r.headers['content-security-policy'] as string, /default-src '(self|none)'/, url);
    }
    const api = await app.inject('/api/stats');
    assert.equal(api.headers['content-security-policy'], "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'");
    assert.equal(api.headers['cache-control'], 'no-store');
  }));

  it('answers an unknown API path with a JSON 404', () => withServer(async ({ app }) => {
    const r = await app.inject('/api/nothing/here');
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().code, 'E_NOT_FOUND');
  }));
});

describe('unexpected failures', () => {
  /** A store whose listing fails the given way. */
  async function failing(error: unknown): Promise<{ store: Store; close: () => Promise<void> }> {
    const { store } = await filledStore();
    const broken = new Proxy(store, {
      get: (target, prop, receiver) => (prop === 'listDocuments' ? async () => { throw error; } : Reflect.get(target, prop, receiver)),
    });
    return { store: broken, close: () => store.close() };
  }

  for (const [what, error] of [
    ['a plain Error', new Error('SQLITE_CORRUPT: database disk image is malformed at /secret/path.db')],
    ['a store failure', new AppError('E_STORE', 'The database failed while reading /secret/path.db')],
    ['a thrown string', 'boom /secret'],
  ] as const) {
    it(`turns ${what} into a plain 500 that reveals nothing, and logs it`, async () => {
      const { store, close } = await failing(error);
      const logged: string[] = [];
      const logger = { debug() {}, info() {}, warn() {}, error: (m: string, f?: Record<string, unknown>) => { logged.push(`${m} ${JSON.stringify(f)}`); } };
      const app = buildServer({ store, logger });
      try {
        const r = await app.inject('/api/documents');
        assert.equal(r.statusCode, 500);
        assert.equal(r.body, '{"code":"E_INTERNAL","message":"Internal error"}');
        assert.equal(logged.length, 1);
        assert.match(logged[0]!, /secret/);
      } finally {
        await app.close();
        await close();
      }
    });
  }
});

describe('GET /api/openapi.json', () => {
  it('describes every API route with its parameters, body and responses', () => withServer(async ({ app }) => {
    const r = await app.inject('/api/openapi.json');
    assert.equal(r.statusCode, 200);
    const doc = r.json<{ openapi: string; paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string }>; requestBody?: unknown; responses: Record<string, { content: Record<string, unknown> }>; security?: unknown }>> }>();
    assert.equal(doc.openapi, '3.1.0');
    const expected = [
      ['get', '/api/documents'], ['post', '/api/documents/upload'], ['post', '/api/documents/fetch'], ['get', '/api/documents/{id}'], ['put', '/api/documents/{id}/meta'], ['get', '/api/documents/{id}/original'], ['get', '/api/search'],
      ['get', '/api/events'], ['get', '/api/figures'], ['get', '/api/figures/{id}'], ['get', '/api/timeline'], ['get', '/api/entities'], ['post', '/api/entities/merge'], ['post', '/api/entities/split'],
      ['get', '/api/sources'], ['get', '/api/checks'], ['post', '/api/reviews'], ['post', '/api/sources/decisions'], ['get', '/api/reviews'], ['get', '/api/audit'],
      ['get', '/api/export/figures.csv'], ['get', '/api/export/figures.json'], ['get', '/api/export/annotations.jsonld'],
      ['get', '/api/export/report.html'], ['get', '/api/openapi.json'], ['get', '/api/meta'], ['get', '/api/stats'], ['get', '/api/whoami'],
    ];
    assert.deepEqual(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort(), expected.map(([m, p]) => `${m} ${p}`).sort());
    const one = doc.paths['/api/documents/{id}']!.get!;
    assert.deepEqual(one.parameters.map((p) => [p.name, p.in]), [['id', 'path']]);
    assert.ok(one.responses['200']!.content['application/json']);
    assert.ok(one.responses['404']);
    const post = doc.paths['/api/reviews']!.post!;
    assert.ok(post.requestBody);
    assert.deepEqual(post.security, [{ bearer: [] }]);
    const upload = doc.paths['/api/documents/upload']!.post! as { requestBody?: { content: Record<string, unknown> }; security?: unknown };
    assert.ok(upload.requestBody?.content['application/octet-stream']);
    assert.deepEqual(upload.security, [{ bearer: [] }]);
    assert.ok(doc.paths['/api/export/figures.csv']!.get!.responses['200']!.content['text/csv']);
    assert.deepEqual(doc.paths['/api/search']!.get!.parameters.map((p) => p.name), ['q', 'limit']);
  }));
});

describe('GET /api/stats and /api/whoami', () => {
  it('gives the store sizes, and the token owner to a valid token only', () => withServer(async ({ app, token }) => {
    const s = (await app.inject('/api/stats')).json<StatsView>();
    assert.deepEqual([s.documents, s.schemaVersion, s.reviews], [4, MIGRATIONS.at(-1)!.version, 0]);
    assert.equal((await app.inject({ url: '/api/whoami', headers: bearer(token) })).json<WhoAmI>().name, 'tester');
    assert.equal((await app.inject('/api/whoami')).statusCode, 401);
  }));

  it('says when the record was built, from the small record written beside it or, failing that, the record', () => withServer(async ({ app, store }) => {
    assert.equal((await app.inject('/api/stats')).json<StatsView>().builtAt, null);
    const record = await reconcile(store);
    assert.equal((await app.inject('/api/stats')).json<StatsView>().builtAt, record.builtAt);
  }));
});

describe('the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-web-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><div id="app"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');

  it('is served at / with client routes falling back to index.html', () => withServer(async ({ app }) => {
    const root = await app.inject('/');
    assert.equal(root.statusCode, 200);
    assert.match(root.body, /<div id="app">/);
    assert.match(root.headers['content-security-policy'] as string, /default-src 'self'/);
    const js = await app.inject('/assets/app.js');
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['content-type'] as string, /javascript/);
    const client = await app.inject('/figures/abc');
    assert.equal(client.statusCode, 200);
    assert.match(client.body, /<div id="app">/);
    assert.equal((await app.inject('/assets/missing.js')).statusCode, 404);
    const api = await app.inject('/api/nothing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().code, 'E_NOT_FOUND');
    assert.equal((await app.inject('/api/events')).statusCode, 200);
  }, { webRoot: dir }));

  it('without a build, / is a plain page that says so and lists the API', () => withServer(async ({ app }) => {
    const r = await app.inject('/');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /web app is not built/);
    assert.match(r.body, /GET \/api\/figures\/\{id\}/);
    assert.equal((await app.inject('/figures/abc')).statusCode, 404);
  }));
});
