import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferAuthor, inferTitle } from './infer-title.js';
import { inferPublished } from './infer-published.js';
import { anniversaryYear, ordinalValue } from './anniversary.js';
import { inferPublisher, withInferredMeta } from './infer.js';

const NOW = new Date('2025-06-01T00:00:00Z');

for (const [text, expected] of [
  ['Floodwaters recede in Varnel\n\nBody.', 'Floodwaters recede in Varnel'],
  ['\n\n  Leading blank lines are skipped  \nBody', 'Leading blank lines are skipped'],
  ['By Marta Ilvesk\nBody', undefined],
  ['Published: 26 February 2024\nBody', undefined],
  ['VARNEL, March 4 (Northwire) - Rescue teams said...', undefined],
  ['A wrapped first sentence that goes on,\nand on', undefined],
  [`${'A very long first line '.repeat(10)}\nBody`, undefined],
  ['A first line that is a sentence.\nBody', undefined],
  ['A single line and nothing else', undefined],
  ['Is the count right?\nBody', 'Is the count right?'],
] as const) {
  test(`infers the title of ${JSON.stringify(text.slice(0, 40))} as ${expected ?? 'nothing'}`, () => {
    assert.equal(inferTitle(text), expected);
  });
}

for (const [text, expected] of [
  ['Headline\nBy Marta Ilvesk\n\nBody.', 'Marta Ilvesk'],
  ['Headline\nBY MARTA ILVESK and JON ROE, Staff Reporters\n\nBody.', 'MARTA ILVESK and JON ROE'],
  ['Headline\nby Leyla de Vries | Northwire\n\nBody.', 'Leyla de Vries'],
  ['Headline\nAnika Dorsen\n\nBody.', 'Anika Dorsen'],
  ['Headline\nBy the time rescuers arrived, the water had risen.', undefined],
  ['Headline\nBy Monday\n', undefined],
  ['Headline\nBreaking News Update\n', undefined],
  ['Headline\nThe Night Of The Flood\n', undefined],
  ['Headline\nFebruary 26 2024\n', undefined],
  ['Headline\nSome ordinary sentence of prose.\n', undefined],
] as const) {
  test(`infers the author of ${JSON.stringify(text)} as ${expected ?? 'nothing'}`, () => {
    assert.equal(inferAuthor(text), expected);
  });
}

for (const [text, value, rule] of [
  ['Headline\nPublished: 26 February 2024\nBody mentions 1 March 2024.', '2024-02-26', 'label'],
  ['Headline\n\nBody.\n\nDate: 2024-02-26 10:15', '2024-02-26', 'label'],
  ['Headline\nPosted on Feb. 26, 2024 at 10:00\nBody', '2024-02-26', 'label'],
  ['BAKU, Feb. 26, 2024 (Northwire) - Crowds gathered.', '2024-02-26', 'dateline'],
  ['VARNEL — 3 March 2019, corrected 5 March 2019 — text.', '2019-03-05', 'dateline'],
  ['On 26 February 1992, soldiers entered the town.', undefined, undefined],
  ['Headline\nBody that announces a hearing on June 3, 2030.', undefined, undefined],
  [`Headline\n${'Prose. '.repeat(100)}\nSurvivors lay flowers in Pellaro, Feb. 26, 2024. (AA Photo)`, '2024-02-26', 'caption'],
  [`Headline\n${'Prose. '.repeat(100)}\nOn Feb. 26, 2024 the council met.`, undefined, undefined],
  ['KESTRIN, Oct. 12 (Courier) - People marked the 25th anniversary of the Kestrin landslide, which struck in 1998.', '2023-10-12', 'dateline+anniversary'],
  ['Crowds marked the 32nd anniversary of the massacre.\n\nThe massacre happened in February 1992.', '2024', 'anniversary'],
  ['On 26 February 1992, the town fell. Crowds marked the 32nd anniversary of its fall.', '2024', 'anniversary'],
  ['Crowds marked the 32nd anniversary of the massacre.', undefined, undefined],
] as const) {
  test(`infers the publication date of ${JSON.stringify(text.slice(-70))} as ${value ?? 'nothing'}`, () => {
    const found = inferPublished(text, NOW);
    assert.equal(found?.value, value);
    assert.equal(found?.rule, rule);
  });
}

for (const [word, n] of [['32nd', 32], ['1st', 1], ['thirtieth', 30], ['thirty-second', 32], ['Twenty fifth', 25], ['tenth', 10], ['anniversary', undefined]] as const) {
  test(`reads the ordinal "${word}" as ${n ?? 'nothing'}`, () => {
    assert.equal(ordinalValue(word), n);
  });
}

for (const phrase of ['30th', 'thirtieth', 'Thirtieth', 'the thirtieth', 'thirty-second', 'thirty second']) {
  test(`dates a report by "${phrase} anniversary of the siege" and the siege's year`, () => {
    const n = phrase.includes('second') ? 32 : 30;
    assert.equal(anniversaryYear(`Crowds marked ${phrase} anniversary of the siege. The siege began in 1993.`, 2030), 1993 + n);
  });
}

test('dates an anniversary by a year in the same sentence before a year elsewhere', () => {
  const text = 'The war began in 1988. Today is the 30th anniversary of the siege that started in 1993.';
  assert.equal(anniversaryYear(text, 2030), 2023);
});

test('dates an anniversary by the year stated in a sentence naming the same event', () => {
  const text = 'The conflict began in 1988. Crowds marked the 32nd anniversary of the Khojaly tragedy. The Khojaly tragedy took place in 1992.';
  assert.equal(anniversaryYear(text, 2030), 2024);
});

test('does not date an anniversary when the document names several years and none for the event', () => {
  assert.equal(anniversaryYear('Crowds marked the 5th anniversary of the fire. Budgets for 2019 and 2020 were cut.', 2030), undefined);
});

test('reads the agency a dateline credits as the publisher', () => {
  assert.equal(inferPublisher('BAKU, Feb. 26 (Northwire) - Crowds gathered.'), 'Northwire');
  assert.equal(inferPublisher('BAKU (AA) – Crowds gathered.'), 'AA');
  assert.equal(inferPublisher('Crowds (about 300) - gathered.'), undefined);
});

test('infers only the fields the metadata lacks, and lists them as inferred', () => {
  const text = 'Floodwaters recede\nBy Marta Ilvesk\n\nVARNEL, March 4, 2023 (Northwire) - Text.';
  assert.deepEqual(withInferredMeta({ title: 'Stated title', language: 'en' }, text, NOW), {
    title: 'Stated title', language: 'en', author: 'Marta Ilvesk', publisher: 'Northwire', published: '2023-03-04',
    inferred: ['author', 'publisher', 'published'],
  });
});

test('infers nothing from a text that states nothing', () => {
  assert.deepEqual(withInferredMeta({}, 'just some words, with nothing to say about dates or authors.', NOW), {});
});
