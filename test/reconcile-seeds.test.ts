import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
import { loadRecord } from '../src/pipeline/run/record-rows.js';
import type { Figure } from '../src/pipeline/3-reconcile/types.js';

const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const skip = existsSync(seeds) ? false : 'the development set ../shared/seeds is absent (as in a user\'s own clone)';

/** The figure for a measure and group of the corpus's one event. */
function figure(figures: Figure[], measure: string, group = 'all'): Figure {
  const f = figures.find((x) => x.key.measure === measure && x.key.group === group && x.key.unit === 'people');
  assert.ok(f, `no ${measure}/${group} figure`);
  return f;
}

test('reconciles the seeds: 613 against 1,300 killed, 487 against more than 1,000 injured, 1,275 captured', { skip }, async () => {
  const store = await openSqliteStore(':memory:');
  await ingestPaths(store, [seeds], { workers: 0, maxSize: 50 << 20 });
  await reconcile(store);
  const r = (await loadRecord(store))!;
  await store.close();
  assert.equal(r.events.length, 1, 'one event, the massacre the reports discuss');
  assert.match(r.events[0]!.label, /khojaly/i);

  const killed = figure(r.figures, 'killed');
  const v613 = killed.values.find((v) => v.min === 613 && v.max === 613)!;
  assert.equal(v613.reports.length, 5, '613 is stated in all five reports');
  assert.equal(v613.independent, 4, '002 and 004 share the sentence: one source for it');
  assert.equal(killed.values[0], v613, 'ranked first by independent support');
  const v1300 = killed.values.find((v) => v.min === 1300)!;
  assert.deepEqual(v1300.kinds, ['unofficial']);
  const hundreds = killed.values.find((v) => v.min === 200 && v.max === 999)!;
  assert.equal(hundreds.reports.length, 2);
  assert.ok(hundreds.compatibleWith.includes(killed.values.indexOf(v613)), '"hundreds" is compatible with 613');
  assert.equal(killed.verdict.status, 'diverging');
  assert.equal(killed.verdict.status === 'diverging' && killed.verdict.kind, 'attribution');
  assert.match(killed.verdict.reason, /official/);

  const injured = figure(r.figures, 'injured');
  assert.deepEqual(injured.values.map((v) => [v.min, v.max]), [[487, 487], [1001, null]]);
  assert.equal(injured.verdict.status === 'diverging' && injured.verdict.kind, 'attribution');

  const captured = figure(r.figures, 'captured');
  assert.deepEqual(captured.values.map((v) => v.min), [1275]);
  assert.equal(captured.verdict.status, 'consistent');

  const joint = r.checks.find((c) => c.kind === 'joint-vs-parts');
  assert.ok(joint && joint.status === 'agrees', '169 women and children agrees with 106 + 63');
  assert.ok(!r.checks.some((c) => c.status === 'problem'), JSON.stringify(r.checks.filter((c) => c.status === 'problem').map((c) => c.reason)));

  assert.equal(r.sources.pairs.length, 1, 'only 002 and 004 share text');
  assert.ok(r.sources.pairs[0]!.passages.length > 0);
});
