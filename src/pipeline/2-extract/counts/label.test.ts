import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

type Row = [measure: string, min: number | null, max: number | null, quote: string];

function rows(text: string): Row[] {
  return extract(text).counts.map((c) => [c.measure, c.min, c.max, c.quote]);
}

// Key-figure blocks and infoboxes in our own words; [text, expected counts].
const TABLE: [string, Row[]][] = [
  ['Deaths: 17 total', [['killed', 17, 17, '17']]],
  ['Fatalities: 6 direct, 2 indirect', [['killed', 6, 6, '6'], ['killed', 2, 2, '2']]],
  ['Non-fatal injuries: 3[2]', [['injured', 3, 3, '3']]],
  ['Non-fatal injuries: 1 lifeguard', [['injured', 1, 1, '1 lifeguard']]],
  ['Missing: 12', [['missing', 12, 12, '12']]],
  ['Casualties\n40 killed, 120 injured', [['killed', 40, 40, '40'], ['injured', 120, 120, '120 injured']]],
  ['Civilians reported killed\n4 – 9', [['killed', 4, 9, '4 – 9']]],
  ['2.1 million\nPeople internally displaced', [['displaced', 2_100_000, 2_100_000, '2.1 million']]],
  // A label line goes on over the lines right after it that open with a number.
  ['Fatalities:300+ (per the Varn Relief League)\n410 (per the Orlec council)', [['killed', 300, null, '300+'], ['killed', 410, 410, '410']]],
  // …but not over prose, nor is a label without a measure word read as one.
  ['Deaths: 5\nThe storm flattened 300 homes.', [['killed', 5, 5, '5']]],
  ['2. CASUALTIES\nThe toll has risen to 14.', [['killed', 14, 14, '14']]],
  ['Burned area: 4,100 acres\nStructures destroyed: 37', []],
];

test('a label names the measure of the value beside it or on the line next to it', () => {
  for (const [text, expected] of TABLE) assert.deepEqual(rows(text), expected, text);
});
