import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../2-extract/index.js';
import { countsWhat } from './what.js';

type Row = [quote: string, qualifier?: string, scope?: string];

/** Each count's quote with its qualifier and scope, when any. */
function what(text: string): Row[] {
  const { counts, dates } = extract(text, { published: '2021-06-20' });
  return countsWhat(text, counts, dates).map((w, i) => {
    const row: Row = [counts[i]!.quote];
    if (w.qualifier !== undefined || w.scope !== undefined) row.push(w.qualifier);
    if (w.scope !== undefined) row.push(w.scope);
    return row;
  });
}

// Sentences in our own words, one rule each; [sentence, expected rows].
const TABLE: [string, Row[]][] = [
  // A pair of qualifiers in one clause: the words between two counts are the earlier one's up to the "and".
  ['In the raid, 14 children lost both parents, and 57 children lost one parent.', [['14 children', 'lost both parents'], ['57 children', 'lost one parent']]],
  ['Aid workers counted 30 double orphans and 80 half orphans.', [['30 double orphans', 'lost both parents'], ['80 half orphans', 'lost one parent']]],
  // A predicate before its number belongs to that number, not to the count before the "and".
  ['The attack killed 210 villagers and seriously injured 90 others.', [['210 villagers'], ['90 others', 'seriously injured']]],
  ['Forty were wounded, twelve of them in critical condition.', [['Forty'], ['twelve of them', 'seriously injured']]],
  ['Nine people suffered minor injuries.', [['Nine people', 'lightly injured']]],
  // Before the sentence's first count, the words are the first count's.
  ['Of the 57 identified dead, 16 were women and 9 children.', [['57 identified dead', 'identified'], ['16'], ['9 children']]],
  ['Eighty people were admitted to the city hospital overnight.', [['Eighty people', 'treated in hospital']]],
  ['Investigators said 4 bodies were found in a mass grave near the river.', [['4 bodies', 'found in graves']]],
  ['Excavations last year recovered the remains of 12 people.', [['12 people', 'found in graves']]],
  // A country-wide figure: the words say so, or the count is given out of the whole population.
  ['Nationwide, 2 million people have fled their homes.', [['2 million people', 'nationwide']]],
  ['Displaced people, who today make up 700,000 persons out of a total population of 5 million, still need shelter.', [['700,000 persons', 'nationwide']]],
  // A subset that names no narrower group is a part of the whole, not a rival value.
  ['Our staff treated 31 of the injured.', [['31 of the injured', undefined, 'part']]],
  ['Medics evacuated 20 of the 150 wounded.', [['20', undefined, 'part'], ['150']]],
  // A partitive of another measure, or of a narrower group, is no subset of its own figure.
  ['Of the 300 captured, 40 remain missing.', [['300'], ['40']]],
  ['Twenty of the dead were children.', [['Twenty of the dead']]],
  // A place inside the incident.
  ['Shelling killed 18 people in the north district.', [['18 people', undefined, 'in the north district']]],
  // A qualifier only of the measures it can qualify: the identified dead, not people identified for aid.
  ['Assessment teams identified 900 displaced people in need of shelter.', [['900 displaced people']]],
  // A count named again as "the N" is the earlier count restated: its figure, whatever the words around it.
  ['Volunteers recorded 73 people killed. Of the 73 people we identified by name, 20 were women.', [['73 people'], ['73 people'], ['20']]],
  // Nothing of the kind: no qualifier, no scope.
  ['The flood killed 45 people and displaced 3,000.', [['45 people'], ['3,000']]],
];

test('reads the qualifier and scope of each count from its own words', () => {
  assert.deepEqual(TABLE.map(([s]) => [s, what(s)]), TABLE);
});

test('reads the time a toll speaks of: a date after "as of", "by" or "until" in its sentence', () => {
  const asOf = (text: string) => {
    const { counts, dates } = extract(text, { published: '2021-06-20' });
    return countsWhat(text, counts, dates).map((w) => w.asOf ?? null);
  };
  assert.deepEqual([
    asOf('As of Tuesday, 40 people had been killed.'),
    asOf('The toll stood at 61 dead as of 18 June.'),
    asOf('By 3 May 2019, 31 people had died.'),
    // A date that is no "as of" time: when it happened, not when it was counted.
    asOf('On 14 June shelling killed 42 people.'),
  ], [['2021-06-15'], ['2021-06-18'], ['2019-05-03'], [null]]);
});
