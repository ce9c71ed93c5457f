import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
import { loadRecord } from '../src/pipeline/run/record-rows.js';
import type { CountRef, Figure } from '../src/pipeline/3-reconcile/types.js';

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

/** A folder ingested and reconciled, with each report's text by id. */
async function reconciled(dir: string): Promise<{ record: NonNullable<Awaited<ReturnType<typeof loadRecord>>>; texts: Map<string, string> }> {
  const store = await openSqliteStore(':memory:');
  await ingestPaths(store, [dir], { workers: 0, maxSize: 50 << 20 });
  await reconcile(store);
  const record = (await loadRecord(store))!;
  const texts = new Map<string, string>();
  for await (const t of store.allTexts()) texts.set(t.id, t.text);
  await store.close();
  return { record, texts };
}

const examples = join(import.meta.dirname, '..', 'examples');
const sentenceOf = (texts: Map<string, string>, r: CountRef) => texts.get(r.doc)!.slice(r.count.sentence.start, r.count.sentence.end);
const CASUALTY = (f: Figure) => f.key.measure !== 'other' && f.key.measure !== 'population';

/**
 * What a careful reader asks of every verdict, by rule: values diverge only when their ranges
 * conflict (or one replaced the other over time); two values a single sentence lists side by
 * side are two things counted, never rivals; "source against source" needs two sources.
 */
function assertRealDivergences(figures: Figure[]): void {
  for (const f of figures.filter(CASUALTY)) {
    const v = f.verdict;
    if (v.status !== 'diverging') continue;
    const name = `${f.eventLabel} ${f.label}: ${v.reason}`;
    for (const [i, j] of v.pairs) {
      const a = f.values[i]!;
      const b = f.values[j]!;
      if (v.kind !== 'time') assert.ok(!a.compatibleWith.includes(j), `${name}: ${a.label} and ${b.label} overlap`);
      const sentences = new Set(a.counts.map((r) => `${r.doc}:${r.count.sentence.start}`));
      if (v.kind !== 'time') assert.ok(!b.counts.some((r) => sentences.has(`${r.doc}:${r.count.sentence.start}`)), `${name}: ${a.label} and ${b.label} are listed in one sentence`);
      if (v.kind === 'source') assert.ok(a.independent + b.independent >= 2 && a.reports.join() !== b.reports.join(), `${name}: one source`);
    }
  }
}

for (const [name, dir] of [['seeds', seeds], ['examples', examples]] as const) {
  test(`every diverging verdict on the ${name} is a real divergence`, { skip: name === 'seeds' ? skip : false }, async () => {
    const { record } = await reconciled(dir);
    assertRealDivergences(record.figures);
  });
}

test('counts the seeds list side by side with different qualifiers ("lost both parents", "lost one parent") are separate figures', { skip }, async () => {
  const { record, texts } = await reconciled(seeds);
  // Every sentence with two counts of one measure, group and unit but different values.
  let pairs = 0;
  const byCount = new Map<string, Figure>();
  for (const f of record.figures) for (const v of f.values) for (const r of v.counts) byCount.set(`${r.doc}:${r.index}`, f);
  const refs = record.figures.flatMap((f) => f.values.flatMap((v) => v.counts));
  for (const a of refs) for (const b of refs) {
    if (a.doc !== b.doc || a.index >= b.index || a.count.sentence.start !== b.count.sentence.start) continue;
    if (a.count.measure !== b.count.measure || a.count.group !== b.count.group || a.count.unit !== b.count.unit || a.count.min === b.count.min) continue;
    if (a.count.partOf !== undefined || b.count.partOf !== undefined) continue;
    pairs++;
    const fa = byCount.get(`${a.doc}:${a.index}`)!;
    const fb = byCount.get(`${b.doc}:${b.index}`)!;
    assert.notEqual(fa, fb, `"${sentenceOf(texts, a)}" lists ${a.count.quote} and ${b.count.quote} in one figure`);
    assert.ok(fa.key.qualifier !== undefined || fb.key.qualifier !== undefined);
  }
  assert.ok(pairs >= 1, 'the seeds list such a pair');
  assert.ok(record.figures.filter((f) => f.key.measure === 'orphaned').every((f) => f.verdict.status === 'consistent'));
});

test('remains found in graves and a country-wide figure are not the massacre\'s own toll', { skip }, async () => {
  const { record, texts } = await reconciled(seeds);
  const graves = /\b(?:remains|graves?|exhum\w*|excavations?)\b/i;
  const country = /\b(?:nationwide|out of the total population|across the country)\b/i;
  let seen = 0;
  for (const f of record.figures) {
    for (const r of f.values.flatMap((v) => v.counts)) {
      const s = sentenceOf(texts, r);
      if (graves.test(s) && f.key.measure === 'killed') { seen++; assert.match(f.key.qualifier ?? '', /found in graves/, s); }
      if (country.test(s)) { seen++; assert.match(f.key.qualifier ?? '', /nationwide/, s); }
    }
  }
  assert.ok(seen >= 2, 'the seeds give both');
});

test('a subset ("31 of the injured") is a part of the injured figure, not a rival value of it', async () => {
  const { record } = await reconciled(examples);
  const parts = record.figures.filter((f) => f.key.scope === 'part');
  assert.ok(parts.length >= 1, 'the examples give a subset');
  for (const p of parts) {
    assert.ok(p.partOf, `${p.label} names its whole`);
    const whole = record.figures.find((f) => JSON.stringify(f.key) === JSON.stringify(p.partOf));
    assert.ok(whole, `${p.label}: its whole is a figure of the record`);
    const subset = new Set(p.values.flatMap((v) => v.counts.map((r) => `${r.doc}:${r.index}`)));
    assert.ok(!whole.values.some((v) => v.counts.some((r) => subset.has(`${r.doc}:${r.index}`))));
  }
});
