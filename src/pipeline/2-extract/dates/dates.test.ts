import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

/** The EDTF values `extract` finds in `text`, with their quotes. */
function dates(text: string, published?: string): [string, string][] {
  return extract(text, published ? { published } : {}).dates.map((d) => [d.value, d.quote]);
}

// [text, [[EDTF, quote]...]]
const ABSOLUTE: [string, [string, string][]][] = [
  ['It happened on February 26, 1992.', [['1992-02-26', 'February 26, 1992']]],
  ['It happened on 26 February 1992.', [['1992-02-26', '26 February 1992']]],
  ['Photo taken Feb. 26, 2024.', [['2024-02-26', 'Feb. 26, 2024']]],
  ['On the night of February 25, 1992, they attacked.', [['1992-02-25', 'February 25, 1992']]],
  ['The siege began in the last days of 1991.', [['1991-12', 'the last days of 1991']]],
  ['The town fell in the final days of 1991.', [['1991-12', 'the final days of 1991']]],
  ['At the end of 1993, the city was taken.', [['1993-12', 'the end of 1993']]],
  ['On November, 1991, the status was abolished.', [['1991-11', 'November, 1991']]],
  ['It was retaken in September 2023.', [['2023-09', 'September 2023']]],
  ['Fighting raged on 25-26 February 1992.', [['1992-02-25/1992-02-26', '25-26 February 1992']]],
  ['Fighting raged on February 25-26, 1992.', [['1992-02-25/1992-02-26', 'February 25-26, 1992']]],
  ['Unrest grew in the early 1990s.', [['199X', 'the early 1990s']]],
  ['It began in the second half of the 1980s.', [['198X', 'the second half of the 1980s']]],
  ['They remember the 1995 massacre.', [['1995', '1995']]],
  ['A 1994 ceasefire agreement held.', [['1994', '1994']]],
  ['Since 1923, the region was autonomous.', [['1923', '1923']]],
  ['The war lasted from 1992–1994.', [['1992/1994', '1992–1994']]],
  ['The report is dated 1992-02-26.', [['1992-02-26', '1992-02-26']]],
  ['It was signed on 14.11.2021 in the capital.', [['2021-11-14', '14.11.2021']]],
  ['They fled in the summer of 1993.', [['1993-22', 'the summer of 1993']]],
];

for (const [text, expected] of ABSOLUTE) {
  test(`reads the date in "${text}"`, () => assert.deepEqual(dates(text), expected));
}

const NOT_DATES: string[] = [
  'The pain has not faded despite the passage of 33 years.',
  'It was a two-hour offensive.',
  'They marked the 32nd anniversary.',
  'Resolution No. 822 was adopted.',
  'About 2000 people were killed.',
  'Call +90 (312) 438 50 23 for details.',
  'Karabakh constitutes 14 per cent of the territory.',
];

for (const text of NOT_DATES) {
  test(`finds no date in "${text}"`, () => assert.deepEqual(dates(text), []));
}

test('resolves relative dates against the report date, weekdays backwards', () => {
  const got = dates('Azerbaijan said on Friday that a grave was found on Wednesday. A day earlier, the ministry spoke. Last year it ended. Yesterday they met.', '2024-02-26');
  assert.deepEqual(got, [
    ['2024-02-23', 'on Friday'], ['2024-02-21', 'on Wednesday'], ['2024-02-25', 'A day earlier'], ['2023', 'Last year'], ['2024-02-25', 'Yesterday'],
  ]);
});

test('leaves relative dates out when the report date is unknown', () => {
  assert.deepEqual(dates('On Monday, officials met. Last year it ended.'), []);
});

test('takes the year of "on February 26" from the date the text named before', () => {
  assert.deepEqual(dates('The siege began on 25 February 1992. On February 26, the town fell.'), [
    ['1992-02-25', '25 February 1992'], ['1992-02-26', 'February 26'],
  ]);
});

test('treats "at least 25 years ago" as a bound, not a date', () => {
  assert.deepEqual(dates('They were buried at least 25 years ago.', '2024-02-26'), []);
});

test('reads day ranges and month ranges, with or without a stated year', () => {
  assert.deepEqual(dates('The siege lasted between 15 and 17 June 2023.'), [['2023-06-15/2023-06-17', 'between 15 and 17 June 2023']]);
  assert.deepEqual(dates('It was 2023. Between 15 and 17 June, villages burned.').slice(1), [['2023-06-15/2023-06-17', 'Between 15 and 17 June']]);
  assert.deepEqual(dates('Prisoners were held between May and September 2016.'), [['2016-05/2016-09', 'between May and September 2016']]);
  assert.deepEqual(dates('They came on the fifth of September 2010.'), [['2010-09-05', 'the fifth of September 2010']]);
});
