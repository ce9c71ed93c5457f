import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countAt } from '../fixtures.case.js';
import { report } from '../fixtures.case.js';
import { assignEvent, assignEvents, corpusEvents, findEventMentions, mainIncident, UNASSIGNED } from './events.js';

test('named events are found in their usual phrasings, keyed by folded name or year', () => {
  const table: Array<[string, string, string]> = [
    ['Survivors of the Dorvik massacre gathered.', 'dorvik', 'Dorvik massacre'],
    ['It recalled the 1995 massacre.', '1995', '1995 massacre'],
    ['After the attack on Dorvik, roads closed.', 'dorvik', 'attack on Dorvik'],
    ['Aid arrived after the earthquake in Upper Vale.', 'upper vale', 'earthquake in Upper Vale'],
    ['The 1992 Xorvik market attack was the worst.', 'horvik', '1992 Xorvik market attack'],
    ['Relatives remember the Khorvik massacre.', 'horvik', 'Khorvik massacre'],
    ["Tuesday's Dorvik market attack was the worst.", 'dorvik', 'Dorvik market attack'],
  ];
  for (const [text, key, label] of table) {
    const [m] = findEventMentions(text);
    assert.deepEqual(m && [m.key, m.label], [key, label], text);
  }
});

test('weekdays, months, sentence openers, adjectives of a people and unnamed events are not events', () => {
  const texts = ['The attack on Monday was brief.', 'The massacre shocked everyone.', 'The February attack ended.',
    'Although the massacre was denied, it happened.', 'A treaty on the Crime of Genocide was signed.',
    'It was a two-hour Veshian offensive.', 'It fell under Tolese occupation.',
    "Shops stayed shut after Thursday's attack.", "Sunday’s shelling was the worst.", "Since March's floods, roads are closed."];
  for (const text of texts) {
    assert.deepEqual(findEventMentions(text), [], text);
  }
});

function assign(text: string, quote: string, context: Parameters<typeof assignEvent>[2]) {
  const count = countAt(text, quote, { min: 1, max: 1 });
  return assignEvent(count, text.slice(count.sentence.start, count.sentence.end), context);
}

test('an event named in the sentence wins, and the reason quotes it', () => {
  const text = 'Officials said 412 people died in the Dorvik massacre.';
  const a = assign(text, '412 people', { mentions: findEventMentions(text) });
  assert.deepEqual(a, { event: 'dorvik', label: 'Dorvik massacre', reason: 'the sentence names it: "the Dorvik massacre"' });
});

test('an event named only to compare is passed over for the one named before the sentence, in its paragraph or just before it', () => {
  const text = 'The Dorvik massacre shocked the region. In all 412 people died, more than in the 1995 massacre.';
  const a = assign(text, '412 people', { mentions: findEventMentions(text), text });
  assert.equal(a.event, 'dorvik');
  assert.equal(a.reason, 'named earlier in its paragraph: "The Dorvik massacre"');
  const next = 'The Dorvik massacre shocked the region.\n\nIn all 412 people died, more than in the 1995 massacre.';
  const b = assign(next, '412 people', { mentions: findEventMentions(next), text: next });
  assert.match(b.reason, /^named \d+ characters before the sentence: "The Dorvik massacre"$/);
});

test('a sentence naming the place or year of a known event recalls it', () => {
  const text = 'In Dorvik 412 people died. Elsewhere the Kessa earthquake struck.';
  const known = [{ key: 'kessa', label: 'Kessa earthquake', tier: 'specific' as const }, { key: 'dorvik', label: 'Dorvik massacre', tier: 'specific' as const }];
  const a = assign(text, '412 people', { mentions: [], known });
  assert.deepEqual([a.event, a.reason], ['dorvik', 'the sentence names the place of the Dorvik massacre']);
});

test('with nothing near, the report\'s only event, then the corpus default, then unassigned', () => {
  const text = 'The Dorvik massacre was long ago.\n\n' + ' Filler words.'.repeat(40) + ' Later 412 people were counted.';
  const mentions = findEventMentions(text);
  assert.equal(assign(text, '412 people', { mentions, text }).reason, 'the only event the report names');
  const plain = 'Later 412 people were counted.';
  const byDefault = assign(plain, '412 people', { mentions: [], corpusDefault: { key: 'kessa', label: 'Kessa earthquake', tier: 'specific' } });
  assert.deepEqual([byDefault.event, byDefault.reason], ['kessa', 'the only event the reports discuss']);
  assert.equal(assign(plain, '412 people', { mentions: [] }).event, UNASSIGNED);
});

test('a war or an offensive is a broad event: it names a sentence\'s event only when nothing specific does', () => {
  const text = 'During the Northern War the Dorvik massacre killed 412 people. The war killed 9,000 in the Northern War.';
  const mentions = findEventMentions(text);
  assert.deepEqual(mentions.map((m) => m.tier), ['broad', 'specific', 'broad']);
  assert.equal(assign(text, '412 people', { mentions }).event, 'dorvik');
  assert.equal(assign(text, '9,000', { mentions }).event, 'northern');
  assert.deepEqual(corpusEvents([mentions]).corpusDefault, { key: 'dorvik', label: 'Dorvik massacre', tier: 'specific' });
});

test('spellings of one place are one event across the corpus, with transliterations, typos and exonyms', () => {
  const reports = [
    report('a', 'The Khorvik massacre left 412 dead.', undefined, (t) => [countAt(t, '412', { min: 412, max: 412 })]),
    report('b', 'In the Xorvik massacre 400 died.', undefined, (t) => [countAt(t, '400', { min: 400, max: 400 })]),
    report('c', 'The Khorkiv massacre killed 410.', undefined, (t) => [countAt(t, '410', { min: 410, max: 410 })]),
    report('d', 'The Eastgate massacre killed 9.', undefined, (t) => [countAt(t, '9', { min: 9, max: 9 })]),
    report('e', 'The Vostokgrad massacre killed 8.', undefined, (t) => [countAt(t, '8', { min: 8, max: 8 })]),
  ];
  const events = assignEvents(reports, { exonyms: [['Eastgate', 'Vostokgrad']] });
  assert.deepEqual(events.map((e) => `${e.event}:${e.eventLabel}`), [
    'horvik:Khorvik massacre', 'horvik:Khorvik massacre', 'horvik:Khorvik massacre', 'eastgate:Eastgate massacre', 'eastgate:Eastgate massacre',
  ]);
});

test('the corpus\'s one event is not assumed for a report about another place (that place is its incident), but is for one in another spelling or naming no place', () => {
  const reports = [
    report('a', 'The Dorvik massacre left 412 dead.', undefined, (t) => [countAt(t, '412', { min: 412, max: 412 })]),
    report('b', 'In Orlen, 17 people were killed on 2 March.', undefined, (t) => [countAt(t, '17 people', { min: 17, max: 17 })]),
    report('c', 'Survivors who fled Dörvik said 400 had died.', undefined, (t) => [countAt(t, '400', { min: 400, max: 400 })]),
    report('d', 'The toll rose to 415, the ministry said.', undefined, (t) => [countAt(t, '415', { min: 415, max: 415 })]),
    report('e', 'Families from Dorvikk and Orlen said 390 died.', undefined, (t) => [countAt(t, '390', { min: 390, max: 390 })]),
  ];
  const places = [['Dorvik'], ['Orlen'], ['Dörvik'], [], ['Dorvikk', 'Orlen']];
  const events = assignEvents(reports, { places });
  assert.deepEqual(events.map((e) => e.event), ['dorvik', 'orlen', 'dorvik', 'dorvik', 'dorvik']);
  assert.equal(events[1]!.eventReason, 'the report\'s main incident: Orlen, the place its title names');
});

test('a capitalised event noun running on into a body\'s name ("the National Disaster Management Authority") names no event', () => {
  const table: Array<[string, string[]]> = [
    ['The National Disaster Management Authority said 40 died.', []],
    ['The Earthquake Commission in Vale paid out.', []],
    ['After the Vale Earthquake, 40 died.', ['vale']],
  ];
  for (const [text, keys] of table) assert.deepEqual(findEventMentions(text).map((m) => m.key), keys, text);
});

test('a report\'s main incident: the event it names most, its lead counting more; failing any, the place it names most, with its kind', () => {
  const ctx = { canonical: new Map<string, string>(), known: [], labels: new Map<string, string>() };
  const named = 'Ten years after the Dorvik massacre\n\nSurvivors met. The Kessa attack was recalled once. The Dorvik massacre is mourned.';
  assert.deepEqual(mainIncident(named, findEventMentions(named), [], ctx), {
    event: 'dorvik', label: 'Dorvik massacre', reason: 'the report\'s main incident: the Dorvik massacre, the event its title names', named: true, titled: true,
  });
  const placed = 'Quake toll rises in Upper Vale\n\nThe earthquake destroyed homes in Upper Vale and in Orlen. Rescuers in Upper Vale dug on.';
  const main = mainIncident(placed, findEventMentions(placed), ['Upper Vale', 'Orlen', 'Upper Vale'], ctx);
  assert.deepEqual(main && [main.event, main.label, main.named], ['upper vale', 'earthquake in Upper Vale', false]);
  assert.equal(mainIncident('No names here, 40 died.', [], [], ctx), undefined);
});

test('another report\'s event is a report\'s main incident only when its title or lead names the place', () => {
  const known = [{ key: 'dorvik', label: 'Dorvik massacre', tier: 'specific' as const }];
  const ctx = { canonical: new Map<string, string>(), known, labels: new Map([['dorvik', 'Dorvik massacre']]) };
  const lead = 'The taking of Dorvik, a report\n\nThe fugitives reached Aghlen. In Aghlen 40 bodies were counted.';
  assert.equal(mainIncident(lead, [], ['Aghlen', 'Aghlen'], ctx)?.event, 'dorvik');
  const later = 'Fighting in Talka displaced 1,750\n\nFighting went on in Talka.\n\nSome 800 people returned from Dorvik.';
  assert.equal(mainIncident(later, [], ['Talka', 'Talka', 'Dorvik'], ctx)?.event, 'talka');
});

test('in a report about one incident, a year alone or a description ("the 1995 massacre", "Europe\'s worst massacre") is that incident', () => {
  const text = 'Serb report on the Dorvik massacre\n\nThe 1995 massacre killed 7,000. It was Europe\'s worst massacre, where 8,000 died.';
  const reports = [report('a', text, undefined, (t) => [countAt(t, '7,000', { min: 7000, max: 7000 }), countAt(t, '8,000', { min: 8000, max: 8000 })])];
  const events = assignEvents(reports, { places: [['Dorvik']] });
  assert.deepEqual(events.map((e) => e.event), ['dorvik', 'dorvik']);
  assert.deepEqual(events.map((e) => e.eventReason), ['the sentence names it: "The 1995 massacre"', 'the sentence names it: "Europe\'s worst massacre"']);
});

test('in a mixed corpus each report keeps to its own incident, a place named in passing recalls another only with that event\'s noun', () => {
  const reports = [
    report('a', 'Floods in Marran kill 40\n\nThe floods in Marran killed 40 people.', undefined, (t) => [countAt(t, '40 people', { min: 40, max: 40 })]),
    report('b', 'Fighting in Talka displaces 1,750\n\nFighting in Talka displaced 1,750 people.\n\nIn all, 800 people returned from Marran.', undefined,
      (t) => [countAt(t, '1,750 people', { min: 1750, max: 1750 }), countAt(t, '800 people', { min: 800, max: 800 })]),
    report('c', 'Talka update\n\nIn Talka 12 people were killed. The floods in Marran have now killed 52.', undefined,
      (t) => [countAt(t, '12 people', { min: 12, max: 12 }), countAt(t, '52', { min: 52, max: 52 })]),
    report('d', 'Relief reaches Marran\n\nAid came to Marran, where 45 people died.', undefined, (t) => [countAt(t, '45 people', { min: 45, max: 45 })]),
  ];
  const events = assignEvents(reports, { places: [['Marran'], ['Talka', 'Talka', 'Marran'], ['Talka', 'Marran'], ['Marran', 'Marran']] });
  assert.deepEqual(events.map((e) => `${e.doc}:${e.event}`), ['a:marran', 'b:talka', 'b:talka', 'c:talka', 'c:marran', 'd:marran']);
});
