/** `crosscheck token` and `crosscheck serve` as a user runs them (from the sources, through tsx). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { once } from 'node:events';
import { tempDir } from './helpers/cli.js';

const MAIN = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const env = { ...process.env, CROSSCHECK_DB: '' };

/** Runs the CLI from the sources to completion. */
function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', env });
}

/** Starts `serve` from the sources; `url` resolves to the address it prints. */
function serve(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: string) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', () => reject(new Error(`serve exited: ${out}`)));
  });
  return { child, url };
}

test('token create prints a token once; list shows names, never secrets', () => {
  const db = join(tempDir(), 't.db');
  const created = run('token', 'create', '--name', 'desk', '--db', db);
  assert.equal(created.status, 0, created.stderr);
  const token = created.stdout.trim();
  assert.match(token, /^cc_[A-Za-z0-9_-]{43}$/);
  assert.match(created.stderr, /shown only now/);
  const list = run('token', 'list', '--db', db);
  assert.match(list.stdout, /desk/);
  assert.ok(!list.stdout.includes(token));
  assert.notEqual(run('token', 'create', '--db', db).status, 0, '--name is required');
  assert.equal(run('token', 'revoke', '1', '--db', db).status, 0);
  assert.equal(run('token', 'revoke', '1', '--db', db).status, 1, 'already revoked');
});

test('serve binds 127.0.0.1, prints the URL, answers the API, takes a review with a token, and stops on SIGTERM', async () => {
  const db = join(tempDir(), 's.db');
  assert.equal(run('ingest', '--db', db, '--workers', '0', EXAMPLES).status, 0);
  const token = run('token', 'create', '--name', 'curator', '--db', db).stdout.trim();
  const { child, url: listening } = serve('--db', db, '--port', '0');
  try {
    const url = await listening;
    const figures = (await (await fetch(`${url}api/figures`)).json()) as { items: Array<{ id: string }> };
    assert.ok(figures.items.length > 0);
    const doc = (await (await fetch(`${url}api/documents`)).json()) as { items: Array<{ id: string; counts: number }> };
    const id = doc.items.find((d) => d.counts > 0)!.id;
    const detail = (await (await fetch(`${url}api/documents/${id}`)).json()) as { counts: Array<{ extracted: { span: { start: number; end: number }; measure: string } }> };
    const c = detail.counts[0]!.extracted;
    const body = JSON.stringify({ documentId: id, kind: 'count', span: c.span, measure: c.measure, action: 'confirm', reason: 'read against the source' });
    const anonymous = await fetch(`${url}api/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(anonymous.status, 401);
    const ok = await fetch(`${url}api/reviews`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    assert.equal(ok.status, 201, await ok.clone().text());
    const audit = (await (await fetch(`${url}api/audit`)).json()) as { items: Array<{ who: string; action: string }> };
    assert.deepEqual([audit.items[0]!.who, audit.items[0]!.action], ['curator', 'review.confirm']);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});

test('serve says what to do without a database, and refuses a bad port', () => {
  const none = run('serve', '--db', join(tempDir(), 'none.db'));
  assert.equal(none.status, 1);
  assert.match(none.stderr, /crosscheck ingest/);
  assert.equal(run('serve', '--port', 'eighty').status, 2);
  const workers = run('serve', '--ingest-workers', 'two');
  assert.equal(workers.status, 2);
  assert.match(workers.stderr, /--ingest-workers must be a whole number from 0 to 64; got "two"/);
});

test('serve --ingest-workers 2 reads an upload on its workers and still stops on SIGTERM', async () => {
  const db = join(tempDir(), 'w.db');
  assert.equal(run('ingest', '--db', db, '--workers', '0', EXAMPLES).status, 0);
  const token = run('token', 'create', '--name', 'desk', '--db', db).stdout.trim();
  const { child, url: listening } = serve('--db', db, '--port', '0', '--ingest-workers', '2');
  try {
    const url = await listening;
    const r = await fetch(`${url}api/documents/upload?name=desk/varn.txt`, {
      method: 'POST', body: 'On 3 May 2019, floods in the district of Varn killed 14 people, the ministry said.\n',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    });
    assert.equal(r.status, 201, await r.clone().text());
  } finally {
    child.kill('SIGTERM');
  }
  // A worker left running would keep the process alive: it is killed, and the test fails, instead of waiting forever.
  const exit = once(child, 'exit');
  const code = await Promise.race([exit.then(([c]) => c as number | null), new Promise<'hung'>((resolve) => setTimeout(resolve, 15_000, 'hung').unref())]);
  if (code === 'hung') child.kill('SIGKILL');
  assert.equal(code, 0, 'the upload workers do not keep the server running');
});
