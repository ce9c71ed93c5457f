import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFullDates, findMonthDay, isEdtf, toEdtf } from './dates.js';

for (const [input, expected] of [
  ['2024-02-26', '2024-02-26'],
  ['2024-02-26T23:30:00-05:00', '2024-02-26'],
  ['2024-02-26 10:15', '2024-02-26'],
  ['2024-02', '2024-02'],
  ['2024', '2024'],
  ['2024/02/26', '2024-02-26'],
  ['26 February 2024', '2024-02-26'],
  ['26th of February, 2024', '2024-02-26'],
  ['Feb. 26, 2024', '2024-02-26'],
  ['Sept. 3, 2021', '2021-09-03'],
  ['FEB 26, 2024', '2024-02-26'],
  ['Mon, 26 Feb 2024 10:00:00 GMT', '2024-02-26'],
  ['February 2024', '2024-02'],
  ['29 February 2023', undefined],
  ['2024-13-01', undefined],
  ['may 2024', undefined],
  ['last Tuesday', undefined],
] as const) {
  test(`reads the metadata date "${input}" as ${expected ?? 'nothing'}`, () => {
    assert.equal(toEdtf(input), expected);
  });
}

test('finds every full date in a text, in reading order, with where it stands', () => {
  const text = 'On Feb. 25, 1992 and 26 February 1992; reported 2024-02-26.';
  assert.deepEqual(findFullDates(text).map((d) => [d.value, text.slice(d.index, d.end)]), [
    ['1992-02-25', 'Feb. 25, 1992'],
    ['1992-02-26', '26 February 1992'],
    ['2024-02-26', '2024-02-26'],
  ]);
});

test('finds a month and day without a year, as a dateline gives it', () => {
  assert.deepEqual(findMonthDay('Feb. 26'), { month: 2, day: 26 });
  assert.equal(findMonthDay('Feb. 26, 2024'), undefined);
  assert.equal(findMonthDay('on the road'), undefined);
});

for (const [value, ok] of [
  ['2024-02-26', true], ['2024-02', true], ['2024', true], ['199X', true], ['2024-02-26?', true],
  ['1992-02-25/1992-02-26', true], ['26/02/2024', false], ['soon', false],
] as const) {
  test(`${ok ? 'accepts' : 'rejects'} "${value}" as an EDTF value`, () => {
    assert.equal(isEdtf(value), ok);
  });
}
