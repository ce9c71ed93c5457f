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
  // No rule reads a year after a comma without a space: chrono-node does (loaded on first need).
  ['The siege ended on Feb 26th,1992 after months.', [['1992-02-26', 'Feb 26th,1992']]],
  ['The siege ended Dec 31st,1999.', [['1999-12-31', 'Dec 31st,1999']]],
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
    // "A day earlier" counts from the day the narrative last stood on (Wednesday), not from the report's date.
    ['2024-02-23', 'on Friday'], ['2024-02-21', 'on Wednesday'], ['2024-02-20', 'A day earlier'], ['2023', 'Last year'], ['2024-02-25', 'Yesterday'],
  ]);
});

test('reads "last week" and "next week" as calendar weeks, Monday to Sunday, around the report date', () => {
  // 12 March 2025 is a Wednesday.
  assert.deepEqual(dates('Aid reached Orn last week.', '2025-03-12'), [['2025-03-03/2025-03-09', 'last week']]);
  assert.deepEqual(dates('Talks resume next week.', '2025-03-12'), [['2025-03-17/2025-03-23', 'next week']]);
  assert.deepEqual(dates('Aid reached Orn last week.', '2025-03-16'), [['2025-03-03/2025-03-09', 'last week']]);
  assert.deepEqual(dates('Shelling went on this week.', '2025-03-12'), []);
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

test('does not resolve "three days after the earthquake": its anchor is an event, not the report date', () => {
  assert.deepEqual(dates('Three days after the earthquake, rescuers in Pelmor found 12 survivors.', '2025-03-12'), []);
  assert.deepEqual(dates('Two days after the flood hit Orlec, the bridge gave way.', '2025-03-12'), []);
});

// The report is dated Wednesday 12 March 2025.
const FORWARD: [string, [string, string][]][] = [
  ['The curfew in Dorringa lasts until Tuesday.', [['2025-03-18', 'until Tuesday']]],
  ['Aid convoys must reach Pelmor by Friday.', [['2025-03-14', 'by Friday']]],
  ['The council meets next Wednesday.', [['2025-03-19', 'next Wednesday']]],
  ['Talks on the Orlec ceasefire will resume on Monday.', [['2025-03-17', 'on Monday']]],
  // …but a past verb keeps "until" and "by" looking back, and a weekday alone is the past.
  ['The curfew lasted until Tuesday.', [['2025-03-11', 'until Tuesday']]],
  ['By then 300 people had registered by Saturday evening.', [['2025-03-08', 'by Saturday']]],
  ['Survivors spoke to reporters on Sunday.', [['2025-03-09', 'on Sunday']]],
  ['Two men were killed in Monday’s raid.', [['2025-03-10', 'Monday']]],
];

for (const [text, expected] of FORWARD) {
  test(`resolves the weekday in "${text}" in the direction its words point`, () => assert.deepEqual(dates(text, '2025-03-12'), expected));
}

test('counts "the following day" and "two days later" from the day the narrative last stated', () => {
  assert.deepEqual(dates('Varn fell on 9 May 2024. Two days later, the garrison withdrew. The following afternoon, rain fell.', '2025-03-12'), [
    ['2024-05-09', '9 May 2024'], ['2024-05-11', 'Two days later'], ['2024-05-12', 'The following afternoon'],
  ]);
  // Without a report date too: the narrative is enough.
  assert.deepEqual(dates('Varn fell on 9 May 2024. The next day, aid arrived.'), [['2024-05-09', '9 May 2024'], ['2024-05-10', 'The next day']]);
  // After a coarser date the narrative's day is unknown: the report's date is the anchor again.
  assert.deepEqual(dates('Varn fell on 9 May 1994. It was rebuilt in 1998. A day earlier, the mayor spoke.', '2025-03-12').slice(2), [['2025-03-11', 'A day earlier']]);
  assert.deepEqual(dates('Varn fell on 9 May 1994. It was rebuilt in 1998. A day earlier, the mayor spoke.').slice(2), []);
});

// [text, report date]: a forward step from a day the text never stated would land after the report.
const FORWARD_UNANCHORED: [string, string][] = [
  ['It was the spring of 2016, I think. The next morning we heard shooting.', '2025-03-03'],
  ['They came in 1993. Two days later the women went to the mill.', '2025-03-03'],
  ['We left at night. The following day we reached the border.', '2025-03-03'],
];
for (const [text, published] of FORWARD_UNANCHORED) {
  test(`leaves the forward step in "${text}" unresolved`, () => assert.deepEqual(dates(text, published).filter(([, q]) => /next|later|following/i.test(q)), []));
}

test('a weekday beside a stated date is part of that date, not a second one', () => {
  assert.deepEqual(dates('Tuesday, 14 October 2025', '2025-10-14'), [['2025-10-14', 'Tuesday, 14 October 2025']]);
  assert.deepEqual(dates('They came to Sorn on the fifth of September 2010, a Sunday.', '2024-10-13'), [['2010-09-05', 'the fifth of September 2010']]);
});

test('reads day ranges across two months and a month named after a preposition', () => {
  assert.deepEqual(dates('The shelling of Orlec lasted from 1 September to 12 October 2025.'), [['2025-09-01/2025-10-12', 'from 1 September to 12 October 2025']]);
  assert.deepEqual(dates('The camp opened in 2023. In April it held 900 families.'), [['2023', '2023'], ['2023-04', 'In April']]);
  assert.deepEqual(dates('They may return.'), []);
});

// [text, report date, [[EDTF, quote]...]]: year intervals, numeric days, year-less ranges and holidays.
const REAL_FORMS: [string, string | undefined, [string, string][]][] = [
  ['Output fell between 1985 and 1988.', undefined, [['1985/1988', 'between 1985 and 1988']]],
  ['The dam was built from 1961 to 1964.', undefined, [['1961/1964', 'from 1961 to 1964']]],
  ['Fighting raged 3-9 May 2021.', undefined, [['2021-05-03/2021-05-09', '3-9 May 2021']]],
  ['The form is dated 03/17/2019.', undefined, [['2019-03-17', '03/17/2019']]],
  ['The form is dated 17/03/2019.', undefined, [['2019-03-17', '17/03/2019']]],
  ['The form is dated 03/04/2019.', undefined, []],
  ['In 2008 the rebels returned. They struck on 26–27 December.', undefined, [['2008', '2008'], ['2008-12-26/2008-12-27', '26–27 December']]],
  ['In 2008 the rebels returned. They killed 90 between 24 December and 13 January.', undefined, [['2008', '2008'], ['2008-12-24/2009-01-13', 'between 24 December and 13 January']]],
  ['In 2008 the rebels returned. They attacked a Christmas Day mass.', undefined, [['2008', '2008'], ['2008-12-25', 'Christmas Day']]],
  // A year-less day in the report's own time takes the year that puts it nearest the report's date…
  ['Police made the arrest on Oct. 8.', '2001-04-02', [['2000-10-08', 'Oct. 8']]],
  ['The council will vote in March.', '2001-11-20', [['2002-03', 'in March']]],
  // …and a headline's year is the subject's, not the body's.
  ['Survivors recall the 1988 riots\nOn February 28, the town marked the anniversary.', '2013-03-01', [['1988', '1988'], ['2013-02-28', 'February 28']]],
  // A four-digit number before a count noun is no year.
  ['The clinic saw 1871 cases last month.', undefined, []],
];

test('reads year intervals, numeric days, year-less ranges and holidays, and year-less days near the report date', () => {
  for (const [text, published, expected] of REAL_FORMS) assert.deepEqual(dates(text, published), expected, text);
});
