/**
 * Two worker processes on one PostgreSQL queue, one killed with SIGKILL midway: every report is
 * stored once, none half-stored, and the figures equal a single-process SQLite ingest of the same
 * folder. Runs the built CLI (npm run build first). Skipped without CROSSCHECK_TEST_PG.
 * CROSSCHECK_PG_WORKER_REPORTS sets the folder's size (default 240; the run is 2,000).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { SKIP_PG, TestDatabase } from './test-db.case.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'crosscheck.js');
const N = Number(process.env.CROSSCHECK_PG_WORKER_REPORTS || 240);
const PLACES = ['Varn', 'Ostrel', 'Cawl', 'Pell Ridge', 'Harrow', 'Tamsel'];

/** Invented reports about a few invented events; every fifth one reprints an earlier one under another headline. */
function writeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const bodies: string[] = [];
  for (let i = 0; i < N; i++) {
    const place = PLACES[i % PLACES.length]!;
    const body = i % 5 === 4
      ? `${bodies[i - 3]} This account was first carried by another outlet.`
      : `On ${1 + (i % 27)} May 2019, floods in the district of ${place} killed ${10 + (i % 13)} people and injured ${200 + i}, the ministry said. ` +
        `Local volunteers said some ${i + 5} families were displaced and ${i % 9} residents were still missing. Roads into ${place} remained closed on day ${i}.`;
    bodies.push(body);
    writeFileSync(join(dir, `report-${String(i).padStart(5, '0')}.txt`), `Bulletin ${i}: floods in ${place}\n\n${body}\n`);
  }
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CROSSCHECK_DB: '' } });
  assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

if (SKIP_PG) it('ingests a folder with two workers, one killed midway, into the figures a single process gives', { skip: SKIP_PG }, () => {});
else describe('PostgreSQL workers', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-pg-workers-'));
  before(async () => { db = await TestDatabase.create('workers'); });
  after(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`ingests ${N} reports with two workers, one killed with SIGKILL midway: each stored once, none half-stored, figures as a single SQLite process gives`, { timeout: 600_000 }, async () => {
    const folder = join(dir, 'reports');
    writeFolder(folder);
    const url = await db.newSchemaUrl();
    assert.match(cli('ingest', '--db', url, '--queue', '--json', folder), new RegExp(`"queued":${N}`));
    const worker = () => spawn(process.execPath, [BIN, 'worker', '--db', url, '--until-empty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = (p: ReturnType<typeof worker>) => new Promise<{ code: number | null; signal: string | null; err: string }>((resolve) => {
      let err = '';
      p.stderr.on('data', (d: Buffer) => { err += d; });
      p.on('exit', (code, signal) => resolve({ code, signal, err }));
    });
    const [a, b] = [worker(), worker()];
    const [aDone, bDone] = [exited(a), exited(b)];
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const done = async () => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE state = 'done'`)).rows[0]!.n;
      while ((await done()) < N / 3) await sleep(50);
      a.kill('SIGKILL');
      assert.equal((await aDone).signal, 'SIGKILL');
      const survivor = await bDone;
      assert.equal(survivor.code, 0, survivor.err);
      const jobs = (await c.query(`SELECT state, result, count(*)::int AS n FROM jobs GROUP BY state, result ORDER BY state, result`)).rows;
      assert.deepEqual(jobs, [{ state: 'done', result: 'added', n: N }]);
      const stored = (await c.query(`SELECT count(*)::int AS documents, count(DISTINCT sha256)::int AS distinct_bytes,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.doc_seq = d.seq) OR NOT EXISTS (SELECT 1 FROM originals o WHERE o.doc_seq = d.seq)
          OR NOT EXISTS (SELECT 1 FROM versions v WHERE v.doc_seq = d.seq) OR NOT EXISTS (SELECT 1 FROM counts n WHERE n.doc_seq = d.seq)
          OR NOT EXISTS (SELECT 1 FROM signatures s WHERE s.doc_seq = d.seq) OR NOT EXISTS (SELECT 1 FROM documents_fts f WHERE f.doc_seq = d.seq))::int AS half
        FROM documents d`)).rows[0];
      assert.deepEqual(stored, { documents: N, distinct_bytes: N, half: 0 });
    } finally {
      await c.end();
    }
    const sqlite = join(dir, 'single.db');
    cli('ingest', '--db', sqlite, '--workers', '0', '--json', folder);
    const figures = (db: string) => JSON.parse(cli('figures', '--db', db, '--json')) as unknown;
    const expected = figures(sqlite);
    assert.ok(Array.isArray(expected) && expected.length > 3, 'the folder yields figures');
    assert.deepEqual(figures(url), expected);
  });
});
