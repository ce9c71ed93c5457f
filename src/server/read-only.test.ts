/** A read-only server (serve --read-only): every write route refused with 403 E_READ_ONLY by one hook, every read answered. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconcile } from '../pipeline/run/reconcile.js';
import type { AuditList, FigureList, ReviewList, ServerMeta, StatsView } from './api-types.js';
import { bearer, withServer } from './fixtures.case.js';
import type { TestServer } from './fixtures.case.js';

type Spec = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/** Every operation of the server's OpenAPI document as [METHOD, path]. */
async function operations(app: TestServer['app']): Promise<Array<[string, string]>> {
  const spec = (await app.inject('/api/openapi.json')).json<Spec>();
  return Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m): [string, string] => [m.toUpperCase(), path]));
}

/** A URL for an OpenAPI path, its `{id}` filled with a real id of the right kind. */
function urlOf(path: string, ids: { doc: string; figure: string }): string {
  const url = path.replace('{id}', path.startsWith('/api/figures') ? ids.figure : ids.doc);
  return url === '/api/search' ? `${url}?q=dam` : url;
}

/** What a write could have changed. */
async function state(app: TestServer['app']) {
  const stats = (await app.inject('/api/stats')).json<StatsView>();
  return {
    documents: stats.documents, reviews: stats.reviews,
    audit: (await app.inject('/api/audit')).json<AuditList>().total,
    reviewList: (await app.inject('/api/reviews')).json<ReviewList>().total,
  };
}

describe('a read-only server', () => {
  it('says so at /api/meta, where a server that takes writes says it does', async () => {
    await withServer(async ({ app }) => assert.deepEqual((await app.inject('/api/meta')).json<ServerMeta>(), { readOnly: true }), { readOnly: true });
    await withServer(async ({ app }) => assert.deepEqual((await app.inject('/api/meta')).json<ServerMeta>(), { readOnly: false }));
  });

  it('refuses every route that writes with 403 E_READ_ONLY, token or none, valid body or not, and writes nothing', () => withServer(async ({ app, store, ids, token }) => {
    await reconcile(store);
    const writes = (await operations(app)).filter(([m]) => m !== 'GET');
    assert.ok(writes.length >= 5, `writes: ${writes.map((w) => w.join(' ')).join(', ')}`);
    const before = await state(app);
    const review = { documentId: ids['wire.txt'], kind: 'count', span: { start: 0, end: 5 }, action: 'confirm', reason: 'checked' };
    for (const [method, path] of writes) {
      for (const headers of [bearer(token), {}]) {
        const upload = path.endsWith('/upload');
        const r = await app.inject({
          method: method as 'POST', url: `${urlOf(path, { doc: ids['wire.txt']!, figure: 'x' })}${upload ? '?name=new.txt' : ''}`,
          headers: { ...headers, 'content-type': upload ? 'application/octet-stream' : 'application/json' },
          payload: upload ? 'Officials said 12 people were killed on 2 May 2023.' : JSON.stringify(path === '/api/reviews' ? review : { reason: 'r' }),
        });
        assert.equal(r.statusCode, 403, `${method} ${path}: ${r.body}`);
        assert.equal(r.json().code, 'E_READ_ONLY');
        assert.match(r.json().message, /read-only/);
      }
    }
    assert.deepEqual(await state(app), before, 'nothing was written');
    // A path no route serves is still a 404.
    assert.equal((await app.inject({ method: 'POST', url: '/api/nothing', payload: {} })).statusCode, 404);
  }, { readOnly: true }));

  it('documents the 403 on each write route, and only a read-only server on every route', async () => {
    const withStatus = async (app: TestServer['app'], status: string) => {
      const spec = (await app.inject('/api/openapi.json')).json<Spec>();
      return Object.entries(spec.paths).flatMap(([p, ops]) => Object.entries(ops).filter(([, op]) => status in op.responses).map(([m]) => `${m} ${p}`));
    };
    await withServer(async ({ app }) => {
      const writes = (await operations(app)).filter(([m]) => m !== 'GET').map(([m, p]) => `${m.toLowerCase()} ${p}`);
      assert.deepEqual((await withStatus(app, '403')).sort(), writes.sort());
    });
    await withServer(async ({ app }) => {
      assert.equal((await withStatus(app, '403')).length, (await operations(app)).length);
    }, { readOnly: true });
  });

  it('answers every read with 200 from the stored record', () => withServer(async ({ app, store, ids, token }) => {
    await reconcile(store);
    const figure = (await app.inject('/api/figures')).json<FigureList>().items[0]!.id;
    const reads = (await operations(app)).filter(([m]) => m === 'GET');
    assert.ok(reads.length >= 15);
    for (const [, path] of reads) {
      const r = await app.inject({ url: urlOf(path, { doc: ids['wire.txt']!, figure }), headers: bearer(token) });
      assert.equal(r.statusCode, 200, `GET ${path}: ${r.body.slice(0, 200)}`);
    }
  }, { readOnly: true }));

  it('does not build a record it lacks, and says where to build it', () => withServer(async ({ app }) => {
    for (const url of ['/api/figures', '/api/events', '/api/timeline']) {
      const r = await app.inject(url);
      assert.equal(r.statusCode, 403, url);
      assert.equal(r.json().code, 'E_READ_ONLY');
      assert.match(r.json().message, /No record is built.*crosscheck reconcile/);
    }
    assert.equal((await app.inject('/api/documents')).statusCode, 200, 'what needs no record is still answered');
  }, { readOnly: true }));
});
