// Runs every *.test.ts under src/ and test/ with node's test runner (Node 20 has no --test globs),
// or the files given. People read the spec reporter (a line per test, skip reasons, failures again
// at the end); TAP goes to a file in test-results/ for the totals, and the run ends with one line of totals:
// "tests: 120 passed, 0 failed, 2 skipped, 0 cancelled, 0 todo (41.3 s)". The exit code is the runner's.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries.sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** The run's totals from the TAP summary lines ("# pass 12"). */
function totals(tap) {
  const get = (k) => Number(new RegExp(`^# ${k} ([\\d.]+)$`, 'm').exec(tap)?.[1] ?? NaN);
  return { pass: get('pass'), fail: get('fail'), skipped: get('skipped'), cancelled: get('cancelled'), todo: get('todo'), ms: get('duration_ms') };
}

/** The environment minus node's marker for a test's own subprocess, which would silence the reporters. */
function withoutTestContext(env) {
  const { NODE_TEST_CONTEXT: _, ...rest } = env;
  return rest;
}

const only = process.argv.slice(2);
const files = only.length ? only : [...collect('src', []), ...collect('test', [])];
mkdirSync('test-results', { recursive: true });
// One file a run: a test may run this script itself (test/test-runner.test.ts).
const tapFile = join('test-results', `tests-${process.pid}.tap`);
const r = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=2',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
  ...files,
], { stdio: 'inherit', env: withoutTestContext(process.env) });
let line;
try {
  const t = totals(readFileSync(tapFile, 'utf8'));
  line = Number.isNaN(t.pass)
    ? 'tests: no totals (the runner stopped before its summary)'
    : `tests: ${t.pass} passed, ${t.fail} failed, ${t.skipped} skipped, ${t.cancelled} cancelled, ${t.todo} todo (${(t.ms / 1000).toFixed(1)} s)`;
} catch {
  line = 'tests: no totals (no TAP written)';
}
rmSync(tapFile, { force: true });
console.log(line);
process.exit(r.status ?? 1);
