/** For the browser tests: a served database of the example reports plus hostile ones, and a browser. */
import { after, before } from 'node:test';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { cli, cliAsync, tempDir } from '../helpers/cli.js';

/** Debian's chromium; no browser is downloaded. */
export const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null. In CI a missing browser is a failure, not a skip. */
export function unavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install -y chromium`);
  return `no browser at ${CHROMIUM} (apt-get install -y chromium)`;
}

/** Reports whose text tries to run code: every trick must show up as text. */
export const HOSTILE_TXT = `Markup in a plain-text report: <script>window.__pwned = 'script'</script>

An image: <img src=x onerror="window.__pwned = 'img'"> and a link [click me](javascript:window.__pwned='link').
<a href="javascript:window.__pwned='anchor'">anchor</a>

On 2 March 2021, 17 people were killed in Orlen, the <b>civil defence</b> said.
`;

export const HOSTILE_HTML = `<!doctype html><html><head><title>Orlen &lt;img src=x onerror=alert(1)&gt; update</title>
<meta property="og:url" content="javascript:window.__pwned='meta'">
<meta property="article:published_time" content="2021-03-03">
<script>window.__pwned = 'head'</script></head>
<body><article><h1>Orlen update</h1>
<p>Rescuers said 21 people were injured in Orlen on 2 March 2021. <img src=x onerror="window.__pwned='body-img'"></p>
<p>Read <a href="javascript:window.__pwned='body-link'">the statement</a> and &lt;script&gt;window.__pwned='entity'&lt;/script&gt; here.</p>
<script>window.__pwned = 'body'</script>
</article></body></html>`;

/** A running `crosscheck serve` with its address, a curator's token, and a way to stop. */
export interface Served {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/** Ingests examples/ and the hostile reports into a fresh database, creates a token, serves it (read-only when asked). */
export async function serveExamples(opts: { allowPrivate?: boolean; readOnly?: boolean } = {}): Promise<Served> {
  const dir = tempDir('cc-web-');
  const reports = join(dir, 'reports');
  cpSync(join(import.meta.dirname, '..', '..', 'examples'), reports, { recursive: true });
  writeFileSync(join(reports, '90-hostile.txt'), HOSTILE_TXT);
  writeFileSync(join(reports, '91-hostile.html'), HOSTILE_HTML);
  const db = join(dir, 'web.db');
  const ingest = cli('ingest', reports, '--db', db, '--json');
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const token = cli('token', 'create', '--name', 'browser-test', '--db', db).stdout.trim();
  const child = cliAsync('serve', '--db', db, '--port', '0', ...(opts.allowPrivate ? ['--allow-private'] : []), ...(opts.readOnly ? ['--read-only'] : []));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /http:\/\/[^\s/]+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.stderr!.on('data', (b: Buffer) => { out += b.toString(); });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`serve printed no address in 30 s: ${out}`)), 30_000).unref();
  });
  return {
    url, token,
    stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

/** Starts headless chromium. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Where the tests write screenshots: a git-ignored build folder, so a test run leaves the work
 * tree as it found it. `node scripts/screenshots.mjs` copies the README's from here on purpose.
 */
export const SHOTS = process.env.CROSSCHECK_SCREENSHOTS ?? join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** Desktop and phone (an iPhone 12–15 screen) viewports. */
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * Collects what a page reports as wrong: script errors, and console errors other than the
 * failed API requests a test makes on purpose (a 401 for a wrong token, a 404 for an unknown id),
 * which chromium also logs. A CSP violation (such as a `data:` favicon) is an error here.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) && m.location().url.includes('/api/');
    if (!expected) errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  return errors;
}

/**
 * The examples served and a browser launched before the suite it is called in, both closed
 * after it: `suite.served`, `suite.browser` in its tests.
 */
export function servedWithBrowser(): { readonly served: Served; readonly browser: Browser } {
  const suite = {} as { served: Served; browser: Browser };
  before(async () => {
    suite.served = await serveExamples();
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.served?.stop();
  });
  return suite;
}
