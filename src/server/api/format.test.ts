import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VAGUE } from '../../nlp/numbers.js';
import { extract } from '../../pipeline/2-extract/index.js';
import { VAGUE_WORDS, formatRange, formatRangeWithUnit, formatTimestamp, plural } from './format.js';
import type { RangeLike } from './format.js';

const table: Array<[RangeLike, string]> = [
  [{ min: 613, max: 613 }, '613'],
  [{ min: 1275, max: 1275 }, '1,275'],
  [{ min: 150, max: 150, approximate: true }, 'about 150'],
  [{ min: 42, max: null }, 'at least 42'],
  [{ min: 4, max: null }, 'at least 4'],
  [{ min: 1001, max: null }, 'more than 1,000'],
  [{ min: 121, max: null }, 'more than 120'],
  [{ min: null, max: 300 }, 'up to 300'],
  [{ min: null, max: 299 }, 'fewer than 300'],
  [{ min: null, max: 300, approximate: true }, 'nearly 300'],
  [{ min: 200, max: 300 }, 'between 200 and 300'],
  [{ min: 200, max: 999, approximate: true }, 'hundreds'],
  [{ min: 200, max: 999 }, 'between 200 and 999'],
  [{ min: 24, max: 99, approximate: true }, 'dozens'],
  [{ min: 20_000, max: 99_999, approximate: true }, 'tens of thousands'],
  [{ min: 200, max: 300, approximate: true }, 'about 200 to 300'],
  [{ min: 150, max: null, approximate: true }, 'about 150 or more'],
  [{ min: null, max: null }, 'an unstated number'],
];

test('writes each range as the reading table reads it back', () => {
  for (const [range, expected] of table) assert.equal(formatRange(range), expected, JSON.stringify(range));
});

test('"at least 42" is not written "more than 42", nor "more than 120" as "more than 121"', () => {
  assert.equal(formatRange({ min: 42, max: null }), 'at least 42');
  assert.equal(formatRange({ min: 121, max: null }), 'more than 120');
});

test('every written range reads back to the same min, max and approximate through the extractor', () => {
  for (const [range] of table) {
    if (range.min === null && range.max === null) continue;
    const words = formatRange(range);
    const got = extract(`Officials said ${words} people were killed in the flood.`).counts[0];
    assert.ok(got, `no count read from "${words}"`);
    // A loose range other than a vague word ("about 200 to 300") has no wording the reader marks as approximate.
    const loose = range.approximate === true && range.min !== range.max && !VAGUE_WORDS.some((v) => v.min === range.min && v.max === range.max);
    assert.deepEqual([got.min, got.max, loose || got.approximate], [range.min, range.max, loose || range.approximate === true], words);
  }
});

test('the vague words are the number reader\'s own, with the same bounds', () => {
  for (const v of VAGUE_WORDS) {
    assert.ok(VAGUE.some((x) => x.words.join(' ') === v.word && x.min === v.min && x.max === v.max), v.word);
  }
});

test('names the unit when families are counted', () => {
  assert.equal(formatRangeWithUnit({ min: 8, max: 8, unit: 'families' }), '8 families');
  assert.equal(formatRangeWithUnit({ min: 8, max: 8, unit: 'people' }), '8');
});

test('writes "1 review" and "2 reviews", and timestamps to the minute in UTC', () => {
  assert.equal(plural(1, 'review'), '1 review');
  assert.equal(plural(2, 'review'), '2 reviews');
  assert.equal(plural(1275, 'report'), '1,275 reports');
  assert.equal(formatTimestamp('2026-12-03T12:05:04.123Z'), '2026-12-03 12:05 UTC');
  assert.equal(formatTimestamp('not a time'), 'not a time');
});
