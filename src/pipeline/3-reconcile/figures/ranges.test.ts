import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compatible, definitelyAbove, formatNumber, rangeLabel } from './ranges.js';

test('ranges are compatible exactly when they overlap', () => {
  const table: Array<[string, [number | null, number | null], [number | null, number | null], boolean]> = [
    ['"hundreds" and 613', [200, 999], [613, 613], true],
    ['"more than 1,000" and 487', [1001, null], [487, 487], false],
    ['"up to 300" and 250', [null, 300], [250, 250], true],
    ['"fewer than 300" and 300', [null, 299], [300, 300], false],
    ['"dozens" and "hundreds"', [24, 99], [200, 999], false],
    ['"at least 4" and "thousands"', [4, null], [2000, 9999], true],
  ];
  for (const [name, [a0, a1], [b0, b1], expected] of table) {
    assert.equal(compatible({ min: a0, max: a1 }, { min: b0, max: b1 }), expected, name);
  }
});

test('an approximate value is widened by the tolerance, so "about 600" fits 613 but not 700', () => {
  assert.equal(compatible({ min: 600, max: 600, approximate: true }, { min: 613, max: 613 }), true);
  assert.equal(compatible({ min: 600, max: 600, approximate: true }, { min: 700, max: 700 }), false);
  assert.equal(compatible({ min: 600, max: 600, approximate: true }, { min: 613, max: 613 }, 0), false);
});

test('a subgroup is definitely above a total only when its least exceeds the total\'s most', () => {
  assert.equal(definitelyAbove({ min: 700, max: 700 }, { min: 613, max: 613 }), true);
  assert.equal(definitelyAbove({ min: 200, max: 999 }, { min: 613, max: 613 }), false);
});

test('values read in words as a report would say them', () => {
  const table: Array<[number | null, number | null, boolean, string]> = [
    [613, 613, false, '613'],
    [1275, 1275, false, '1,275'],
    [150, 150, true, 'about 150'],
    [200, 999, false, 'hundreds'],
    [20000, 99999, false, 'tens of thousands'],
    [1001, null, false, 'more than 1,000'],
    [4, null, false, 'at least 4'],
    [null, 299, false, 'fewer than 300'],
    [null, 300, false, 'up to 300'],
    [null, 300, true, 'nearly 300'],
    [200, 300, false, '200–300'],
  ];
  for (const [min, max, approximate, expected] of table) assert.equal(rangeLabel({ min, max, approximate }), expected);
  assert.equal(formatNumber(1234567), '1,234,567');
});
