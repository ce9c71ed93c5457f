import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../2-extract/index.js';
import { deriveReport, entitiesOf, type DerivedParts, type PackedEntities } from './derive.js';
import { extractExtras } from '../2-extract/extras.js';

test('each count\'s facts carry what it counts, and nothing for a count of nothing more than its measure', () => {
  const text = 'The Orsk flood killed 45 people. By Friday, 14 children had lost both parents, and 30 children had lost one parent. Medics treated 12 of the injured.';
  const extraction = extract(text, { published: '2023-04-10' });
  const parts = deriveReport(text, extraction).parts as unknown as DerivedParts;
  assert.deepEqual(parts.facts.map((f, i) => [extraction.counts[i]!.quote, f.what ?? null]), [
    ['45 people', null],
    ['14 children', { qualifier: 'lost both parents', asOf: extraction.dates[0]!.value }],
    ['30 children', { qualifier: 'lost one parent', asOf: extraction.dates[0]!.value }],
    ['12 of the injured', { scope: 'part' }],
  ]);
});

test('stores entity mentions packed, a spelling once, and reads them back as found; a plain list as stored before reads as it is', () => {
  const text = 'Shelling hit Port Aldo on Monday. The mayor of Port Aldo, Ana Kessrin, said Port Aldo had no shelter. Red Cross teams reached Dainfouksi.';
  const found = extractExtras(text).entities;
  assert.ok(found.filter((e) => e.text === 'Port Aldo').length >= 2, 'the text names a place more than once');
  const stored = deriveReport(text, { counts: [], dates: [] }).parts.entities as PackedEntities;
  assert.equal(stored.names.filter(([, name]) => name === 'Port Aldo').length, 1);
  assert.ok(JSON.stringify(stored).length < JSON.stringify(found).length / 2, `${JSON.stringify(stored).length} bytes for ${JSON.stringify(found).length}`);
  assert.deepEqual(entitiesOf(JSON.parse(JSON.stringify(stored))), found);
  assert.deepEqual(entitiesOf(found), found);
  assert.deepEqual(entitiesOf(undefined), []);
  assert.throws(() => entitiesOf({ names: [], at: [0, 1, 2, 3, 4] }), /names entry 0 of 0/);
});
