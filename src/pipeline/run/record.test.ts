import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { pairOf, pairRow, SETS, type FigureRow } from './record.js';
import { buildInfo, countFigures, FIGURE_LAYOUT, wholeFigures } from './record-rows.js';
import { extract } from '../2-extract/index.js';
import { openSqliteStore } from '../../storage/sqlite/index.js';
import { reconcile } from './reconcile.js';
import { rowsSnapshot } from './rows-snapshot.case.js';
import type { CountFigures } from './record-rows.js';
import type { SourcePair } from '../3-reconcile/types.js';

const pair: SourcePair = {
  a: 'r1', b: 'r2', containmentA: 0.14444444444444443, containmentB: 1 / 3,
  passages: [
    { a: { doc: 'r1', span: { start: 419, end: 562 }, firstWord: 66 }, b: { doc: 'r2', span: { start: 236, end: 379 }, firstWord: 36 }, words: 20 },
    { a: { doc: 'r1', span: { start: 0, end: 90 }, firstWord: 0 }, b: { doc: 'r2', span: { start: 12, end: 102 }, firstWord: 2 }, words: 14 },
  ],
};

test('a pair row holds its numbers once and reads back as the pair, exactly', () => {
  const row = pairRow(pair, 7);
  assert.deepEqual({ key: row.key, group: row.group, tag: row.tag, ord: row.ord }, { key: 'r1\tr2', group: 'r1', tag: 'r2', ord: 7 });
  assert.ok(JSON.stringify(row.data).length < JSON.stringify(pair).length / 3, JSON.stringify(row.data));
  assert.deepEqual(pairOf(row), pair);
});

test('a pair row written whole, as before packing, reads as it is', () => {
  assert.deepEqual(pairOf({ group: 'r1', tag: 'r2', data: pair }), pair);
});

test('a passage outside the pair\'s two reports keeps the pair whole', () => {
  const odd = { ...pair, passages: [{ ...pair.passages[0]!, b: { ...pair.passages[0]!.b, doc: 'r3' } }] };
  const row = pairRow(odd, 0);
  assert.deepEqual(row.data, odd);
  assert.deepEqual(pairOf(row), odd);
});

test('count-figure rows, one an incident and report, and rows of one count as written before, read as the same counts', () => {
  const rows = [
    { key: 'quake\tr1', group: 'quake', tag: 'r1', ord: 0, lo: null, hi: null, data: [['10-12\nkilled', 'F1'], ['30-32\ninjured', 'F2']] as CountFigures },
    { key: 'r2\n5-9\nkilled', group: 'quake', tag: 'r2', ord: 0, lo: null, hi: null, data: 'F1' },
  ];
  assert.deepEqual(countFigures(rows), [
    { key: 'r1\n10-12\nkilled', figure: 'F1', event: 'quake' },
    { key: 'r1\n30-32\ninjured', figure: 'F2', event: 'quake' },
    { key: 'r2\n5-9\nkilled', figure: 'F1', event: 'quake' },
  ]);
});

test('a record whose figure rows are all whole, as before heads, gets heads from its next build, laid out as a full rebuild lays them', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const add = async (path: string, text: string) => {
      const bytes = new TextEncoder().encode(text);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const doc = { id: sha256.slice(0, 16), sha256, path, name: path, format: 'txt' as const, meta: { title: path, published: '2022-03-20' }, text, byteLength: bytes.byteLength };
      await store.addReport(doc, extract(text, { published: '2022-03-20' }), bytes);
    };
    // Ten rival counts of one collapse, one of them in seven reports.
    for (let n = 0; n < 10; n++) await add(`r${n}.txt`, `Rescuers said ${40 + n} people were killed when the Orlen dam collapsed near Vessany on 14 March 2022.`);
    for (let n = 0; n < 7; n++) await add(`c${n}.txt`, `Edition ${n}. Rescuers said 40 people were killed when the Orlen dam collapsed near Vessany on 14 March 2022.`);
    await add('flood.txt', 'Officials said 9 people were killed when the Kessel flood struck on 3 April 2022.');
    await reconcile(store);
    const heads = (await store.getRows<FigureRow>(SETS.figures)).filter((r) => r.data.valueCount !== undefined);
    assert.ok(heads.length > 0, 'a figure of ten values is stored as its head');
    // As a build before heads left it: every figure row whole, no whole values beside them.
    const whole = await wholeFigures(store, heads);
    const info = (await buildInfo(store))!;
    await store.putRows([
      { set: SETS.figures, clear: { keys: heads.map((r) => r.key) }, rows: whole.map((r) => ({ key: r.key, group: r.group, tag: r.tag, ord: r.ord, data: r.data })) },
      { set: SETS.figureValues, clear: 'all' },
      { set: SETS.info, rows: [{ key: 'built', data: { ...info, figureLayout: undefined } }] },
    ]);
    assert.equal(await store.countRows(SETS.figureValues), 0);
    // A report of the other incident: the dam's figures are not rebuilt, only laid out again.
    await add('flood-2.txt', 'Officials said 11 people were killed when the Kessel flood struck on 3 April 2022.');
    assert.equal((await reconcile(store)).rebuiltEvents, 1, 'only the new incident is rebuilt');
    assert.equal((await buildInfo(store))!.figureLayout, FIGURE_LAYOUT);
    const incremental = await rowsSnapshot(store);
    await reconcile(store, { full: true });
    assert.deepEqual(incremental, await rowsSnapshot(store), 'the rows a full rebuild gives');
  } finally {
    await store.close();
  }
});
