import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterNames } from './aliases.js';
import type { NameDecision } from './decide.js';

const names = ['Khojaly', 'Khojaly', 'Khojaly', 'Khojali', 'Ivanovka', 'Ivanovka', 'Ivanowka', 'Stepanakert', 'Stepanakert', 'Khankendi'];
const shape = (decisions: NameDecision[]) => clusterNames(names, { decisions }).map((c) => [c.canonical, ...c.aliases]);

test('a merge joins the clusters of two names, named by the most mentioned spelling, and says a curator joined them', () => {
  assert.deepEqual(shape([]), [['Khojaly', 'Khojali'], ['Ivanovka', 'Ivanowka'], ['Stepanakert'], ['Khankendi']]);
  const merged = clusterNames(names, { decisions: [{ decision: 'merge', name: 'Khankendi', into: 'Stepanakert' }, { decision: 'merge', name: 'Ivanowka', into: 'Khojali' }] });
  assert.deepEqual(merged.map((c) => [c.canonical, ...c.aliases]), [['Khojaly', 'Ivanovka', 'Khojali', 'Ivanowka'], ['Stepanakert', 'Khankendi']]);
  assert.deepEqual(merged[1]!.links, [{ a: 'Stepanakert', b: 'Khankendi', why: 'merged by a curator' }]);
  assert.equal(merged[0]!.links.length, 3, 'the two clusters’ own links and the curator’s');
});

test('a split takes one spelling out on its own with none of its links, and the latest decision wins', () => {
  const split = clusterNames(names, { decisions: [{ decision: 'split', name: 'Khojali' }] });
  assert.deepEqual(split.map((c) => [c.canonical, ...c.aliases]), [['Khojaly'], ['Ivanovka', 'Ivanowka'], ['Stepanakert'], ['Khojali'], ['Khankendi']]);
  assert.deepEqual(split[0]!.links, []);
  // Merged, then split again: as the rules left it.
  const merge: NameDecision = { decision: 'merge', name: 'Khankendi', into: 'Stepanakert' };
  assert.deepEqual(shape([merge, { decision: 'split', name: 'Khankendi' }]), shape([]));
  // Split, then merged back: one cluster again, with one curator's link however often it was made.
  const back = clusterNames(names, { decisions: [merge, { decision: 'split', name: 'Khankendi' }, merge] });
  assert.deepEqual(back.map((c) => c.names.length), [2, 2, 2]);
  assert.equal(back.flatMap((c) => c.links).filter((l) => l.why === 'merged by a curator').length, 1);
});

test('decisions on spellings no report has, a merge within one cluster and a split of a lone name change nothing', () => {
  assert.deepEqual(shape([
    { decision: 'merge', name: 'Agdam', into: 'Khojaly' }, { decision: 'merge', name: 'Khojali', into: 'Khojaly' },
    { decision: 'split', name: 'Stepanakert' }, { decision: 'split', name: 'Agdam' },
  ]), shape([]));
});
