import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';
import { redate } from './relative.js';

test('a relative date counted from the report’s date is counted again from a corrected one; one counted from the narrative stays', () => {
  const text = 'The dam was inspected last year. On Monday rescuers found 4 more bodies. '
    + 'The flood came on 14 March 2022. A day earlier the river had risen. Two years ago a levee failed. Officials met yesterday.';
  const dates = extract(text, { published: '2022-03-16' }).dates.filter((d) => d.relative);
  const table: Array<[string, string | null | undefined]> = [
    // [quote, its value counted from 2023-06-01 (a Thursday); null: too coarse for the date; undefined: kept]
    ['last year', '2022'],
    ['On Monday', '2023-05-29'],
    ['A day earlier', undefined],
    ['Two years ago', '2021'],
    ['yesterday', '2023-05-31'],
  ];
  assert.deepEqual(dates.map((d) => d.quote), table.map(([q]) => q));
  for (const [quote, expected] of table) {
    const d = dates.find((x) => x.quote === quote)!;
    assert.equal(redate(d, '2022-03-16', '2023-06-01'), expected, quote);
  }
  // A report dated only by its year has no day to count "yesterday" from.
  assert.equal(redate(dates.find((x) => x.quote === 'yesterday')!, '2022-03-16', '2023'), null);
  assert.equal(redate(dates.find((x) => x.quote === 'last year')!, '2022-03-16', '2023'), '2022');
});
