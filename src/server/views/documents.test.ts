/** The reader view's lookups: the counts of a marked sentence, found without a pass over every count. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Count } from '../../domain/types.js';
import { sentenceIndex } from './documents.js';

const count = (start: number, end: number) => ({ sentence: { start, end } }) as Count;

test('finds the counts whose sentence overlaps a span, in index order, as a pass over all of them would', () => {
  const counts = [count(50, 90), count(0, 40), count(50, 90), count(100, 140), count(0, 200), count(40, 50)];
  const find = sentenceIndex(counts);
  const brute = (s: { start: number; end: number }) => counts.flatMap((c, i) => (c.sentence.start < s.end && s.start < c.sentence.end ? [i] : []));
  for (const span of [{ start: 50, end: 90 }, { start: 0, end: 1 }, { start: 95, end: 99 }, { start: 140, end: 300 }, { start: 200, end: 201 }, { start: 39, end: 51 }]) {
    assert.deepEqual(find(span), brute(span), JSON.stringify(span));
  }
  assert.deepEqual(sentenceIndex([])({ start: 0, end: 10 }), []);
});
