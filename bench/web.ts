/**
 * The overview of the seeds in a cold headless Chromium (a fresh browser each run), from the
 * start of navigation to the figures drawn. The baseline in the same run is the same cold browser
 * drawing the app's static favicon from the same server, so the ratio says what the overview costs
 * beyond starting a browser and a request. Issue 14's budget: under 1 s.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcileReviewed } from '../src/review/reconcile.js';
import { buildServer } from '../src/server/build.js';

const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Milliseconds from navigation start until `selector` is in the page (or, null, the page has loaded), in a browser started for this one load. */
async function coldDraw(url: string, selector: string | null): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'commit' });
    // A function, not a string: the app's CSP allows no eval.
    const handle = await page.waitForFunction((sel) => (sel === null ? document.readyState === 'complete' : document.querySelector(sel) !== null) && performance.now(), selector, { timeout: 30_000 });
    return Number(await handle.jsonValue());
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the web benchmark over the reports in `dir` (the seeds), `rounds` cold loads each. */
export async function benchWeb(dir: string, webDist: string, rounds = 5): Promise<void> {
  if (!existsSync(CHROMIUM)) { console.log(`web: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium)`); return; }
  if (!existsSync(dir)) { console.log(`web: skipped, no reports at ${dir}`); return; }
  const js = readdirSync(join(webDist, 'assets')).filter((f) => f.endsWith('.js'));
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(webDist, 'assets', f)), { level: 9 }).length, 0);
  const tmp = mkdtempSync(join(tmpdir(), 'cc-bench-web-'));
  const store = await openSqliteStore(join(tmp, 'web.db'));
  try {
    await ingestPaths(store, readdirSync(dir).filter((f) => !f.startsWith('.')).map((f) => join(dir, f)), { workers: 0, maxSize: 1 << 24 });
    await reconcileReviewed(store);
    const app = buildServer({ store, webRoot: webDist });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const overview: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < rounds; i++) {
      baseline.push(await coldDraw(`${url}/favicon.svg`, null));
      overview.push(await coldDraw(url, 'table.figures'));
    }
    await app.close();
    const o = median(overview);
    const b = median(baseline);
    console.log(`web: overview of ${readdirSync(dir).length} reports drawn in a cold Chromium in ${o.toFixed(0)} ms (median of ${rounds}; worst ${Math.max(...overview).toFixed(0)} ms; budget 1000 ms), baseline static file ${b.toFixed(0)} ms, ${(o / b).toFixed(2)}× the baseline; JavaScript ${(gz / 1024).toFixed(1)} KB gzipped (budget 60 KB)`);
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
