import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyWords, packAssignments, unpackAssignments } from './assign.js';

const cases: Array<[string, string[]]> = [
  // "the 1992 massacre in Xocalı": the year and the place, folded as event keys are
  ['the 1992 massacre in Xocalı', ['1992', 'hocali']],
  // "San Marco": a name of two words gives both; words are folded (a final y is i)
  ['Shelling hit San Marco on Monday', ['shelling', 'san', 'marco', 'mondai']],
  // numbers that are not years, lower-case words: none
  ['some 1,300 people were killed', []],
];

for (const [input, expected] of cases) {
  test(`keyWords reads ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => {
    assert.deepEqual(keyWords(input), expected);
  });
}

test('stores a report\'s assignments with each repeat as the position of its first, and reads them back as they were', () => {
  const a = { event: 'flood in x', label: 'flood in X', reason: 'the sentence names it' };
  const b = { event: 'fire in y', label: 'fire in Y', reason: 'the lead names it' };
  const list = [a, { ...a }, b, { ...a }, { ...b }];
  const packed = packAssignments(list);
  assert.deepEqual(packed, [a, 0, b, 0, 2]);
  assert.deepEqual(unpackAssignments(packed), list);
  assert.deepEqual(unpackAssignments([a, { ...a }]), [a, a], 'a row written before packing reads as it is');
  assert.throws(() => unpackAssignments([1, a]), /position 1/);
});
