import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../2-extract/index.js';
import { deriveReport, type DerivedParts } from './derive.js';

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
