// Refreshes the screenshots the README shows, on purpose: builds, runs the browser tests (which
// write every screenshot under test-results/screenshots, a git-ignored build folder), then copies
// the README's from there to docs/screenshots. `--no-build` skips the build.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const FROM = join('test-results', 'screenshots');
const TO = join('docs', 'screenshots');

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!process.argv.includes('--no-build')) run('npm', ['run', 'build']);
run(process.execPath, ['scripts/test.mjs', ...['webapp', 'charts', 'add', 'curate', 'entities', 'read-only'].map((f) => join('test', 'browser', `${f}.test.ts`)).filter(existsSync)]);

// The README names the pictures it shows: exactly those are copied.
const shown = [...readFileSync('README.md', 'utf8').matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1]);
mkdirSync(TO, { recursive: true });
const missing = [];
for (const name of new Set(shown)) {
  if (existsSync(join(FROM, name))) copyFileSync(join(FROM, name), join(TO, name));
  else missing.push(name);
}
console.log(`copied ${shown.length - missing.length} screenshots to ${TO}${missing.length ? `; no test wrote ${missing.join(', ')}` : ''}`);
process.exit(missing.length ? 1 : 0);
