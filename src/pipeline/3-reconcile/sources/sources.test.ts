import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../../../domain/errors.js';
import { countAt } from '../fixtures.case.js';
import { makeCountRefs } from '../refs.js';
import type { SourcePair } from '../types.js';
import { groupSources, judgePair, DEFAULT_THRESHOLDS } from './groups.js';
import { candidateProbability } from './minhash.js';
import { sameSource, sourceLookup, independentCount } from './same-source.js';
import { DEFAULT_SOURCE_OPTIONS, SourceIndex } from './source-index.js';
import { wordsOf } from './words.js';

const WIRE = `VARNE, Tuesday (Northwire) - The earth dam above the valley town of Varne gave way shortly before dawn on Monday, sending a wall of water through the lower streets while most residents were still asleep. Rescue teams working through the night said 57 people were killed and more than 200 were injured, and that dozens of families had lost their homes. The regional governor told reporters that the reservoir had been filled beyond its safe level after a week of heavy rain, and that engineers had warned about cracks in the wall last autumn. Survivors described hearing a deep rumble before the water reached the market square. Relief convoys from the neighbouring provinces were expected to arrive by Wednesday with tents, drinking water and medicine.`;

const REPRINT_WHOLE = `Dam failure in Varne leaves dozens dead
By staff writers, The Valley Courier
The earth dam above the valley town of Varne gave way shortly before dawn on Monday, sending a wall of water through the lower streets while most residents were still asleep. Rescue teams working through the night said 57 people were killed and more than 200 were injured, and that dozens of families had lost their homes. The regional governor told reporters that the reservoir had been filled beyond its safe level after a week of heavy rain, and that engineers had warned about cracks in the wall last year. Survivors described hearing a deep rumble before the water reached the market square. Relief convoys from the neighbouring provinces were expected to arrive by Wednesday with tents, drinking water and medicine. The Courier will publish a list of the missing as soon as it is available.`;

const REPRINT_PART = `Questions mount over the Varne dam
Local officials in Varne faced angry crowds on Wednesday as families searched the mud for relatives. "Rescue teams working through the night said 57 people were killed and more than 200 were injured, and that dozens of families had lost their homes." Residents we spoke to said complaints about seepage had been ignored for years. Survivors described hearing a deep rumble before the water reached the market square! Opposition councillors demanded an inquiry into how the permits were granted.`;

const OWN_A = `A dam collapse in the hill country killed 57 people in Varne on Monday, the health ministry said. Hospitals in two nearby cities were treating the injured, whose number the ministry put at 230. Aerial pictures showed the old market submerged up to the rooftops.`;

const OWN_B = `Torrents of water poured out of the broken Varne reservoir early on Monday. Volunteers pulled survivors from flooded houses with ropes and boats. The death toll stood at 57 by the evening, a hospital doctor said, though that number could not be verified.`;

const TEXTS: Record<string, string> = { wire: WIRE, whole: REPRINT_WHOLE, part: REPRINT_PART, ownA: OWN_A, ownB: OWN_B };

function indexAll(): { index: SourceIndex; pairs: SourcePair[] } {
  const index = new SourceIndex();
  const pairs: SourcePair[] = [];
  for (const [id, text] of Object.entries(TEXTS)) pairs.push(...index.add(id, text));
  return { index, pairs };
}

function pairOf(pairs: SourcePair[], a: string, b: string): SourcePair | undefined {
  return pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
}

/** Seeded random words, for corpora that share nothing. */
function randomText(seed: number, words: number): string {
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(`w${(s >>> 8) % 400}`);
  }
  return out.join(' ');
}

test('a reprint with a new headline and one edited phrase is one source with the wire story', () => {
  const { pairs } = indexAll();
  const p = pairOf(pairs, 'wire', 'whole')!;
  assert.ok(p.containmentA > 0.8 && p.containmentB > 0.7, `containment ${p.containmentA} / ${p.containmentB}`);
  assert.equal(judgePair(p, DEFAULT_THRESHOLDS), 'same');
});

test('a report that quotes two sentences of the wire story is possibly the same source', () => {
  const { pairs } = indexAll();
  const p = pairOf(pairs, 'wire', 'part')!;
  const low = Math.min(p.containmentA, p.containmentB);
  assert.ok(low >= 0.1 && low < 0.5, `containment ${p.containmentA} / ${p.containmentB}`);
  assert.equal(p.passages.length, 2);
  assert.equal(judgePair(p, DEFAULT_THRESHOLDS), 'possibly-same');
});

test('independent reports on the same event share no passage with anything', () => {
  const { pairs } = indexAll();
  for (const p of pairs) {
    assert.ok(!['ownA', 'ownB'].includes(p.a) && !['ownA', 'ownB'].includes(p.b), `${p.a}–${p.b}`);
  }
});

test('every shared passage slices the same words from both reports', () => {
  const { pairs } = indexAll();
  assert.ok(pairs.length >= 3);
  for (const p of pairs) {
    for (const s of p.passages) {
      const a = wordsOf(TEXTS[s.a.doc]!.slice(s.a.span.start, s.a.span.end));
      const b = wordsOf(TEXTS[s.b.doc]!.slice(s.b.span.start, s.b.span.end));
      assert.deepEqual(a, b);
      assert.equal(a.length, s.words);
      assert.match(TEXTS[s.a.doc]![s.a.span.start]!, /[\p{L}\p{N}]/u);
    }
  }
});

test('source groups join the wire story with its whole reprint and list the partial copy for review', () => {
  const { index, pairs } = indexAll();
  const g = groupSources(index.ids(), pairs);
  assert.deepEqual(g.groups, [['wire', 'whole'], ['part'], ['ownA'], ['ownB']]);
  assert.equal(g.groupOf['whole'], 'wire');
  assert.deepEqual(g.possible.map((p) => [p.a, p.b]), [['wire', 'part'], ['whole', 'part']]);
});

test('thresholds are configurable: a low high-threshold pulls the partial copy into the group', () => {
  const { index, pairs } = indexAll();
  const g = groupSources(index.ids(), pairs, { high: 0.1, low: 0.05 });
  assert.deepEqual(g.groups[0], ['wire', 'whole', 'part']);
});

test('thresholds out of order are refused with E_BAD_INPUT', () => {
  assert.throws(() => groupSources([], [], { high: 0.2, low: 0.4 }), (e) => isAppError(e, 'E_BAD_INPUT'));
});

test('a count whose sentence was copied is the same source as the original; one in own words is not', () => {
  const { index, pairs } = indexAll();
  const g = groupSources(index.ids(), pairs);
  const lookup = sourceLookup(pairs, g.groupOf);
  const spec = { min: 57, max: 57 };
  const [wire] = makeCountRefs({ id: 'wire', text: WIRE, counts: [countAt(WIRE, '57 people', spec)] });
  const [part] = makeCountRefs({ id: 'part', text: REPRINT_PART, counts: [countAt(REPRINT_PART, '57 people', spec)] });
  const [whole] = makeCountRefs({ id: 'whole', text: REPRINT_WHOLE, counts: [countAt(REPRINT_WHOLE, '57 people', spec)] });
  const [ownA] = makeCountRefs({ id: 'ownA', text: OWN_A, counts: [countAt(OWN_A, '57 people', spec)] });
  const [ownB] = makeCountRefs({ id: 'ownB', text: OWN_B, counts: [countAt(OWN_B, '57', spec)] });
  assert.equal(sameSource(wire!, part!, lookup).reason, 'shared passage');
  assert.equal(sameSource(part!, wire!, lookup).reason, 'shared passage');
  assert.equal(sameSource(wire!, whole!, lookup).reason, 'same source group');
  assert.equal(sameSource(part!, ownA!, lookup).same, false);
  assert.equal(independentCount([wire!, whole!, part!, ownA!, ownB!], lookup), 3);
});

test('a count outside the copied passage of a partial copy stays independent', () => {
  const { pairs } = indexAll();
  const lookup = sourceLookup(pairs);
  const spec = { min: 1, max: 1, measure: 'other' as const };
  const [wire] = makeCountRefs({ id: 'wire', text: WIRE, counts: [countAt(WIRE, 'a week', spec)] });
  const [part] = makeCountRefs({ id: 'part', text: REPRINT_PART, counts: [countAt(REPRINT_PART, 'angry crowds', spec)] });
  assert.equal(sameSource(wire!, part!, lookup).same, false);
});

test('adding the same report twice changes nothing; the same id with another text is a conflict', () => {
  const { index } = indexAll();
  const before = index.stats;
  assert.deepEqual(index.add('part', REPRINT_PART).map((p) => p.a), ['wire', 'whole']);
  assert.deepEqual(index.stats, before);
  assert.throws(() => index.add('part', OWN_A), (e) => isAppError(e, 'E_CONFLICT'));
});

test('an index restored from its snapshot finds the same passages for a new report', () => {
  const { index } = indexAll();
  const restored = SourceIndex.restore(JSON.parse(JSON.stringify(index.snapshot())));
  const probe = `Editorial. ${REPRINT_PART}`;
  assert.deepEqual(restored.add('probe', probe), index.add('probe', probe));
});

test('a restored index keeps its buckets as they were, without hashing again; an older snapshot without them still restores', () => {
  const { index } = indexAll();
  const snapshot = JSON.parse(JSON.stringify(index.snapshot())) as ReturnType<SourceIndex['snapshot']>;
  assert.ok(snapshot.buckets && snapshot.buckets.k1.length === index.stats.buckets);
  const restored = SourceIndex.restore(snapshot);
  assert.deepEqual(restored.snapshot(), index.snapshot());
  const { buckets: _none, ...older } = snapshot;
  const recomputed = SourceIndex.restore(older);
  assert.deepEqual(recomputed.snapshot(), index.snapshot());
  const probe = `Editorial. ${REPRINT_PART}`;
  assert.deepEqual(recomputed.add('probe', probe), restored.add('probe', probe));
});

test('a wire story quoted whole inside a long unrelated report is found despite the length', () => {
  const index = new SourceIndex();
  index.add('wire', WIRE);
  const long = `${randomText(7, 1500)} ${WIRE} ${randomText(8, 1500)}`;
  const [p] = index.add('long', long);
  assert.ok(p !== undefined && p.containmentA > 0.95 && p.containmentB < 0.05);
});

test('unrelated reports are not compared pair by pair', () => {
  const index = new SourceIndex();
  for (let i = 0; i < 300; i++) index.add(`r${i}`, randomText(i + 1, 120));
  assert.equal(index.stats.pairs, 0);
  assert.ok(index.stats.comparisons < 300, `${index.stats.comparisons} comparisons`);
});

test('the default bands make mostly shared windows likely candidates and barely touching ones unlikely', () => {
  assert.ok(candidateProbability(0.6, DEFAULT_SOURCE_OPTIONS) > 0.9);
  assert.ok(candidateProbability(0.05, DEFAULT_SOURCE_OPTIONS) < 0.05);
});

test('a 30-word passage copied between otherwise unrelated long reports is always found', () => {
  for (let t = 0; t < 40; t++) {
    const index = new SourceIndex();
    const passage = randomText(1000 + t, 30);
    index.add('a', `${randomText(2000 + t, 200)} ${passage} ${randomText(3000 + t, 200)}`);
    const [p] = index.add('b', `${randomText(4000 + t, 37)} ${passage} ${randomText(5000 + t, 300)}`);
    assert.ok(p !== undefined, `trial ${t}`);
    assert.ok(p.passages.some((s) => s.words >= 30), `trial ${t}`);
  }
});

test('a copied sentence with a new opening and an added attribution is still the same source, unless whole sentences are required', () => {
  const shared = 'a two-hour assault on the valley that killed 57 villagers and wounded 200 others in the lower streets';
  const a = `Reports from the hills are slow to arrive. The town of Varne saw ${shared}. Rescue work went on all night.`;
  const b = `Another week of rain is forecast. The town was the site of ${shared}, according to the governor. Schools are closed.`;
  const index = new SourceIndex();
  index.add('a', a);
  const pairs = index.add('b', b);
  const spec = { min: 57, max: 57 };
  const [ra] = makeCountRefs({ id: 'a', text: a, counts: [countAt(a, '57 villagers', spec)] });
  const [rb] = makeCountRefs({ id: 'b', text: b, counts: [countAt(b, '57 villagers', spec)] });
  assert.equal(sameSource(ra!, rb!, sourceLookup(pairs)).reason, 'shared passage');
  assert.equal(sameSource(ra!, rb!, sourceLookup(pairs, {}, { minSentenceShare: 1 })).same, false);
});
