import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.js';
import { findMarks } from './marks.js';

/** [quoted text, speaker text or null] for every quotation; asserts each span lies inside its marks. */
function quotes(text: string, persons?: { text: string; span: { start: number; end: number } }[]): [string, string | null][] {
  return findQuotes(text, persons ? { persons } : {}).map((q) => {
    assert.equal(text.slice(q.span.start, q.span.end), q.text);
    assert.match(text[q.span.start - 1]!, /["“‘']/);
    if (q.speaker?.span) assert.equal(text.slice(q.speaker.span.start, q.speaker.span.end), q.speaker.text);
    return [q.text, q.speaker?.text ?? null];
  });
}

// [text, quotations with their speakers]: fictional events, one way of attributing each.
const TABLE: [string, [string, string | null][]][] = [
  // a multi-sentence quote attributed after it
  ['“The bridge is gone. We cannot reach the north bank,” the district governor said on Friday.',
    [['The bridge is gone. We cannot reach the north bank,', 'the district governor']]],
  ['“Twelve people were hurt,” said a local official.', [['Twelve people were hurt,', 'a local official']]],
  ['"We saw the smoke first," Ilan Berk told reporters.', [['We saw the smoke first,', 'Ilan Berk']]],
  ['“We will keep looking,” its chair, Ana Roth, said on Sunday.', [['We will keep looking,', 'Ana Roth']]],
  ['“Nobody came,” according to the camp committee.', [['Nobody came,', 'the camp committee']]],
  // named before it
  ['The mayor said: “We will rebuild every house.”', [['We will rebuild every house.', 'The mayor']]],
  ['A Tarvos Ministry statement said that “the operation is over”.', [['the operation is over', 'A Tarvos Ministry statement']]],
  // no speaker named
  ['Officials called the strike ‘a regrettable error’ and moved on.', [['a regrettable error', null]]],
  ['The campaign, known as “Bring Them Home”, collected 4,000 names.', [['Bring Them Home', null]]],
  // unbalanced or not quotations at all
  ['“No closing mark here, and the report goes on.', []],
  ['The town’s mayor and the victims’ families met at Ivo\'s house.', []],
];

for (const [text, expected] of TABLE) {
  test(`quotes ${expected.map(([, s]) => s ?? 'nobody').join(', ') || 'nothing'} in "${text.slice(0, 50)}"`, () => assert.deepEqual(quotes(text), expected));
}

test('"it added" is resolved to the speaker named before it', () => {
  const text = 'A Health Ministry statement said the clinics were full. “Supplies will last two days,” it added.';
  assert.deepEqual(quotes(text), [['Supplies will last two days,', 'A Health Ministry statement']]);
});

test('"it added" takes the previous quotation\'s speaker', () => {
  const text = '“We mourn the dead,” the council said. “We will rebuild the school,” it added.';
  assert.deepEqual(quotes(text), [['We mourn the dead,', 'the council'], ['We will rebuild the school,', 'the council']]);
});

test('"she said" points to the person, not to the body named after her', () => {
  const text = 'Mara Quillon, a nurse in the camp, told the Tarvos Relief Agency about the night. “Nobody slept,” she said.';
  const [q] = findQuotes(text);
  assert.equal(q?.speaker?.text, 'Mara Quillon');
  assert.equal(text.slice(q!.speaker!.span!.start, q!.speaker!.span!.end), 'Mara Quillon');
});

test('"she said" may point to a person who opened an earlier sentence', () => {
  const text = 'Ilse Marek, whose son is missing, walked to the square. “I still wait for him,” she said.';
  assert.deepEqual(quotes(text), [['I still wait for him,', null]]);
  const persons = [{ text: 'Ilse Marek', span: { start: 0, end: 10 } }];
  assert.deepEqual(quotes(text, persons), [['I still wait for him,', 'Ilse Marek']]);
});

test('a quotation right after an attributed one keeps its speaker', () => {
  const text = '“They came at night,” Ivo Brandt said. “We hid in the cellar.”';
  assert.deepEqual(quotes(text), [['They came at night,', 'Ivo Brandt'], ['We hid in the cellar.', 'Ivo Brandt']]);
});

test('single quotes inside a double-quoted passage are part of it', () => {
  const text = '“They called it ‘a mistake’ on the radio,” the mayor said.';
  assert.deepEqual(quotes(text), [['They called it ‘a mistake’ on the radio,', 'the mayor']]);
});

test('quotation marks never pair across a blank line or beyond the longest quote', () => {
  assert.deepEqual(findMarks('He said "yes\n\nand then" no'), []);
  assert.deepEqual(findMarks(`“${'word '.repeat(1000)}”`), []);
});
