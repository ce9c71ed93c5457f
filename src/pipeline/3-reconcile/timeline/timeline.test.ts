import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countAt, dateAt } from '../fixtures.case.js';
import { makeCountRefs } from '../refs.js';
import type { DatedSentence, ReportInput } from '../types.js';
import { buildTimeline, datedSentences, jaccard, Timeline } from './timeline.js';

const R1_TEXT = 'DORVIK, 20 February 2020 - Residents are still counting the dead.\nOn 3 February 2020 gunmen stormed the market of Dorvik and 412 people were killed. In December 2019 the first threats were reported. The region was tense throughout the 2010s. Between 3 and 4 February 2020 the town was sealed.';
const R2_TEXT = 'On 3 February 2020, gunmen stormed the Dorvik market, killing 412 people. On 3 February 2020 the governor resigned.';

const R1: ReportInput = {
  id: 'r1', text: R1_TEXT, meta: { published: '2020-02-20' },
  counts: [countAt(R1_TEXT, '412 people', { min: 412, max: 412 })],
  dates: [
    dateAt(R1_TEXT, '20 February 2020', '2020-02-20'),
    dateAt(R1_TEXT, '3 February 2020', '2020-02-03'),
    dateAt(R1_TEXT, 'December 2019', '2019-12'),
    dateAt(R1_TEXT, 'the 2010s', '201X'),
    dateAt(R1_TEXT, 'Between 3 and 4 February 2020', '2020-02-03/2020-02-04'),
  ],
};
const R2: ReportInput = {
  id: 'r2', text: R2_TEXT, meta: { published: '2020-03-01' },
  counts: [countAt(R2_TEXT, '412 people', { min: 412, max: 412 })],
  dates: [dateAt(R2_TEXT, '3 February 2020', '2020-02-03'), dateAt(R2_TEXT, '3 February 2020', '2020-02-03', 1)],
};

function timeline() {
  return buildTimeline([R1, R2].map((r) => ({
    doc: r.id,
    published: r.meta.published,
    sentences: datedSentences(r, makeCountRefs(r)),
  })));
}

test('entries sort by the days they cover: a decade, a month, a day, then the interval starting that day', () => {
  const { entries } = timeline();
  assert.deepEqual(entries.map((e) => [e.value, e.start, e.end]), [
    ['201X', '2010-01-01', '2019-12-31'],
    ['2019-12', '2019-12-01', '2019-12-31'],
    ['2020-02-03', '2020-02-03', '2020-02-03'],
    ['2020-02-03', '2020-02-03', '2020-02-03'],
    ['2020-02-03/2020-02-04', '2020-02-03', '2020-02-04'],
  ]);
});

test('two reports stating the same happening on the same date are one entry listing both', () => {
  const attack = timeline().entries[2]!;
  assert.deepEqual(attack.reports, ['r1', 'r2']);
  assert.equal(attack.statements.length, 2);
  assert.deepEqual(attack.counts.map((c) => `${c.doc}:${c.count.quote}`), ['r1:412 people', 'r2:412 people']);
  assert.equal(attack.sentenceText, 'On 3 February 2020 gunmen stormed the market of Dorvik and 412 people were killed.');
});

test('another happening on the same date stays a separate entry', () => {
  const other = timeline().entries[3]!;
  assert.deepEqual(other.reports, ['r2']);
  assert.equal(other.sentenceText, 'On 3 February 2020 the governor resigned.');
});

test('a dateline restating the publication date is kept apart from event dates', () => {
  const { entries, publications } = timeline();
  assert.ok(entries.every((e) => e.value !== '2020-02-20'));
  assert.deepEqual(publications.map((p) => [p.doc, p.value, p.mentions.map((m) => m.quote)]), [
    ['r1', '2020-02-20', ['20 February 2020']],
    ['r2', '2020-03-01', []],
  ]);
});

test('a timeline built report by report equals one built at once', () => {
  const t = new Timeline();
  t.addReport('r1', '2020-02-20', datedSentences(R1, makeCountRefs(R1)));
  t.addReport('r2', '2020-03-01', datedSentences(R2, makeCountRefs(R2)));
  assert.deepEqual(t.entries(), timeline().entries);
});

test('sentence similarity is Jaccard over content words; empty sentences never match', () => {
  assert.equal(jaccard(new Set(['a', 'b']), new Set(['b', 'c'])), 1 / 3);
  assert.equal(jaccard(new Set(), new Set()), 0);
});

test('the word index finds the same entries as comparing every statement of a date with every other', () => {
  // Many statements of few dates, built from a small vocabulary so that many pairs are near the threshold.
  const vocab = ['shelling', 'Varn', 'Kessrin', 'killed', 'people', 'injured', 'fled', 'town', 'ministry', 'police', 'bodies', 'aid', 'convoy', 'night', '12', '40', '300'];
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const reports = Array.from({ length: 120 }, (_, i) => {
    const sentences: DatedSentence[] = Array.from({ length: 3 }, (_, k) => {
      const words = Array.from({ length: 2 + rand(6) }, () => vocab[rand(vocab.length)]!);
      const date = `1992-02-${String(10 + rand(3)).padStart(2, '0')}`;
      const sentenceText = `On ${date} ${words.join(' ')}.`;
      return { doc: `d${i}`, date: { value: date, span: { start: 3, end: 13 }, quote: date }, sentence: { start: k * 100, end: k * 100 + sentenceText.length }, sentenceText };
    });
    return { doc: `d${i}`, sentences };
  });
  // Every fifth report reprints an earlier one's sentences (a wire story's copy): the same words again.
  for (let i = 4; i < reports.length; i += 5) {
    const from = reports[rand(i)]!;
    reports[i] = { doc: `d${i}`, sentences: from.sentences.map((st) => ({ ...st, doc: `d${i}` })) };
  }
  for (const similarity of [0.3, 0.5, 0.8, 1]) {
    const indexed = buildTimeline(reports, { similarity });
    const scanned = buildTimeline(reports, { similarity, scan: true });
    assert.deepEqual(indexed, scanned, `similarity ${similarity}`);
    assert.ok(indexed.entries.length > 3 && indexed.entries.some((e) => e.statements.length > 1));
  }
});

test('entries built before and taken up again (seed) merge a later report\'s statements as a build of all of them does', () => {
  const inputs = [R1, R2].map((r) => ({ doc: r.id, published: r.meta.published, sentences: datedSentences(r, makeCountRefs(r)) }));
  const whole = buildTimeline(inputs).entries;
  const t = new Timeline();
  for (const e of buildTimeline(inputs.slice(0, 1)).entries) t.seed(e);
  t.addReport(inputs[1]!.doc, inputs[1]!.published, inputs[1]!.sentences);
  assert.deepEqual(t.entries(), whole);
  assert.ok(whole.some((e) => e.reports.length === 2), 'the second report joins an entry of the first');
});
