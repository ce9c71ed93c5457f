import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from './entities.js';

/** "kind:text" for every mention, in text order; asserts each span slices to its text first. */
function mentions(text: string): string[] {
  return findEntities(text).map((e) => {
    assert.equal(text.slice(e.span.start, e.span.end), e.text, `span of ${e.text}`);
    assert.ok(e.sentence.start <= e.span.start && e.span.end <= e.sentence.end, `sentence of ${e.text}`);
    return `${e.kind}:${e.text}`;
  });
}

// [text, mentions it names]: fictional events, one rule each.
const TABLE: [string, string[]][] = [
  // a title and an apposition
  ['The convoy was met by Ambassador Lale Demir, a former judge, at the crossing.', ['person:Lale Demir']],
  ['Yesterday Dr. Mirela Ostrova said the clinic had run out of beds.', ['person:Mirela Ostrova']],
  ['Tomas Erdély, a resident of the camp, lost two brothers.', ['person:Tomas Erdély']],
  ['The survivors were counted by the historian Petra Valdane in 1998.', ['person:Petra Valdane']],
  ['“We will rebuild,” said Ivo Brandt on the radio.', ['person:Ivo Brandt']],
  ['Later Jonas Herrle told reporters that the bridge had collapsed.', ['person:Jonas Herrle']],
  // organisations
  ['Figures from the Ministry of Water Resources were released on Tuesday.', ['organisation:Ministry of Water Resources']],
  ['Inspectors from the OSCE reached the depot.', ['organisation:OSCE']],
  ['A team from the Tarvos Red Crescent arrived at dawn.', ['organisation:Tarvos Red Crescent']],
  ['The Eastern Relief Agency (ERA) counted the dead.', ['organisation:Eastern Relief Agency', 'organisation:ERA']],
  ['A statement by the Prosecutor General\'s Office named nine suspects.', ['organisation:Prosecutor General\'s Office']],
  // places
  ['Shelling was reported in Velmora overnight.', ['place:Velmora']],
  ['Troops entered the town of Belvane before noon.', ['place:Belvane']],
  ['Families fled the Korsk district on foot.', ['place:Korsk']],
  ['A fishing boat capsized off Cape Morrow on Wednesday.', ['place:Cape Morrow']],
  ['Aid arrived from Canada and Peru within a week.', ['place:Canada', 'place:Peru']],
  ['Norvistan has closed its northern border.', ['place:Norvistan']],
  ['The Darrow massacre is still disputed.', ['place:Darrow']],
  // a possessive splits a place from the body it owns
  ['Later Peru\'s Interior Ministry denied the report.', ['place:Peru', 'organisation:Interior Ministry']],
  // transliterated names with diacritics keep exact spans
  ['Şenol Yılmazoğlu, a teacher, was born in Ağcakənd.', ['person:Şenol Yılmazoğlu', 'place:Ağcakənd']],
  ['Survivors from Qızılqaya, Xocavənd and Bağlıpəyə gathered at the memorial.', ['place:Qızılqaya', 'place:Xocavənd', 'place:Bağlıpəyə']],
  // sentence openers, months and weekdays name nothing
  ['However, on Monday 3 March the Tarvos Council met again.', ['organisation:Tarvos Council']],
  ['Residents say the water rose in April.', []],
  ['Heavy rain fell across the valley.', []],
];

for (const [text, expected] of TABLE) {
  test(`names ${expected.length ? expected.join(', ') : 'nothing'} in "${text.slice(0, 60)}"`, () => assert.deepEqual(mentions(text), expected));
}

test('a name read as a place once stays a place throughout the report', () => {
  const text = 'Velmora was quiet on Sunday. By Monday the shelling in Velmora had resumed.';
  assert.deepEqual(mentions(text), ['place:Velmora', 'place:Velmora']);
});

test('a surname alone is a person after the full name was given', () => {
  const text = 'Witnesses were interviewed by the journalist Anna Kessel. Kessel found 40 of them.';
  assert.deepEqual(mentions(text), ['person:Anna Kessel', 'person:Kessel']);
});

test('a known place running into a name after a title is split off', () => {
  const text = 'The deputy was welcomed in Velmora. Our Ambassador in Velmora Rudi Kamp laid a wreath.';
  assert.deepEqual(mentions(text), ['place:Velmora', 'place:Velmora', 'person:Rudi Kamp']);
});

test('wink-nlp decides two proper nouns before a verb when no cheap rule can', () => {
  assert.deepEqual(mentions('The count was disputed. Aldo Fenner estimated that the river had risen.'), ['person:Aldo Fenner']);
  // With tagging turned off the rules alone leave the name undecided, so it is not reported.
  assert.deepEqual(findEntities('The count was disputed. Aldo Fenner estimated that the river had risen.', { posBudget: 0 }), []);
});

test('a Title Case headline yields only the names the body reads', () => {
  const text = 'Velmora Residents Return To Their Homes\nFamilies returned to the town of Velmora on Sunday.';
  assert.deepEqual(mentions(text), ['place:Velmora', 'place:Velmora']);
});

test('a line in capitals holds no acronyms', () => {
  assert.deepEqual(mentions('FLOOD RELIEF IN THE NORTH VALLEY\nThe rain stopped.'), []);
});

test('back matter after `end` is not read', () => {
  const text = 'Shelling was reported in Velmora.\nReferences\nKessel, A. (2001). Velmora. Tarvos University Press.';
  assert.deepEqual(findEntities(text, { end: text.indexOf('References') }).map((e) => e.text), ['Velmora']);
});
