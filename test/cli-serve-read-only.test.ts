/** `crosscheck serve --read-only` as a user runs it (from the sources, through tsx): reads answered, writes refused, on SQLite and PostgreSQL, and a database password never printed. */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { once } from 'node:events';
import { SKIP_PG, TestDatabase } from '../src/storage/postgres/test-db.case.js';
import { tempDir } from './helpers/cli.js';

const MAIN = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const env = { ...process.env, CROSSCHECK_DB: '' };

/** Runs the CLI from the sources to completion. */
function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', env });
}

/** Starts `serve` with `args`; resolves with the child, its URL and what it printed so far. */
async function serve(...args: string[]): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => { out += d; });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: string) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', () => reject(new Error(`serve exited: ${out}`)));
  });
  return { child, url, out: () => out };
}

/** Stops a server and checks it stopped cleanly. */
async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
}

/** The checks on a read-only server over a database the examples were ingested into. */
async function readOnlyChecks(url: string, token: string): Promise<void> {
  assert.deepEqual(await (await fetch(`${url}api/meta`)).json(), { readOnly: true });
  const figures = (await (await fetch(`${url}api/figures`)).json()) as { items: Array<{ id: string }> };
  assert.ok(figures.items.length > 0);
  assert.equal((await fetch(`${url}api/figures/${figures.items[0]!.id}`)).status, 200);
  const docs = (await (await fetch(`${url}api/documents`)).json()) as { items: Array<{ id: string; counts: number }> };
  const id = docs.items.find((d) => d.counts > 0)!.id;
  const detail = (await (await fetch(`${url}api/documents/${id}`)).json()) as { counts: Array<{ extracted: { span: { start: number; end: number }; measure: string } }> };
  const c = detail.counts[0]!.extracted;
  for (const path of ['search?q=killed', 'events', 'timeline', 'entities', 'sources', 'checks', 'reviews', 'stats', 'export/figures.csv', 'export/figures.json', 'export/annotations.jsonld', 'export/report.html', `documents/${id}/original`]) {
    assert.equal((await fetch(`${url}api/${path}`)).status, 200, path);
  }
  const auth = { authorization: `Bearer ${token}` };
  assert.equal((await fetch(`${url}api/whoami`, { headers: auth })).status, 200, 'a token is still known');
  const writes: Array<[string, string, string, string]> = [
    ['POST', 'api/reviews', 'application/json', JSON.stringify({ documentId: id, kind: 'count', span: c.span, measure: c.measure, action: 'confirm', reason: 'read against the source' })],
    ['PUT', `api/documents/${id}/meta`, 'application/json', JSON.stringify({ publisher: 'Someone else', reason: 'r' })],
    ['POST', 'api/documents/upload?name=new.txt', 'application/octet-stream', 'Officials said 12 people were killed on 2 May 2023.'],
  ];
  for (const [method, path, type, body] of writes) {
    const r = await fetch(`${url}${path}`, { method, headers: { 'content-type': type, ...auth }, body });
    assert.equal(r.status, 403, `${method} ${path}`);
    const e = (await r.json()) as { code: string; message: string };
    assert.equal(e.code, 'E_READ_ONLY');
    assert.match(e.message, /read-only/);
  }
  const audit = (await (await fetch(`${url}api/audit`)).json()) as { items: Array<{ action: string }> };
  assert.deepEqual(audit.items.map((a) => a.action), ['token.create'], 'nothing but the token was ever audited');
}

describe('serve --read-only', () => {
  it('is documented in --help', () => {
    const help = run('serve', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--read-only\s+take no writes/);
  });

  it('over a SQLite file: answers reads, refuses each write with 403 E_READ_ONLY, says it is read-only, stops on SIGTERM', async () => {
    const db = join(tempDir(), 'ro.db');
    assert.equal(run('ingest', '--db', db, '--workers', '0', EXAMPLES).status, 0);
    const token = run('token', 'create', '--name', 'curator', '--db', db).stdout.trim();
    const { child, url, out } = await serve('--read-only', '--db', db);
    try {
      assert.match(out(), /serving \d+ reports from .*ro\.db, read-only/);
      await readOnlyChecks(url, token);
    } finally {
      await stop(child);
    }
  });

  it('refuses to start over a database with no record, saying where to build one', () => {
    const db = join(tempDir(), 'empty.db');
    assert.equal(run('token', 'create', '--name', 'x', '--db', db).status, 0);
    const r = run('serve', '--read-only', '--db', db, '--port', '0');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /No record is built.*read-only.*crosscheck reconcile/);
  });

  if (SKIP_PG) it('over PostgreSQL (a replica stands in as the same database)', { skip: SKIP_PG }, () => {});
  else {
    let pg: TestDatabase | undefined;
    after(async () => { await pg?.drop(); });
    it('over PostgreSQL: the same, on connections that can only read, as a replica\'s are', async () => {
      pg = await TestDatabase.create('serve_ro');
      // A password in the URL (the test server does not ask for it) is never printed.
      const withPassword = new URL(await pg.newSchemaUrl());
      withPassword.password = 'pw-s3cret';
      const url = withPassword.toString();
      const ingested = run('ingest', '--db', url, '--workers', '0', EXAMPLES);
      assert.equal(ingested.status, 0, ingested.stderr);
      const created = run('token', 'create', '--name', 'curator', '--db', url);
      const token = created.stdout.trim();
      for (const printed of [ingested.stdout + ingested.stderr, created.stderr]) {
        assert.match(printed, /postgres:\/\/crosscheck:\*\*\*@127\.0\.0\.1/);
        assert.doesNotMatch(printed, /pw-s3cret/);
      }
      // A hot standby refuses every write as a read-only transaction does.
      const replica = new URL(url);
      replica.searchParams.set('options', `${replica.searchParams.get('options')} -c default_transaction_read_only=on`);
      const { child, url: at, out } = await serve('--read-only', '--db', replica.toString());
      try {
        assert.match(out(), /serving \d+ reports from postgres:\/\/crosscheck:\*\*\*@127\.0\.0\.1:\d+\/crosscheck_serve_ro\S*, read-only/);
        assert.doesNotMatch(out(), /pw-s3cret/);
        await readOnlyChecks(at, token);
      } finally {
        await stop(child);
      }
    });
  }
});
