/**
 * The HTTP API's read side over an archive built already, as its readers meet it: a server's
 * start to its first figures; 8 clients reading back to back over many ids, the p95 of each route
 * against 50 ms; each export streamed, with the memory it takes; one review (a correction) while
 * the reads go on, and how long it holds them. Requests go through Node's fetch to a listening
 * server in this process, so the RSS measured is the server's and its clients'.
 *
 * The archive is not changed but for that review. With it, an archive under 2 GB is copied first
 * and the copy reviewed; a larger one gets the review (and a token made for it, then revoked,
 * with their audit entries), as the output says. Without it (`review: false`) the archive is opened
 * read-only, as `crosscheck serve --read-only` opens it.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Count } from '../src/domain/types.js';
import type { DocumentDetail, DocumentList, FigureList, ReviewResponse, Timeline } from '../src/server/api-types.js';
import { buildServer } from '../src/server/build.js';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import type { Store } from '../src/storage/store.js';

/** The longest a reader should wait for a page, at the 95th percentile. */
const TARGET_MS = 50;
/** Larger archives are reviewed in place: a copy of 14 GB costs minutes and the disk. */
const COPY_LIMIT = 2 * 1024 ** 3;
/** Every export route (see src/server/routes/exports.ts). */
const EXPORTS = ['/api/export/figures.csv', '/api/export/figures.json', '/api/export/annotations.jsonld', '/api/export/report.html'];

/** Options of `benchApi`. */
export interface ApiBenchOptions {
  /** Clients reading at once (default 8). */
  clients?: number;
  /** Rounds per client, each a request of every route (default 50). */
  rounds?: number;
  /** Post the review (default true); without it the archive is opened read-only. */
  review?: boolean;
  /** An export still streaming after this many seconds is cut off, and its rate given (default 600). */
  exportSeconds?: number;
}

/** One request, from its start to the last byte of its body. */
interface Timed { route: string; path: string; t0: number; t1: number; status: number; bytes: number }
/** A route's name, and the path of its k-th request. */
type Route = readonly [string, (k: number) => string];

/** A million reports take minutes per step: say where the run is, on stderr so that stdout stays the results. */
const progress = (line: string) => process.stderr.write(`api: ${line}\n`);
const rss = () => process.memoryUsage.rss();
const ms = (t: Timed) => t.t1 - t.t0;
/** The nearest-rank percentile of sorted values. */
const pct = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
/** The k-th of n, scattered: requests that follow each other ask far apart, not for the page a cache just kept. */
const scatter = (k: number, n: number) => (k * 2_654_435_761) % n;

/** GET `path`, timed to the last byte of its body (read and dropped). */
async function timed(base: string, route: string, path: string): Promise<Timed> {
  const t0 = performance.now();
  const r = await fetch(base + path);
  const bytes = (await r.arrayBuffer()).byteLength;
  return { route, path, t0, t1: performance.now(), status: r.status, bytes };
}

/** GET `path` as JSON: what the bench goes on from, so anything but a 2xx stops it. */
async function getJson<T>(base: string, path: string): Promise<T> {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<T>;
}

/** `clients` clients, each `rounds` rounds of a request of every route back to back; request k of a route asks for its k-th scattered id. */
async function readRounds(base: string, routes: readonly Route[], clients: number, rounds: number, k0: number): Promise<Timed[]> {
  const out: Timed[] = [];
  await Promise.all(Array.from({ length: clients }, async (_, i) => {
    for (let r = 0; r < rounds; r++) {
      // Each client starts its round at another route, so that the routes run beside each other.
      for (let j = 0; j < routes.length; j++) {
        const [name, path] = routes[(i + j) % routes.length]!;
        out.push(await timed(base, name, path(k0 + r * clients + i)));
      }
      if (clients > 1 && i === 0 && (r + 1) % 10 === 0) progress(`reads: round ${r + 1} of ${rounds}`);
    }
  }));
  return out;
}

/** Offsets of `pages` pages of `size` spread evenly over `total` items. */
const spread = (total: number, pages: number, size: number) =>
  [...new Set(Array.from({ length: pages }, (_, i) => Math.floor((i * Math.max(0, total - size)) / Math.max(1, pages - 1))))];

/** Ids, words and a count to correct, as a client finds them: from pages of the listings spread over each, and reports read. */
async function findIds(base: string, figureTotal: number) {
  const figures = new Set<string>();
  for (const offset of spread(figureTotal, 4, 250)) {
    for (const f of (await getJson<FigureList>(base, `/api/figures?values=1&limit=250&offset=${offset}`)).items) figures.add(f.id);
  }
  const docTotal = (await getJson<DocumentList>(base, '/api/documents?limit=1')).total;
  const docs = new Set<string>();
  for (const offset of spread(docTotal, 4, 100)) {
    for (const d of (await getJson<DocumentList>(base, `/api/documents?limit=100&offset=${offset}`)).items) docs.add(d.id);
  }
  const figureIds = [...figures];
  const docIds = [...docs];
  if (!figureIds.length || !docIds.length) throw new Error('The archive has no figures or no reports: build its record first');
  const timelineTotal = (await getJson<Timeline>(base, '/api/timeline?limit=1')).total;
  // Searches in the words of reports read: the middle long word of each (often a common one) and a phrase of two.
  const queries: string[] = [];
  let target: { documentId: string; count: Count } | null = null;
  for (let i = 0; i < 16 && i < docIds.length; i++) {
    const d = await getJson<DocumentDetail>(base, `/api/documents/${encodeURIComponent(docIds[scatter(i, docIds.length)]!)}`);
    const words = d.document.text.match(/\p{L}{5,}/gu) ?? [];
    const tokens = d.document.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length) queries.push(words[Math.floor(words.length / 2)]!);
    const at = Math.floor(tokens.length / 3);
    if (tokens.length > 1) queries.push(`"${tokens.slice(at, at + 2).join(' ')}"`);
    // A count of one number, so that the correction (one more) stays a valid range.
    const c = d.counts.find((x) => x.status === 'extracted' && x.extracted.min !== null && x.extracted.min === x.extracted.max);
    target ??= c ? { documentId: d.document.id, count: c.extracted } : null;
  }
  return { figureIds, docIds, timelineTotal, queries, target };
}

/** Each route's latencies with `clients` at once, and with one client alone first: what a route costs apart from waiting behind the others. */
async function measureReads(base: string, routes: readonly Route[], clients: number, rounds: number): Promise<void> {
  const alone = await readRounds(base, routes, 1, Math.max(5, Math.round(rounds / 5)), clients * rounds);
  const t0 = performance.now();
  const results = await readRounds(base, routes, clients, rounds, 0);
  const wall = (performance.now() - t0) / 1000;
  console.log(`api reads: ${results.length} requests by ${clients} clients in ${wall.toFixed(1)} s (${(results.length / wall).toFixed(0)}/s)`);
  for (const [name] of routes) {
    const mine = results.filter((t) => t.route === name);
    const sorted = mine.map(ms).sort((a, b) => a - b);
    const slowest = mine.reduce((a, b) => (ms(b) > ms(a) ? b : a));
    const failed = mine.filter((t) => t.status !== 200);
    const p95 = pct(sorted, 0.95);
    const one = alone.filter((t) => t.route === name).map(ms).sort((a, b) => a - b);
    console.log(`api ${name}: p50 ${pct(sorted, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ${TARGET_MS}: ${p95 <= TARGET_MS ? 'ok' : 'OVER'}), max ${ms(slowest).toFixed(0)} ms (${slowest.path}); one client alone: p50 ${pct(one, 0.5).toFixed(1)} ms, max ${one.at(-1)!.toFixed(0)} ms; ${(mine.reduce((s, t) => s + t.bytes, 0) / mine.length / 1024).toFixed(0)} KB average${failed.length ? `; ${failed.length} not 200 (${failed[0]!.status} ${failed[0]!.path})` : ''}`);
  }
}

/** Each export read as a stream, its bytes counted and none kept; the RSS sampled every 50 ms and at every chunk. */
async function measureExports(base: string, exportSeconds: number): Promise<void> {
  for (const path of EXPORTS) {
    const start = rss();
    let peak = start;
    // Peaks of the first and the second half of the stream: a stream in flat memory has the second no higher than the first.
    const halves = [start, start];
    const t0 = performance.now();
    const note = () => {
      const now = rss();
      peak = Math.max(peak, now);
      const half = performance.now() - t0 < exportSeconds * 500 ? 0 : 1;
      halves[half] = Math.max(halves[half]!, now);
    };
    const sample = setInterval(note, 50);
    const abort = new AbortController();
    const cut = setTimeout(() => abort.abort(), exportSeconds * 1000);
    let bytes = 0;
    let status = 0;
    try {
      const r = await fetch(base + path, { signal: abort.signal });
      status = r.status;
      for await (const chunk of r.body!) {
        bytes += chunk.byteLength;
        note();
      }
    } catch (e) {
      if (!abort.signal.aborted) throw e;
    } finally {
      clearInterval(sample);
      clearTimeout(cut);
    }
    const s = (performance.now() - t0) / 1000;
    console.log(`api export ${path}: ${(bytes / 1e6).toFixed(1)} MB in ${s.toFixed(1)} s (${(bytes / 1e6 / s).toFixed(1)} MB/s, status ${status})${abort.signal.aborted ? `, CUT OFF after ${exportSeconds} s` : ''}; peak RSS +${((peak - start) / 1e6).toFixed(0)} MB (first half of ${exportSeconds} s +${((halves[0]! - start) / 1e6).toFixed(0)}, second +${((halves[1]! - start) / 1e6).toFixed(0)})`);
  }
}

/** One review (a correction) while `clients` read figures and their mentions: how long it takes, and the longest it holds a read. */
async function measureReview(base: string, store: Store, routes: readonly Route[], clients: number, target: { documentId: string; count: Count }): Promise<void> {
  const { id: tokenId, token } = await store.createToken(`bench-api-${Date.now()}`, 'bench');
  const reads: Timed[] = [];
  let stop = false;
  // Half the clients page through the figures, half read one figure's mentions.
  const readers = Array.from({ length: clients }, async (_, i) => {
    for (let k = i; !stop; k += clients) reads.push(await timed(base, 'read', routes[i % 2]![1](k)));
  });
  await new Promise((r) => setTimeout(r, 2000));
  const c = target.count;
  const r0 = performance.now();
  const posted = await fetch(`${base}/api/reviews`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ documentId: target.documentId, kind: 'count', span: c.span, measure: c.measure, action: 'correct', corrected: { min: c.min! + 1, max: c.max! + 1 }, reason: 'bench/api.ts' }),
  });
  const answer = await posted.text();
  const r1 = performance.now();
  await new Promise((r) => setTimeout(r, 1000));
  stop = true;
  await Promise.all(readers);
  await store.revokeToken(tokenId, 'bench');
  if (posted.status !== 201) throw new Error(`POST /api/reviews: ${posted.status} ${answer}`);
  const before = reads.filter((t) => t.t1 <= r0).map(ms).sort((a, b) => a - b);
  const during = reads.filter((t) => t.t1 > r0 && t.t0 < r1);
  const longest = Math.max(...during.map(ms));
  const p50 = pct(before, 0.5);
  const recomputed = (JSON.parse(answer) as ReviewResponse).figures.length;
  console.log(`api review (a correction, ${recomputed} figures recomputed): ${(r1 - r0).toFixed(0)} ms while ${clients} clients read figures and their mentions; ${during.length} reads overlapped it, the longest ${longest.toFixed(0)} ms: ${(longest - p50).toFixed(0)} ms over their p50 before it (${p50.toFixed(1)} ms; their max before it ${before.at(-1)!.toFixed(0)} ms)`);
}

/** Runs the API benchmark over the archive at `db` and prints a line per measurement. */
export async function benchApi(db: string, opts: ApiBenchOptions = {}): Promise<void> {
  const { clients = 8, rounds = 50, review = true, exportSeconds = 600 } = opts;
  if (!existsSync(db)) throw new Error(`No archive at ${db}`);
  const size = statSync(db).size + (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);
  const tmp = review && size < COPY_LIMIT ? mkdtempSync(join(tmpdir(), 'cc-bench-api-')) : null;
  const file = tmp ? join(tmp, 'bench.db') : db;
  console.log(`api: ${db} (${(size / 1e9).toFixed(2)} GB), ${!review ? 'opened read-only, no review' : tmp ? 'the review written to a copy' : 'THE REVIEW IS WRITTEN TO THIS ARCHIVE (over 2 GB, not copied)'}`);
  try {
    if (tmp) {
      copyFileSync(db, file);
      if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${file}-wal`);
    }
    const rss0 = rss();
    let t0 = performance.now();
    const store = await openSqliteStore(file, { readonly: !review });
    const app = buildServer({ store, readOnly: !review });
    try {
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const first = await getJson<FigureList>(base, '/api/figures?values=8&reports=5');
      console.log(`api start: open + listen + first GET /api/figures?values=8&reports=5 ${(performance.now() - t0).toFixed(0)} ms, +${((rss() - rss0) / 1e6).toFixed(0)} MB RSS (${first.total} figures)`);
      t0 = performance.now();
      const { figureIds, docIds, timelineTotal, queries, target } = await findIds(base, first.total);
      progress(`${figureIds.length} figure ids, ${docIds.length} document ids, ${queries.length} searches, ${timelineTotal} timeline entries, found in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      // The web app's pages ask these (web/src/pages): 100 figures of 8 values (5 report ids each), 50 mentions a value, 300 timeline entries, 50 hits.
      const routes: Route[] = [
        ['figures list', (k) => `/api/figures?values=8&reports=5&limit=100&offset=${scatter(k, Math.max(1, Math.ceil(first.total / 100))) * 100}`],
        ['figure + 50 mentions', (k) => `/api/figures/${encodeURIComponent(figureIds[scatter(k, figureIds.length)]!)}?evidence=50`],
        ['timeline page', (k) => `/api/timeline?limit=300&offset=${scatter(k, Math.max(1, Math.ceil(timelineTotal / 300))) * 300}`],
        ['search', (k) => `/api/search?q=${encodeURIComponent(queries[k % queries.length]!)}&limit=50`],
        ['document', (k) => `/api/documents/${encodeURIComponent(docIds[scatter(k, docIds.length)]!)}`],
      ];
      await measureReads(base, routes, clients, rounds);
      await measureExports(base, exportSeconds);
      if (review) {
        if (target === null) throw new Error('No report read has a count of one number to correct');
        await measureReview(base, store, routes, clients, target);
      }
    } finally {
      await app.close();
      await store.close();
    }
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
