import { test } from 'node:test';
import { extract } from './index.js';
import { assertLinear } from './linear.case.js';

// No rule may backtrack catastrophically: on each 1 MB input, time grows linearly (see assertLinear).
const MB = 1_000_000;
const INPUTS: [string, string][] = [
  ['100k digits', '7'.repeat(100_000)],
  ['100k commas', ','.repeat(100_000)],
  ['100k digits and commas', '1,'.repeat(100_000)],
  ['"more than more than …" repeated', 'more than '.repeat(MB / 10)],
  ['a single 1 MB line of words', 'the town was attacked and its people fled '.repeat(MB / 42)],
  ['a single 1 MB line without spaces', 'x'.repeat(MB)],
  ['a single 1 MB line of hedges', 'at least some of the more than '.repeat(MB / 31)],
  ['a single 1 MB line of report prose', `${'Residents fled the town at dawn after the shelling began. '.repeat(15)}Officials said 12 people were hurt. `.repeat(MB / 900)],
  ['100k unclosed quotes', '“'.repeat(100_000)],
  ['20k numbers separated by spaces', '1 '.repeat(20_000)],
  ['100k hyphenated numbers', '1-'.repeat(100_000)],
];

for (const [name, text] of INPUTS) {
  test(`takes time linear in the input on ${name}`, () => assertLinear(extract, text));
}
