import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

// Twelve real reports with mention-level gold live beside the project (../shared/corpora); a user's own clone has none.
const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared');
const set = join(shared, 'corpora', 'real-reports');
const skip = existsSync(join(set, 'gold.json')) ? false : 'the real-reports set ../shared/corpora/real-reports is absent (as in a user\'s own clone)';

test('scores counts F1, dates F1 and attribution >= 0.95 on the real reports', { skip }, () => {
  const pred = execFileSync(process.execPath, [join(root, 'bin', 'crosscheck.js'), 'extract', join(set, 'docs'), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const file = join(mkdtempSync(join(tmpdir(), 'cc-real-')), 'pred.json');
  writeFileSync(file, pred);
  const out = execFileSync(process.execPath, [join(shared, 'eval', 'score.mjs'), '--gold', join(set, 'gold.json'), '--docs', join(set, 'docs'), '--pred', file, '--json'], { encoding: 'utf8' });
  const s = JSON.parse(out) as { counts: { f1: number }; dates: { f1: number }; attribution: { accuracy: number } };
  assert.ok(s.counts.f1 >= 0.95, `counts F1 ${s.counts.f1}`);
  assert.ok(s.dates.f1 >= 0.95, `dates F1 ${s.dates.f1}`);
  assert.ok(s.attribution.accuracy >= 0.95, `attribution ${s.attribution.accuracy}`);
});
