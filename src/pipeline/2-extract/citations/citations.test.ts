import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCitations } from './citations.js';

/** [marker as written, its label, the entry text it links to or null, the end of the sentence it closes]. */
function links(text: string): [string, string, string | null, string][] {
  const { markers, entries } = findCitations(text);
  for (const e of entries) assert.equal(text.slice(e.span.start, e.span.end), e.text);
  return markers.map((m) => [
    text.slice(m.span.start, m.span.end),
    m.label,
    m.entry === null ? null : entries[m.entry]!.text,
    text.slice(m.sentence.end - 12, m.sentence.end),
  ]);
}

const REPORT = [
  'The flood reached Velmora on 3 May. At least 41 people drowned.[1] Another 12 are missing.^[2] Relief came late.[7]',
  '',
  'References',
  '[1] Tarvos Red Crescent, Situation Report 4 (2021).',
  '[2] Kessel, A. (2022). The Velmora Flood. Tarvos University Press.',
].join('\n');

test('links [1] and ^[2] to their bibliography entries, each with the sentence it closes', () => {
  assert.deepEqual(links(REPORT), [
    ['[1]', '1', 'Tarvos Red Crescent, Situation Report 4 (2021).', ' drowned.[1]'],
    ['^[2]', '2', 'Kessel, A. (2022). The Velmora Flood. Tarvos University Press.', 'missing.^[2]'],
    ['[7]', '7', null, 'ame late.[7]'],
  ]);
});

test('a marker with no entry links to null', () => {
  const { markers } = findCitations(REPORT);
  assert.equal(markers[2]!.entry, null);
});

test('the sentence of a marker ends at the marker even when the text runs on', () => {
  const { markers } = findCitations(REPORT);
  const s = markers[1]!.sentence;
  assert.equal(REPORT.slice(s.start, s.end), 'Another 12 are missing.^[2]');
});

// [marker form, body, labels of the markers found]
const FORMS: [string, string, string[]][] = [
  ['escaped Markdown links', 'Some 300 fled.[\\[1\\]](#) The rest stayed.[\\[2\\]](#)', ['1', '2']],
  ['Markdown links to a note', 'Some 300 fled.[3](#cite-note-3)', ['3']],
  ['lists and ranges', 'Some 300 fled.[1, 2] Others returned.[4–6]', ['1', '2', '4', '5', '6']],
  ['Markdown footnotes', 'Some 300 fled.[^a] Others returned.[^2]', ['a', '2']],
  ['superscripts', 'Some 300 fled.¹ Others returned.¹²', ['1', '12']],
  ['powers, not markers', 'The camp covers 4 km² and 10² tents.', []],
  ['years in brackets, not markers', 'The report [2014] and (2015) were cited.', []],
];

for (const [name, body, labels] of FORMS) {
  test(`reads markers written as ${name}`, () => {
    assert.deepEqual(findCitations(body).markers.map((m) => m.label), labels);
  });
}

test('reads "(1)" as a marker only when the report has notes', () => {
  const body = 'By June the toll had risen to sixty (1).';
  assert.deepEqual(findCitations(body).markers, []);
  const withNotes = `${body}\n\nsome more prose to push the heading past the first fifth of the text.\n\nNotes\n1. Interview with a nurse, 2021.`;
  assert.deepEqual(findCitations(withNotes).markers.map((m) => [m.label, m.entry]), [['1', 0]]);
});

test('reads numbered, unlabelled and continued entries', () => {
  const text = [
    'The toll rose to 60.[1] Body text goes on for a while so that the notes sit well after the start.',
    '',
    'Bibliography',
    '',
    'Kessel, A. (2022). The Velmora Flood.',
    '',
    '<https://example.org/velmora>',
    '',
    'Notes',
    '1. Interview with a nurse,',
    'recorded in 2021.',
    '2) Ibid., p. 4.',
    '[^x]: A Markdown note.',
    '',
    'About the author:',
    'Anna Kessel writes about floods.',
  ].join('\n');
  const { entries, markers } = findCitations(text);
  assert.deepEqual(entries.map((e) => [e.label, e.text]), [
    [null, 'Kessel, A. (2022). The Velmora Flood.\n\n<https://example.org/velmora>'],
    ['1', 'Interview with a nurse,\nrecorded in 2021.'],
    ['2', 'Ibid., p. 4.'],
    ['x', 'A Markdown note.'],
  ]);
  assert.equal(markers[0]!.entry, 1);
});

test('a "References" line near the top is a table of contents, not notes', () => {
  const text = 'Contents\nReferences\n\nThe toll rose to 60.[1] '.concat('More text follows here. '.repeat(10));
  const { entries, markers } = findCitations(text);
  assert.deepEqual(entries, []);
  assert.equal(markers[0]!.entry, null);
});
