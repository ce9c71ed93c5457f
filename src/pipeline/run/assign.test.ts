import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyWords } from './assign.js';

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
