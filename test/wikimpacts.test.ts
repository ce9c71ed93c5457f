import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

// The Wikimpacts dev split (event-level gold, no spans) lives beside the project; a user's own clone has none.
const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared');
const set = join(shared, 'corpora', 'wikimpacts-dev');
const skip = existsSync(join(set, 'gold.json')) ? false : 'the Wikimpacts dev set ../shared/corpora/wikimpacts-dev is absent (as in a user\'s own clone)';

interface Scores {
  perCategory: Record<string, { gold: number; hit: number }>;
  precision: Record<string, { n: number; anyMeasure: number }>;
}

test('finds the event\'s deaths and injuries in >= 0.90 of the Wikimpacts dev articles, precision proxy >= 0.716', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-wiki-'));
  const pred = join(dir, 'pred.json');
  writeFileSync(pred, execFileSync(process.execPath, [join(root, 'bin', 'crosscheck.js'), 'extract', join(set, 'docs'), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const json = join(dir, 'scores.json');
  execFileSync(process.execPath, [join(set, 'score_event.mjs'), '--gold', join(set, 'gold.json'), '--pred', pred, '--docs', join(set, 'docs'), '--json', json], { encoding: 'utf8' });
  const s = JSON.parse(readFileSync(json, 'utf8')) as Scores;
  const recall = (c: string) => s.perCategory[c]!.hit / s.perCategory[c]!.gold;
  assert.ok(recall('Deaths') >= 0.9, `deaths found ${recall('Deaths')}`);
  assert.ok(recall('Injuries') >= 0.9, `injuries found ${recall('Injuries')}`);
  // The precision proxy over every scored measure, which was 0.716 before issue 12.
  const q = Object.values(s.precision);
  const precision = q.reduce((a, x) => a + x.anyMeasure, 0) / q.reduce((a, x) => a + x.n, 0);
  assert.ok(precision >= 0.716, `precision proxy ${precision}`);
});
