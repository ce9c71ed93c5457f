import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

// The development set lives beside the project (../shared); a user's own clone has none.
const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared');
const skip = existsSync(join(shared, 'seeds')) ? false : 'the development set ../shared is absent (as in a user\'s own clone)';

test('scores counts F1 >= 0.97, dates F1 >= 0.90 and attribution >= 0.95 on the development set', { skip }, () => {
  const pred = execFileSync(process.execPath, [join(root, 'bin', 'crosscheck.js'), 'extract', join(shared, 'seeds'), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const file = join(mkdtempSync(join(tmpdir(), 'cc-seeds-')), 'pred.json');
  writeFileSync(file, pred);
  const out = execFileSync(process.execPath, [join(shared, 'eval', 'score.mjs'), '--gold', join(shared, 'gold', 'seeds.json'), '--docs', join(shared, 'seeds'), '--pred', file, '--json'], { encoding: 'utf8' });
  const s = JSON.parse(out) as { counts: { f1: number }; dates: { f1: number }; attribution: { accuracy: number } };
  assert.ok(s.counts.f1 >= 0.97, `counts F1 ${s.counts.f1}`);
  assert.ok(s.dates.f1 >= 0.9, `dates F1 ${s.dates.f1}`);
  assert.ok(s.attribution.accuracy >= 0.95, `attribution ${s.attribution.accuracy}`);
});
