import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

type Row = [measure: string, group: string, min: number | null, max: number | null, unit?: string];

/** measure, group, min, max (and unit when not people) of every count in `text`. */
function counts(text: string): Row[] {
  return extract(text).counts.map((c) => {
    const r: Row = [c.measure, c.group, c.min, c.max];
    if (c.unit !== 'people') r.push(c.unit);
    return r;
  });
}

// Sentences in our own words, one rule each; [sentence, expected counts].
const TABLE: [string, Row[]][] = [
  // Not counts: an age after a name, a difference between estimates.
  ['Ada Lim, 41, and Joe Park, 29, were killed.', []],
  ['The new policy meant 90,000 fewer deaths.', []],
  // Bounds and revisions.
  ['The toll kept climbing above 300.', [['killed', 'all', 301, null]]],
  ['Officials warned the toll could reach 20,000.', [['killed', 'all', null, 20_000]]],
  ['The toll rose from 300 to 412.', [['killed', 'all', 300, 300], ['killed', 'all', 412, 412]]],
  // The predicate over the noun; modifiers before a people noun; number words without a hyphen.
  ['Two aid workers and 3 security force members were killed.', [['killed', 'all', 2, 2], ['killed', 'all', 3, 3]]],
  ['Nine died and 21 others remain in serious condition.', [['killed', 'all', 9, 9], ['injured', 'all', 21, 21]]],
  ['Forty were wounded. A dozen of them were still in intensive care.', [['injured', 'all', 40, 40], ['other', 'all', 12, 12]]],
  ['The blast wounded dozens.', [['injured', 'all', 24, 99]]],
  ['The famine caused 480,000 “excess deaths”.', [['killed', 'all', 480_000, 480_000]]],
  ['The clinic reported 1,900 cases, including 11 confirmed deaths.', [['killed', 'all', 11, 11]]],
  ['Seventy four people died and twenty one were injured.', [['killed', 'all', 74, 74], ['injured', 'all', 21, 21]]],
  // A part's own breakdown; victims identified or exhumed; registering at a refugee office; staying with hosts.
  ['Examinations were made on 90 corpses (60 male and 30 female, including 8 children).', [['killed', 'all', 90, 90], ['killed', 'men', 60, 60], ['killed', 'women', 30, 30], ['killed', 'children', 8, 8]]],
  ['A 2001 exhumation identified 97 victims.', [['killed', 'all', 97, 97]]],
  ['The Refugee Office registered 800 households from Sarn.', [['displaced', 'all', 800, 800, 'families']]],
  ['Thousands more are staying with host families.', [['displaced', 'all', 2000, 9999]]],
  // Explicit zeros are counts of zero; a comparison or a hope is not.
  ['No injuries or fatalities were reported among the crew.', [['injured', 'all', 0, 0], ['killed', 'all', 0, 0]]],
  ['Officials said no one was killed.', [['killed', 'all', 0, 0]]],
  ['Nobody was seriously hurt.', [['injured', 'all', 0, 0]]],
  ['They prayed there would be no more deaths.', []],
  // Displacement stated by what people were made to do, or where they were taken.
  ['The fire caused evacuations of 12,000 residents.', [['displaced', 'all', 12_000, 12_000]]],
  ['The drought forced 900 farmers to relocate.', [['displaced', 'all', 900, 900]]],
  ['Rains forced 2.4 million to evacuate.', [['displaced', 'all', 2_400_000, 2_400_000]]],
  ['Police evacuated the island’s 410 residents.', [['displaced', 'all', 410, 410]]],
  ['Some 700 villagers were taken to evacuation shelters.', [['displaced', 'all', 700, 700]]],
  ['Officials prepared 94 shelters for evacuees.', []],
  // Infobox lines that run together: "fatalities1 missing" is two tokens.
  ['Fatalities: 16 fatalities1 missing', [['killed', 'all', 16, 16], ['missing', 'all', 1, 1]]],
  // Elliptical lists: a bare number before a preposition repeats the predicate of the count before it.
  ['190 were killed in Asa, 72 in Bel and 9 in Cor.', [['killed', 'all', 190, 190], ['killed', 'all', 72, 72], ['killed', 'all', 9, 9]]],
  ['In all 61 people died from burns, 20 from smoke and 4 from falls.', [['killed', 'all', 61, 61], ['killed', 'all', 20, 20], ['killed', 'all', 4, 4]]],
  // A figure stated as such takes the measure counted before it, in its sentence or the one before.
  ['A 2006 study estimated that 51,000 people died. Others gave a lower figure of 25,000.', [['killed', 'all', 51_000, 51_000], ['killed', 'all', 25_000, 25_000]]],
  ['Some 900 people were displaced, though its 1,200 figure was disputed.', [['displaced', 'all', 900, 900], ['displaced', 'all', 1200, 1200]]],
  // Casualty verbs and nouns, adverbs inside the phrase, adjectives standing for their noun.
  ['Eleven fishermen drowned off the coast.', [['killed', 'all', 11, 11]]],
  ['The coast guard said 34 people drowned and 51 were rescued.', [['killed', 'all', 34, 34]]],
  ['Police said 12 people died and 40 survived.', [['killed', 'all', 12, 12]]],
  ['In all 87 people survived the attack with severe injuries.', [['injured', 'all', 87, 87]]],
  ['Two of the patients later succumbed.', [['killed', 'all', 2, 2]]],
  ['The morgue held four badly burned corpses.', [['killed', 'all', 4, 4]]],
  ['The blast left 30 severely wounded people.', [['injured', 'all', 30, 30]]],
  ['Doctors recorded 598 cases of burns or fractures.', [['injured', 'all', 598, 598]]],
  ['Examinations were made on 81 bodies (50 male and 31 female).', [['killed', 'all', 81, 81], ['killed', 'men', 50, 50], ['killed', 'women', 31, 31]]],
  ['Rescuers found 32 bodies, including those of 15 children.', [['killed', 'all', 32, 32], ['killed', 'children', 15, 15]]],
  ['The governor said 25 were known to be dead.', [['killed', 'all', 25, 25]]],
  ['Gunmen killed 40 men and boys at Kessa.', [['killed', 'men+children', 40, 40]]],
  // Counts joined by "and" share the predicate after the last; a stray comma after a hedge.
  ['Police said 43 villagers were killed and 60 children and 20 adults abducted.', [['killed', 'all', 43, 43], ['captured', 'children', 60, 60], ['captured', 'all', 20, 20]]],
  ['Since March nearly, 3,000 migrants returned.', [['returned', 'all', null, 3000]]],
  ['Gunmen killed 27 villagers on Monday.', [['killed', 'all', 27, 27]]],
  ['At least 40 civilians were killed and 112 were wounded.', [['killed', 'all', 40, null], ['injured', 'all', 112, 112]]],
  ['The shelling killed 52 people, including 14 women and 9 children.', [['killed', 'all', 52, 52], ['killed', 'women', 14, 14], ['killed', 'children', 9, 9]]],
  ['Officials said 300 people died, including 120 women and children.', [['killed', 'all', 300, 300], ['killed', 'women+children', 120, 120]]],
  ['More than 1.000 people were injured in the blast.', [['injured', 'all', 1001, null]]],
  ['Some 150 of the 1,200 residents that the militia abducted remain missing.', [['missing', 'all', 150, 150], ['captured', 'all', 1200, 1200]]],
  ['Rebels captured 900 soldiers, 200 of whom remain unaccounted for.', [['captured', 'all', 900, 900], ['missing', 'all', 200, 200]]],
  ['80 prisoners who were taken hostage are still missing.', [['missing', 'all', 80, 80]]],
  ['Six families were completely wiped out.', [['killed', 'all', 6, 6, 'families']]],
  ['Forty children lost both parents, and 90 lost one.', [['orphaned', 'children', 40, 40], ['orphaned', 'children', 90, 90]]],
  ['So far, 520 people (130 families) have returned to their homes.', [['returned', 'all', 520, 520], ['returned', 'all', 130, 130, 'families']]],
  ['The war caused thousands of casualties.', [['casualties', 'all', 2000, 9999]]],
  ['Tens of thousands of people have been forced from their homes.', [['displaced', 'all', 20_000, 99_999]]],
  ['The death toll has risen to 214.', [['killed', 'all', 214, 214]]],
  ['Hospitals admitted 212 wounded patients.', [['injured', 'all', 212, 212]]],
  ['The court found that 73 detainees died in custody.', [['killed', 'all', 73, 73]]],
  ['Among the dead were nineteen women and eleven children.', [['killed', 'women', 19, 19], ['killed', 'children', 11, 11]]],
  ['The camp now shelters nearly 3,000 refugees.', [['displaced', 'all', null, 3000]]],
  ['The village, home to 4,500 people, was shelled.', [['population', 'all', 4500, 4500]]],
  ['The death toll from the earthquake has climbed to 2,310.', [['killed', 'all', 2310, 2310]]],
  ['A further 15 bodies were recovered, bringing the total to 102.', [['killed', 'all', 15, 15], ['killed', 'all', 102, 102]]],
  ['The blast wounded 150 people, 40 of them seriously, and killed 11.', [['injured', 'all', 150, 150], ['other', 'all', 40, 40], ['killed', 'all', 11, 11]]],
  ['Rebels abducted 276 schoolgirls from their dormitory.', [['captured', 'children', 276, 276]]],
  ['A 4-5-year-old child was among them.', []],
  ['The parliaments of 18 countries adopted resolutions.', []],
  ['The pain remains after 33 years.', []],
  ['It was their 32nd anniversary.', []],
  ['Turnout was 14 per cent.', []],
  ['Resolution No. 822 called for a ceasefire.', []],
  ['Call +90 (312) 438 50 23 for details.', []],
  ['They have the right to return, said seven victims.', [['other', 'all', 7, 7]]],
  // A breakdown listed after the predicate, between dashes, in brackets or after a colon.
  ['At least 57 people were killed — 30 men, 20 women and 7 children —, the ministry said.', [['killed', 'all', 57, null], ['killed', 'men', 30, 30], ['killed', 'women', 20, 20], ['killed', 'children', 7, 7]]],
  ['Nine villagers were wounded (five men and four boys) in Orlec.', [['injured', 'all', 9, 9], ['injured', 'men', 5, 5], ['injured', 'children', 4, 4]]],
  ['The dead include 520 women and children: 300 women and 250 children.', [['killed', 'women+children', 520, 520], ['killed', 'women', 300, 300], ['killed', 'children', 250, 250]]],
  ['The missing include 14 fishermen.', [['missing', 'all', 14, 14]]],
  ['At least 118 people were killed in Sorn over the two days, among them 22 women and 41 children.', [['killed', 'all', 118, null], ['killed', 'women', 22, 22], ['killed', 'children', 41, 41]]],
  ['Landslide in Pelmor kills 14, injures 30', [['killed', 'all', 14, 14], ['injured', 'all', 30, 30]]],
  ['Medics said 31 people were taken to hospital.', [['injured', 'all', 31, 31]]],
  ['Divers are still searching for 12 fishermen.', [['missing', 'all', 12, 12]]],
  ['Some 70 children lost one or both parents.', [['orphaned', 'children', 70, 70]]],
  // …but a figure after a dash with its own predicate is a figure of its own.
  ['Twelve people were killed - 5 women were also wounded.', [['killed', 'all', 12, 12], ['injured', 'women', 5, 5]]],
  // A vague number with its predicate beside it, even past "still".
  ['Flooding in Serra: 12 dead, hundreds still missing', [['killed', 'all', 12, 12], ['missing', 'all', 200, 999]]],
  // A number that ends its line after a colon counts what the words before the colon name.
  ['Injuries: 40–55', [['injured', 'all', 40, 55]]],
  ['We buried the bodies ourselves: thirty-one.', [['killed', 'all', 31, 31]]],
  ['Founded: 1948', []],
  // "range from … to …" links a number to the noun it restates.
  ['Estimates of the wounded range from 80 to 120.', [['injured', 'all', 80, 120]]],
  // A group named by the predicate or right after "of them" keeps the host's measure.
  ['Rescuers pulled out 40 bodies, 15 of them children.', [['killed', 'all', 40, 40], ['killed', 'children', 15, 15]]],
  ['Some 70 people are still missing; 12 of them are women.', [['missing', 'all', 70, 70], ['missing', 'women', 12, 12]]],
  // Arriving or registering is displacement only at a camp or a refugee office.
  ['More than 900 families have registered at the transit camp.', [['displaced', 'all', 901, null, 'families']]],
  ['Over 2,000 people had arrived at the refugee reception centre by noon.', [['displaced', 'all', 2001, null]]],
  ['Some 200 troops arrived in the town on Friday.', [['other', 'all', 200, 200]]],
  // Leaving one's home or country, and "the whereabouts of".
  ['Hundreds of families have left their homes in the hills.', [['displaced', 'all', 200, 999, 'families']]],
  ['The whereabouts of about 30 fishermen remain unknown.', [['missing', 'all', 30, 30]]],
  // Names on a list or memorial are the dead (or the missing); a petition's are not.
  ['The memorial in Orsk bears 212 names.', [['killed', 'all', 212, 212]]],
  ['The families keep their own list of the missing, with 44 names.', [['missing', 'all', 44, 44]]],
  ['The petition gathered 5,000 names.', []],
  // Crossing or walking to the border.
  ['About 300 villagers crossed the border that night.', [['displaced', 'all', 300, 300]]],
  // The parts after a leading "of the N …," keep their groups and the whole's measure…
  ['Of the 84 identified dead, 30 were women and 12 children.', [['killed', 'all', 84, 84], ['killed', 'women', 30, 30], ['killed', 'children', 12, 12]]],
  ['Among the 40 dead, 11 were men and 6 were children.', [['killed', 'all', 40, 40], ['killed', 'men', 11, 11], ['killed', 'children', 6, 6]]],
  // …unless a part has a predicate of its own.
  ['Of the 300 captured, 40 remain missing.', [['captured', 'all', 300, 300], ['missing', 'all', 40, 40]]],
  // A whole named again as "the N" counts what the report's earlier count of N did, and so do its parts.
  ['Volunteers recorded 73 people killed. Of the 73 people we could name, 20 were women.', [['killed', 'all', 73, 73], ['killed', 'all', 73, 73], ['killed', 'women', 20, 20]]],
];

// [sentence, the index each count is a part of (or null)].
const PARTS: [string, Array<number | null>][] = [
  ['Of the 84 identified dead, 30 were women and 12 children.', [null, 0, 0]],
  ['Among the 40 dead, 11 were men and 6 were children.', [null, 0, 0]],
  ['Of the 300 captured, 40 remain missing.', [null, null]],
  // No comma after the whole: no list of its parts.
  ['The 84 dead and 30 wounded were taken to Orlec.', [null, null]],
];

for (const [text, expected] of PARTS) {
  test(`links the parts in "${text}"`, () => assert.deepEqual(extract(text).counts.map((c) => c.partOf ?? null), expected));
}

for (const [text, expected] of TABLE) {
  test(`reads the counts in "${text}"`, () => assert.deepEqual(counts(text), expected));
}

test('every count span holds its quote and covers its number', () => {
  const text = 'In the town, home to 7,000 people, 613 citizens — including 106 women — were killed.';
  for (const c of extract(text).counts) {
    assert.equal(text.slice(c.span.start, c.span.end), c.quote);
    assert.match(c.quote, /\d/);
  }
});

test('links a breakdown to its total', () => {
  const { counts: cs } = extract('The attack killed 613 civilians, including 106 women and 63 children.');
  assert.equal(cs[1]!.partOf, 0);
  assert.equal(cs[2]!.partOf, 0);
});

test('links a breakdown listed after a colon or dash to its total, and not a new figure', () => {
  const a = extract('Floods killed 310 women and children in Pelmor: 120 women and 190 children.').counts;
  assert.deepEqual(a.map((c) => c.partOf), [undefined, 0, 0]);
  const b = extract('Twelve people were killed - 5 women were also wounded.').counts;
  assert.deepEqual(b.map((c) => c.partOf), [undefined, undefined]);
});

test('a list item that states only a number counts what its heading names', () => {
  const text = 'Deaths by district (verified):\n- Orlec: 41 (9 women, 15 children)\n- Sarn: 27\n\nNeeds:\n- Tessaly: 300 tents\n- Varn: 12';
  assert.deepEqual(counts(text), [['killed', 'all', 41, 41], ['killed', 'women', 9, 9], ['killed', 'children', 15, 15], ['killed', 'all', 27, 27]]);
});
