import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairOf, pairRow } from './record.js';
import { countFigures } from './record-rows.js';
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
