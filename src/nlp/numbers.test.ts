import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokens.js';
import { readQuantity } from '../pipeline/2-extract/counts/quantity.js';

/** Reads the quantity at the first token of `text`, as [min, max, approximate]. */
function read(text: string): [number | null, number | null, boolean] | null {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const q = readQuantity(tokens, i, text);
    if (q && q.numFrom === i && /\d|[a-z]/i.test(tokens[i]!.text) && !/^(?:some|about|around|more|than|at|least|over|up|to|as|many|nearly|almost|fewer|less|no|between|an|estimated|roughly)$/i.test(tokens[i]!.text)) {
      return [q.min, q.max, q.approximate];
    }
  }
  return null;
}

// [input, [min, max, approximate]]: the table in ../shared/gold/SCHEMA.md, and more.
const TABLE: [string, [number | null, number | null, boolean] | null][] = [
  ['613 people', [613, 613, false]],
  ['six hundred and thirteen people', [613, 613, false]],
  ['seventy four people', [74, 74, false]],
  ['twenty one people', [21, 21, false]],
  ['one hundred and nine people', [109, 109, false]],
  ['1,275 people', [1275, 1275, false]],
  ['1.275 people', [1275, 1275, false]],
  ['1 275 people', [1275, 1275, false]],
  ['one million people', [1_000_000, 1_000_000, false]],
  ['9 million people', [9_000_000, 9_000_000, false]],
  ['1.5 million people', [1_500_000, 1_500_000, false]],
  ['Twenty-six people', [26, 26, false]],
  ['a dozen people', [12, 12, false]],
  ['some 150 people', [150, 150, true]],
  ['about 150 people', [150, 150, true]],
  ['around 150 people', [150, 150, true]],
  ['an estimated 5,000 people', [5000, 5000, true]],
  ['at least 4 people', [4, null, false]],
  ['no fewer than 4 people', [4, null, false]],
  ['more than 1,000 people', [1001, null, false]],
  ['over 1,000 people', [1001, null, false]],
  ['up to 300 people', [null, 300, false]],
  ['as many as 300 people', [null, 300, false]],
  ['nearly 300 people', [null, 300, true]],
  ['almost 300 people', [null, 300, true]],
  ['fewer than 300 people', [null, 299, false]],
  ['less than 300 people', [null, 299, false]],
  ['between 200 and 300 people', [200, 300, false]],
  ['200-300 people', [200, 300, false]],
  ['200 to 300 people', [200, 300, false]],
  ['two or three people', [2, 3, false]],
  ['dozens of people', [24, 99, true]],
  ['scores of people', [40, 99, true]],
  ['hundreds of people', [200, 999, true]],
  ['thousands of people', [2000, 9999, true]],
  ['tens of thousands of people', [20_000, 99_999, true]],
  ['hundreds of thousands of people', [200_000, 999_999, true]],
  ['20 or more people', [20, null, false]],
  ['no more than 12 people', [null, 12, false]],
  ['at most 12 people', [null, 12, false]],
];

for (const [input, expected] of TABLE) {
  test(`reads "${input}" as ${JSON.stringify(expected)}`, () => {
    assert.deepEqual(read(input), expected);
  });
}

test('does not read a decimal without a scale word as a count', () => {
  assert.equal(read('1.5 people'), null);
});
