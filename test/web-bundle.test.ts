/** The web app's payload: what a reader's browser downloads before the overview can draw. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const assets = join(import.meta.dirname, '..', 'web', 'dist', 'assets');
const skip = existsSync(assets) ? false : `no built web app at ${assets}: run npm run build:web`;

/** Issue 14's budget: the JavaScript stays under 60 KB gzipped. */
const JS_BUDGET = 60 * 1024;

test('the web app\'s JavaScript stays under 60 KB gzipped, in one file the page loads', { skip }, () => {
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  assert.ok(js.length >= 1, 'a script is built');
  const gzipped = js.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  console.log(`# web app JavaScript: ${js.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  assert.ok(gzipped < JS_BUDGET, `${(gzipped / 1024).toFixed(1)} KB gzipped is over the ${JS_BUDGET / 1024} KB budget`);
  const html = readFileSync(join(assets, '..', 'index.html'), 'utf8');
  assert.ok(js.some((f) => html.includes(f)), 'index.html loads the built script');
});
