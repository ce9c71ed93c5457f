/** Uploads are read and extracted on worker threads: the server answers reads meanwhile, and closing it stops the workers. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { extract } from '../pipeline/2-extract/index.js';
import { SKIP_PG, TestDatabase } from '../storage/postgres/test-db.case.js';
import type { AddedReport } from './api-types.js';
import { buildServer } from './build.js';
import { REPORTS, bearer, document, testServer, withServer } from './fixtures.case.js';

const TOWNS = ['Varn', 'Ostel', 'Kirra', 'Maddon', 'Pell', 'Sarne', 'Loddow', 'Tessin'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** A long invented report: paragraphs of plain prose, one sentence in twenty a casualty count. */
function longReport(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const town = TOWNS[i % TOWNS.length]!;
    const s = i % 20 === 0
      ? `On ${1 + (i % 28)} ${MONTHS[(i >> 5) % MONTHS.length]} 2019, floods near ${town} killed ${3 + (i % 89)} people and injured ${10 + (i % 211)}, the ministry said. `
      : `Rescue teams from ${TOWNS[(i + 3) % TOWNS.length]} searched the valley below ${town} for the ${i % 7 === 0 ? 'second' : 'third'} day, and the river authority said the water was falling slowly. `;
    parts.push(i % 6 === 5 ? `${s}\n\n` : s);
    length += s.length;
  }
  return parts.join('');
}

/** The MessagePorts of live worker threads (Node lists each worker's among the active resources). */
const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;

/**
 * Uploads a long report to a listening server and reads GET /api/figures, one read after another,
 * until the upload is answered: each read must answer within 2 s (more on a loaded machine), and one
 * before the upload does.
 */
async function readsWhileUploading(app: FastifyInstance, token: string): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const body = Buffer.from(longReport(8_000_000));
  let uploadDone = 0;
  const uploadStarted = performance.now();
  const upload = fetch(`${base}/api/documents/upload?name=long.txt`, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream', ...bearer(token) } })
    .then(async (r) => { uploadDone = performance.now(); return { status: r.status, json: (await r.json()) as AddedReport }; });
  const reads: Array<{ ms: number; at: number }> = [];
  let finished = false;
  void upload.finally(() => { finished = true; });
  while (!finished) {
    const started = performance.now();
    const r = await fetch(`${base}/api/figures`);
    assert.equal(r.status, 200);
    await r.arrayBuffer();
    reads.push({ ms: performance.now() - started, at: performance.now() });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { status, json } = await upload;
  assert.equal(status, 201, JSON.stringify(json));
  assert.ok(json.document.counts > 1000, `the long report's counts were extracted (${json.document.counts})`);
  const slowest = Math.max(...reads.map((r) => r.ms));
  const uploadMs = uploadDone - uploadStarted;
  // On a loaded machine every step is slower, the writes' own (on this thread) too: the bound
  // grows with the upload's time. Read inline, the upload holds a read for most of its time.
  const bound = Math.max(2000, uploadMs / 4);
  assert.ok(reads.some((r) => r.at < uploadDone), `a read answered before the upload did (${reads.length} reads)`);
  assert.ok(slowest < bound, `every read answered within ${Math.round(bound)} ms (2 s, or a quarter of the upload's ${Math.round(uploadMs)} ms); the slowest took ${Math.round(slowest)} ms`);
  return `${reads.length} reads during an upload of ${Math.round(uploadMs)} ms, the slowest ${Math.round(slowest)} ms`;
}

describe('reading uploads on worker threads', () => {
  it('answers GET /api/figures while a report of megabytes is read, each read within 2 s, the first before the upload is done', async (t) => {
    const s = await testServer();
    try {
      t.diagnostic(await readsWhileUploading(s.app, s.token));
    } finally {
      await s.close();
    }
  });

  it('does the same over PostgreSQL', { skip: SKIP_PG }, async (t) => {
    const db = await TestDatabase.create('uploads');
    const store = await db.newStore();
    try {
      for (const spec of REPORTS) {
        const { doc, bytes } = document(spec);
        await store.addReport(doc, extract(doc.text, { published: doc.meta.published }), bytes);
      }
      const { token } = await store.createToken('tester', 'test');
      const app = buildServer({ store });
      try {
        t.diagnostic(await readsWhileUploading(app, token));
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
      await db.drop();
    }
  });

  it('starts no worker until a report is added, and app.close() stops the ones it started', async () => {
    const before = ports();
    await withServer(async ({ app, token }) => {
      await app.inject('/api/figures');
      assert.equal(ports(), before, 'no worker for reads');
      const r = await app.inject({
        method: 'POST', url: '/api/documents/upload?name=short.txt', payload: Buffer.from('On 3 May 2019, floods near Varn killed 14 people, the ministry said.\n'),
        headers: { 'content-type': 'application/octet-stream', ...bearer(token) },
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.ok(ports() > before, 'a worker read the upload');
    }, { ingest: { workers: 2 } });
    assert.equal(ports(), before, 'closing the server stopped its workers');
  });
});
