/** The reader's highlight segmentation: overlapping spans become flat runs that cover the text exactly once. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment, stops } from '../web/src/highlight.ts';
import type { Mark } from '../web/src/highlight.ts';

const text = 'On 14 June, 42 people were killed in Kessrin, officials said.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const marks: Mark[] = [
  { id: 'date:0', layer: 'date', ...at('14 June') },
  { id: 'count:0', layer: 'count', ...at('42 people') },
  { id: 'quote:0', layer: 'quote', ...at('42 people were killed in Kessrin') },
  { id: 'entity:0', layer: 'entity', ...at('Kessrin') },
];

test('segments cover the whole text, in order, with no gap or overlap', () => {
  const segs = segment(text.length, marks, [at('were killed in Kessrin, officials')]);
  assert.equal(segs[0]!.start, 0);
  assert.equal(segs.at(-1)!.end, text.length);
  for (let i = 1; i < segs.length; i++) assert.equal(segs[i]!.start, segs[i - 1]!.end);
  assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(''), text);
});

test('where highlights overlap, the count comes before the quote around it, the quote before a name', () => {
  const segs = segment(text.length, marks);
  const of = (s: string) => segs.find((x) => x.start === text.indexOf(s))!;
  assert.deepEqual(of('42 people').marks.map((m) => m.id), ['count:0', 'quote:0']);
  assert.deepEqual(of('Kessrin').marks.map((m) => m.id), ['quote:0', 'entity:0']);
  assert.deepEqual(of(', officials').marks, []);
});

test('shared passages are flagged on the runs they cover, and only those', () => {
  const segs = segment(text.length, marks, [at('were killed')]);
  const shared = segs.filter((s) => s.shared).map((s) => text.slice(s.start, s.end)).join('');
  assert.equal(shared, 'were killed');
});

test('spans outside the text or empty are dropped, not drawn', () => {
  const segs = segment(10, [{ id: 'count:9', layer: 'count', start: 50, end: 60 }, { id: 'date:9', layer: 'date', start: 3, end: 3 }]);
  assert.deepEqual(segs, [{ start: 0, end: 10, marks: [], shared: false }]);
});

test('the keyboard steps through counts and dates in text order', () => {
  assert.deepEqual(stops(marks).map((m) => m.id), ['date:0', 'count:0']);
});
