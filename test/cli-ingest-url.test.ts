import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { fetchOf } from '../src/pipeline/run/ingest-bytes.js';
import { BIN, tempDir } from './helpers/cli.js';

/** Runs the CLI without blocking this process (the test server answers meanwhile). */
function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CROSSCHECK_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const PAGE = '<!doctype html><html lang="en"><head><title>Floods in Varn</title><meta name="author" content="Ada Lim"></head>'
  + '<body><article><h1>Floods in Varn</h1><p>On 3 May 2019, floods in the district of Varn killed 14 people and injured 230, the ministry said.</p>'
  + '<p>Some 40 families were displaced from the river bank, according to the relief committee.</p></article></body></html>';

test('crosscheck ingest https://… stores the page by its address, with its bytes, the address and the fetch time; a loopback address needs --allow-private', async () => {
  let hits = 0;
  const server = createServer((_req, res) => { hits++; res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(PAGE); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/floods-in-varn`;
  const db = join(tempDir(), 'url.db');
  try {
    const refused = await run('ingest', '--db', db, '--workers', '0', url);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /failed: http:\/\/127\.0\.0\.1:\d+\/news\/floods-in-varn: refused, the host 127\.0\.0\.1 is at 127\.0\.0\.1, a private, loopback or link-local address \(give --allow-private/);
    assert.equal(hits, 0);

    const ok = await run('ingest', '--db', db, '--workers', '0', '--json', '--allow-private', url);
    assert.equal(ok.status, 0, ok.stderr);
    const summary = JSON.parse(ok.stdout) as { ingested: number; results: Array<{ path: string; id: string; status: string }> };
    assert.equal(summary.ingested, 1);
    assert.deepEqual(summary.results.map((r) => [r.path, r.status]), [[url, 'added']]);

    const store = await openSqliteStore(db, { readonly: true });
    try {
      const id = summary.results[0]!.id;
      const doc = (await store.getDocument(id))!;
      assert.deepEqual({ path: doc.path, format: doc.format, title: doc.meta.title, url: doc.meta.url }, { path: url, format: 'html', title: 'Floods in Varn', url });
      assert.equal(Buffer.from((await store.getOriginal(id))!).toString('utf8'), PAGE, 'the original bytes are kept');
      const f = (await fetchOf(store, id))!;
      assert.equal(f.url, url);
      assert.ok(Math.abs(Date.parse(f.fetchedAt) - Date.now()) < 60_000, f.fetchedAt);
    } finally {
      await store.close();
    }
    // The same page again is already there.
    const again = await run('ingest', '--db', db, '--workers', '0', '--json', '--allow-private', url);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /already/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
