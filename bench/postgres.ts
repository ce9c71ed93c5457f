/**
 * PostgreSQL beside SQLite on the same corpus, in the same run: ingest with 1 and 2 workers
 * (SQLite: `ingest --workers N`; PostgreSQL: `ingest --queue` then N `worker --until-empty`
 * processes, as a team runs it), what 10 more reports and one review cost, and the API's p95 for
 * the reads a reader makes all day. Each side runs the compiled CLI in its own processes.
 *
 * The server is CROSSCHECK_BENCH_PG (a URL whose user may create databases); without it a
 * throwaway cluster is started with scripts/pg-test-cluster.sh, and the benchmark is skipped,
 * saying why, when that cannot be done. That cluster runs with fsync off (as the tests' does):
 * durable settings cost PostgreSQL more per commit than shown here.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeCorpus } from './corpus.js';
import { openStore } from '../src/storage/open-store.js';
import { buildServer } from '../src/server/build.js';
import type { Store } from '../src/storage/store.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'crosscheck.js');
const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** Runs the CLI and waits; fails loudly with its stderr. */
function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`crosscheck ${args.join(' ')} exited ${code}: ${err.slice(-2000)}`))));
  });
}

/** A server URL to use and how to stop it, or the reason there is none. */
function server(dir: string): { url: string; stop: () => void } | { skip: string } {
  const given = process.env.CROSSCHECK_BENCH_PG;
  if (given) return { url: given, stop: () => {} };
  try {
    const url = execFileSync(join(root, 'scripts', 'pg-test-cluster.sh'), ['start', dir, process.env.CROSSCHECK_BENCH_PG_PORT ?? '54349'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop()!;
    return { url, stop: () => { try { execFileSync(join(root, 'scripts', 'pg-test-cluster.sh'), ['stop', dir], { stdio: 'ignore' }); } catch { /* already gone */ } } };
  } catch (e) {
    return { skip: `no PostgreSQL server: set CROSSCHECK_BENCH_PG=postgres://… or install postgresql (${(e as Error).message.split('\n')[0]})` };
  }
}

/** A fresh database on the server; returns its URL. */
async function freshDatabase(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try { await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`); } finally { await admin.end(); }
}

/** Ingest of `dir` into `db` with `workers` workers: seconds, end to end (reconciled). */
async function ingest(db: string, dir: string, workers: number): Promise<number> {
  const t0 = performance.now();
  if (db.startsWith('postgres')) {
    await run(['ingest', '--db', db, '--queue', dir]);
    await Promise.all(Array.from({ length: workers }, () => run(['worker', '--db', db, '--until-empty'])));
  } else {
    await run(['ingest', '--db', db, '--workers', String(workers), dir]);
  }
  return seconds(t0);
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

interface Reads { mentions: number; search: number; figures: number; review: number }

/** One review through the API (its rebuild included), then p95s of the reads, over `store`. */
async function reads(store: Store, rounds: number): Promise<Reads> {
  const app = buildServer({ store });
  try {
    const { token } = await store.createToken('bench', 'bench');
    const list = (await app.inject('/api/figures?values=3')).json() as { items: Array<{ id: string }> };
    const ids = list.items.slice(0, 50).map((f) => f.id);
    const doc = (await store.listDocuments({ limit: 1 })).items[0]!;
    const count = (await store.getExtraction(doc.id))!.counts[0]!;
    let t0 = performance.now();
    const r = await app.inject({
      method: 'POST', url: '/api/reviews', headers: { authorization: `Bearer ${token}` },
      payload: { documentId: doc.id, kind: 'count', span: count.span, measure: count.measure, action: 'confirm', reason: 'bench' },
    });
    if (r.statusCode !== 201) throw new Error(`review answered ${r.statusCode}: ${r.body.slice(0, 300)}`);
    const review = seconds(t0);
    const time = async (url: string) => { t0 = performance.now(); const x = await app.inject(url); if (x.statusCode !== 200) throw new Error(`${url}: ${x.statusCode} ${x.body.slice(0, 200)}`); return performance.now() - t0; };
    const words = ['killed', '"health ministry"', 'displac*', 'injured AND families', 'missing OR captured'];
    const m: number[] = []; const s: number[] = []; const f: number[] = [];
    for (let i = 0; i < rounds; i++) {
      m.push(await time(`/api/figures/${encodeURIComponent(ids[i % ids.length]!)}?evidence=50`));
      s.push(await time(`/api/search?q=${encodeURIComponent(words[i % words.length]!)}&limit=20`));
      if (i % 10 === 0) f.push(await time('/api/figures?values=8&reports=5'));
    }
    return { mentions: p95(m), search: p95(s), figures: p95(f), review };
  } finally {
    await app.close();
  }
}

const fmt = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const ms = (x: number) => `${x.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Runs the comparison at each N; prints a block per N. */
export async function benchPostgres(ns: readonly number[], outDir: string): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'cc-bench-pg-'));
  // Run as root, the throwaway cluster belongs to an unprivileged user, who must reach its folder.
  chmodSync(tmp, 0o755);
  const srv = server(join(tmp, 'cluster'));
  if ('skip' in srv) {
    console.log(`postgres: skipped: ${srv.skip}`);
    rmSync(tmp, { recursive: true, force: true });
    return;
  }
  try {
    for (const n of ns) {
      const all = writeCorpus(join(outDir, `corpus-${n + 10}`), n + 10);
      // The first N in one folder, the last ten in another: the archive, then a day's reports.
      const base = join(outDir, `pg-${n}`); const more = join(outDir, `pg-${n}-more`);
      if (!existsSync(join(base, '.done'))) {
        rmSync(base, { recursive: true, force: true }); rmSync(more, { recursive: true, force: true });
        mkdirSync(base, { recursive: true }); mkdirSync(more, { recursive: true });
        readdirSync(all).sort().forEach((f, i) => cpSync(join(all, f), join(i < n ? base : more, f)));
        mkdirSync(join(base, '.done'));
      }
      const sqlite = (w: number) => join(tmp, `bench-${n}-${w}.db`);
      const pgName = (w: number) => `cc_bench_${n}_${w}`;
      const t: Record<string, number> = {};
      t.sqlite1 = await ingest(sqlite(1), base, 1);
      t.sqlite2 = await ingest(sqlite(2), base, 2);
      const pg1 = await freshDatabase(srv.url, pgName(1));
      t.pg1 = await ingest(pg1, base, 1);
      await dropDatabase(srv.url, pgName(1));
      const pg2 = await freshDatabase(srv.url, pgName(2));
      t.pg2 = await ingest(pg2, base, 2);
      let t0 = performance.now(); await run(['ingest', '--db', sqlite(2), more]); const addSqlite = seconds(t0);
      t0 = performance.now(); await run(['ingest', '--db', pg2, more]); const addPg = seconds(t0);
      const rounds = 100;
      let store = await openStore(sqlite(2));
      const rs = await reads(store, rounds); await store.close();
      store = await openStore(pg2);
      const rp = await reads(store, rounds); await store.close();
      await dropDatabase(srv.url, pgName(2));
      console.log(`postgres N=${n} (beside SQLite, same corpus, same run; ${cpus().length} cores):`);
      console.log(`  ingest + reconcile, 1 worker:   SQLite ${fmt(t.sqlite1)} s   PostgreSQL ${fmt(t.pg1)} s (${ratio(t.pg1, t.sqlite1)} SQLite's time)`);
      console.log(`  ingest + reconcile, 2 workers:  SQLite ${fmt(t.sqlite2)} s   PostgreSQL ${fmt(t.pg2)} s (${ratio(t.pg2, t.sqlite2)}); PostgreSQL 2 workers / 1 = ${ratio(t.pg1, t.pg2)} speed-up (target ≥ 1.6× where the cores exist)`);
      console.log(`  add 10 reports:                 SQLite ${fmt(addSqlite)} s   PostgreSQL ${fmt(addPg)} s`);
      console.log(`  one review (with its rebuild):  SQLite ${ms(rs.review * 1000)}   PostgreSQL ${ms(rp.review * 1000)}`);
      console.log(`  p95 over ${rounds} reads: a figure's 50 mentions SQLite ${ms(rs.mentions)} / PostgreSQL ${ms(rp.mentions)}; search ${ms(rs.search)} / ${ms(rp.search)}; every figure (values=8) ${ms(rs.figures)} / ${ms(rp.figures)}`);
    }
  } finally {
    srv.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
