/** The timeline's default span and its rows' dated phrases. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterSpan, datedPhrase } from '../web/src/timeline-span.ts';

const e = (start: string, end = start, reports = 1) => ({ start, end, statements: Array.from({ length: reports }, () => ({})) });

test('the default span is where most dates cluster, padded, leaving out a far-off background date', () => {
  const entries = [e('1988-02-20'), e('1992-02-25', '1992-02-25', 3), e('1992-02-26', '1992-02-26', 4), e('1992-02-27'), e('1992-03-02'), e('2012-02-26')];
  const s = clusterSpan(entries, { start: '1988-02-20', end: '2012-02-26' });
  assert.ok(s);
  assert.ok(s.start <= '1992-02-25' && s.start >= '1992-02-20', s.start);
  assert.ok(s.end >= '1992-03-02' && s.end <= '1992-03-10', s.end);
  assert.deepEqual([s.held, s.of], [4, 6]);
});

test('no zoom when the dates are few, or already spread over most of the range', () => {
  assert.equal(clusterSpan([e('2021-06-13'), e('2021-06-14')], { start: '2021-06-13', end: '2021-06-14' }), null);
  const even = ['2020-01-01', '2020-04-01', '2020-07-01', '2020-10-01', '2020-12-31'].map((d) => e(d));
  assert.equal(clusterSpan(even, { start: '2020-01-01', end: '2020-12-31' }), null);
  assert.equal(clusterSpan(even, null), null);
});

test('[sentence, date quote, dated phrase] for a row', () => {
  const cases: Array<[string, string, string]> = [
    ['Shelling began late on 13 June and continued until the morning of 14 June, residents said.', '13 June', 'Shelling began late on 13 June and continued until the morning …'],
    ['On 2 March 2021, 17 people were killed.', '2 March 2021', 'On 2 March 2021, 17 people were killed.'],
    ['No date here.', 'June', 'No date here.'],
  ];
  for (const [sentence, quote, phrase] of cases) assert.equal(datedPhrase(sentence, quote), phrase, sentence);
});
