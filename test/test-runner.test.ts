/** `node scripts/test.mjs` ends with one line of totals and the runner's exit code; the browser tests write no tracked file. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { SHOTS } from './browser/server.case.js';
import { tempDir } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');

/** Runs the project's test script on `files` in the project folder. */
function runTests(...files: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'test.mjs'), ...files], { cwd: ROOT, encoding: 'utf8' });
}

test('a run ends with one line of totals and exits 1 when a test failed', () => {
  const dir = tempDir('cc-runner-');
  const file = join(dir, 'sample.test.ts');
  writeFileSync(file, "import { test } from 'node:test';\ntest('passes', () => {});\ntest('fails', () => { throw new Error('no'); });\ntest('skips', { skip: 'not here' }, () => {});\n");
  const r = runTests(file);
  const last = r.stdout.trimEnd().split('\n').at(-1);
  assert.match(last ?? '', /^tests: 1 passed, 1 failed, 1 skipped, 0 cancelled, 0 todo \(\d+\.\d s\)$/);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /not here/, 'skip reasons are shown');
});

test('a passing run exits 0', () => {
  const dir = tempDir('cc-runner-');
  const file = join(dir, 'ok.test.ts');
  writeFileSync(file, "import { test } from 'node:test';\ntest('passes', () => {});\n");
  const r = runTests(file);
  assert.match(r.stdout.trimEnd().split('\n').at(-1) ?? '', /^tests: 1 passed, 0 failed/);
  assert.equal(r.status, 0);
});

test('the browser tests write their screenshots to a git-ignored build folder, not docs/screenshots', () => {
  const rel = relative(ROOT, SHOTS);
  assert.ok(!rel.startsWith('docs'), rel);
  const ignored = spawnSync('git', ['check-ignore', '-q', join(rel, 'overview.png')], { cwd: ROOT });
  if (ignored.error) return; // no git here (an unpacked tarball): nothing to dirty
  assert.equal(ignored.status, 0, `${rel} is ignored by git`);
});
