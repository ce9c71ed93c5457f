import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

/** The attribution source of each count in `text` (null for the report's own voice). */
function sources(text: string): (string | null)[] {
  return extract(text).counts.map((c) => c.attribution?.source ?? null);
}

// [text, sources of its counts in order]
const TABLE: [string, (string | null)[]][] = [
  // Reporting frames: an acronym in brackets, a progressive, a base-form verb, a figure "given by", a headline colon.
  ['As of 4 May, the National Flood Authority (NFA) reported that the floods caused 43 deaths.', ['the National Flood Authority']],
  ['Local authorities are reporting that 12 people drowned.', ['Local authorities']],
  ['Orlec officials claim that up to 800 men were killed.', ['Orlec officials']],
  ['The ministry notified the agency of 7 deaths.', ['The ministry']],
  ['The mayor regretted that 5 volunteers had died.', ['The mayor']],
  ['Karin Lo recollects how two women were killed.', ['Karin Lo']],
  ['The death toll given by the Orlec authorities is 613 civilians.', ['the Orlec authorities']],
  ['Varn Rescuers: 70 Dead in Mudslide', ['Varn Rescuers']],
  ['Ferry toll rises to 19: governor', ['governor']],
  // A report named by its author, whose statement opens a quote with a colon, speaks the whole quote.
  ['The report of Kestrel Watch on the abuses in the siege of Orlec says of the flight from the town: “Many froze. Around 90 bodies were brought to Sarn.”\nLater, 5 people died.', ['The report of Kestrel Watch', null]],
  // A wire lead's underscore is a dash: the dateline is not the source.
  ['LUMA, Norland (Northwire) _ Officials say 23 were killed.', ['Officials']],
  // A paragraph's opening source speaks for the figures after it, and for a list right after it…
  ['According to the Flood Authority, 40 people died in Sarn. Another 12 are missing.\nThe storm hit Orlec at dawn. 5 people died.', ['the Flood Authority', 'the Flood Authority', null]],
  ['The authority reported the following figures.\n- 20 people killed in Bel\n- 30 injured in Cor\nLater, 9 more died.', ['The authority', 'The authority', null]],
  // …until another voice, a body of its own or the author speaks.
  ['Police said 7 people died. The council put the toll at 9. Another 4 were injured.', ['Police', 'The council', null]],
  ['Police said 7 people died. We believe 20 were injured.', ['Police', null]],
  // A bullet's own sentences do not speak for the bullets after it.
  ['- Sarn: 15 people were killed. The Relief League reported 40 injured.\n- Bel: 8 people were killed.', [null, 'The Relief League', null]],
  // Who claims an attack is not who reports its toll.
  ['The group claimed the bombing, which killed 12 people.', [null]],
  ['The Sarn Front claimed responsibility for the attack that killed 9 soldiers.', [null]],
  ['According to the health ministry, 64 people were injured.', ['the health ministry']],
  ['Police said 27 people were killed.', ['Police']],
  ['27 people were killed, police said.', ['police']],
  ['27 people were killed, said a local official.', ['a local official']],
  ['At least 40 people died, per the Red Crescent.', ['the Red Crescent']],
  ['According to the official data, 613 civilians were killed, including 106 women.', ['the official data', 'the official data']],
  ['According to unofficial data, 1,300 people were killed.', ['unofficial data']],
  ['The blast killed 40 people, according to UN figures.', ['UN figures']],
  ['The ministry’s figures show that 300 people were injured.', ['The ministry’s figures']],
  ['The attack killed 40 people.', [null]],
  ['A government statement said on Monday that talks had failed. “We mourn our 40 citizens who were killed,” it added.', ['A government statement']],
  ['“Twelve soldiers were wounded. Four more died in hospital,” the commander said.', ['the commander', 'the commander']],
  ['The Refugee Council, a monitoring group, put the toll higher, saying that 31 people had been killed.', ['The Refugee Council']],
  ['Official figures put the toll at 312, while survivors say more than 500 died.', ['Official figures', 'survivors']],
  ['The Chamber found that no fewer than 1,140 prisoners passed through the camp.', ['The Chamber']],
  // Datelines with any dash, with or without spaces, and with an agency, are not part of the speaker.
  ['SALTMARCH — The Interior Ministry said 40 people were killed.', ['The Interior Ministry']],
  ['SALTMARCH—Coastguard officials said 9 fishermen were missing.', ['Coastguard officials']],
  ['DORRINGA, May 4 (Northwire) - Police said 27 people were killed.', ['Police']],
  // A headline verb "puts … toll at" names its subject; "the Varn toll" names a place, not a source.
  ['Government puts Varn toll at 212', ['Government']],
  ['The Varn toll stood at 212 on Friday.', [null]],
  ['Orlec provincial figures show 40 people were killed.', ['Orlec provincial figures']],
  // "…, the ministry said" after a breakdown between dashes or brackets covers the total and its parts.
  ['At least 57 people were killed — 30 men, 20 women and 7 children —, the ministry said.', ['the ministry', 'the ministry', 'the ministry', 'the ministry']],
  ['At least 57 people were killed - 30 men, 20 women and 7 children - the ministry said.', ['the ministry', 'the ministry', 'the ministry', 'the ministry']],
  ['At least 57 people were killed (30 men and 27 women), said the ministry.', ['the ministry', 'the ministry', 'the ministry']],
  // A clause after "said" is the report, not its speaker; an apposition between subject and verb is skipped.
  ['An earlier version of this story, citing police, said 23 people had died.', ['police']],
  ['The Varn Monitor’s first count, published in May, listed 38 dead.', ['The Varn Monitor’s first count']],
  ['The Interior Ministry, which gave a toll of 52 dead, has not commented.', ['The Interior Ministry']],
  ['The inquiry was able to confirm four such deaths.', ['The inquiry']],
  ['Pelmor: at least 96 civilians killed in six weeks, new Orlec Watch count shows', ['new Orlec Watch count']],
  // Past participles in a noun phrase are not speech verbs.
  ['Names listed on the Pelmor memorial include 30 children.', [null]],
  ['Among the victims recorded by the clinic were 12 children.', [null]],
  ['The clinic recorded in its register that 12 children were injured.', ['The clinic']],
  ['The Orlec office listed 40 people as missing.', ['The Orlec office']],
  // A bullet is not part of the speaker; an article makes "estimated" an adjective.
  ['- Aid agencies documented the abduction of 9 people.', ['Aid agencies']],
  ['- An estimated 400 people have returned.', [null]],
  ['The whereabouts of an estimated 50 residents remain unknown.', [null]],
  // "reports" before a number, "have argued that" after a footnote marker, "put the number at".
  ['The provincial health office reports 61 deaths.', ['The provincial health office']],
  ['The army gave a toll of 20;[4] local historians have argued that over 90 died.', ['The army', 'local historians']],
  ['Church groups put the number of dead at 70.', ['Church groups']],
  // A passive's agent.
  ['Some 80 people were listed as missing by the Harbour Red Cross.', ['the Harbour Red Cross']],
  ['About 600 families were registered by the district refugee office in Orn.', ['the district refugee office']],
  // A breakdown that opens the next sentence keeps the speaker of the figure it breaks down.
  ['The toll rose to 30, the coastguard said. Among the dead were 8 children.', ['the coastguard', 'the coastguard']],
  ['The toll rose to 30. Among the dead were 8 children.', [null, null]],
  // A speaker that opens a new clause with "and" after the count speaks for that clause only.
  ['Medics say they treated more than 60 people, and local officials put the number of injured at 75.', ['Medics', 'local officials']],
  // "X's (own) list" names its keeper as the source.
  ['The diocese’s own list has 48 names.', ['The diocese’s own list']],
];

for (const [text, expected] of TABLE) {
  test(`attributes the counts in "${text.slice(0, 70)}"`, () => assert.deepEqual(sources(text), expected));
}

test('a statement continued in the next sentence keeps its speaker', () => {
  const text = 'The ministry said that the shelling had stopped. It added that 20 civilians had been wounded.';
  assert.deepEqual(sources(text), ['The ministry']);
});

test('"according to" opening a paragraph carries into the rest of it, not into the next paragraph', () => {
  const text = 'According to the ministry, 20 people were killed. Some 150 remain missing.\nSome 150 remain missing.';
  assert.deepEqual(sources(text), ['the ministry', 'the ministry', null]);
});

test('marks official and unofficial data as such', () => {
  const [a, b] = extract('According to official data, 613 were killed. According to unofficial data, 1,300 people were killed.').counts;
  assert.equal(a?.attribution?.kind, 'official');
  assert.equal(b?.attribution?.kind, 'unofficial');
});

test('a court that "was satisfied that" is the source; a passive "it was determined that" is not', () => {
  assert.deepEqual(sources('The Chamber was satisfied beyond reasonable doubt that 73 detainees died.'), ['The Chamber']);
  assert.deepEqual(sources('The office said the dig had begun. It was determined that 4 people had been killed.'), [null]);
});

test('"…, said on Tuesday that …" names no source after the verb; the speaker before it is the source', () => {
  assert.deepEqual(sources('The provincial governor, Ilse Varga, said on Tuesday that 860 people had been killed.'), ['Ilse Varga']);
});

test('a dateline before a dash is not part of the speaker, and a negated verb names no source', () => {
  assert.deepEqual(sources('VARN - The Interior Ministry said that 212 people were killed.'), ['The Interior Ministry']);
  assert.equal(extract('VARN - The Interior Ministry said that 212 people were killed.').counts[0]?.attribution?.text, 'The Interior Ministry said');
  assert.deepEqual(sources('The names of 212 victims are carved there; families of those not listed want more.'), [null]);
});

test('"it" and "they" resolve to a body named as the subject of a sentence just before', () => {
  assert.deepEqual(sources('The Tessaly commission published its report on Monday. It found that 300 people had been killed.'), ['The Tessaly commission']);
  assert.deepEqual(sources('The ministry said the shelling had stopped. The Orlec Truth Commission visited the site on Friday. It estimated that 40 people died.'), ['The Orlec Truth Commission']);
  assert.deepEqual(sources('Last year, investigators from the Orlec bureau reached the valley. They found that 61 villagers had been killed.'), ['investigators from the Orlec bureau']);
  // The pronoun's number must agree, and a body named long before is not the antecedent.
  assert.deepEqual(sources('The ministry said little. The Pelmor police arrested two men. It said 4 people were hurt.'), [null, 'The ministry']);
  assert.deepEqual(sources('The commission published its report. The town was rebuilt. Residents returned. Aid came. It found that 300 people had died.'), ['It']);
});
