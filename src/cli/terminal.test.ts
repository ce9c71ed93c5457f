/** Terminal output: control characters from reports are written out, never sent to the terminal raw. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oneLine, termSafe } from './terminal.js';

describe('termSafe', () => {
  const cases: Array<[string, string]> = [
    ['\u001b]0;pwned\u0007Title', '\\u001b]0;pwned\\u0007Title'],
    ['\u001b[2J', '\\u001b[2J'],
    ['a\rb', 'a\\u000db'],
    ['\u009b31m', '\\u009b31m'],
    ['abc\u202edcba', 'abc\\u202edcba'],
    ['line one\nline two\ttab', 'line one\nline two\ttab'],
    ['Xocalı — 613 “killed”', 'Xocalı — 613 “killed”'],
  ];
  for (const [input, expected] of cases) it(`writes ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => assert.equal(termSafe(input), expected));

  it('keeps JSON parseable and equal once its raw C1 and bidi characters are escaped', () => {
    const value = { title: 'a\u009bb\u202ec\u001bd' };
    assert.deepEqual(JSON.parse(termSafe(JSON.stringify(value, null, 2))), value);
  });
});

describe('oneLine', () => {
  it('escapes newlines and tabs so a file name cannot start a line of its own', () => {
    assert.equal(oneLine('evil\nsha256     0000\t.txt'), 'evil\\u000asha256     0000\\u0009.txt');
  });
});
