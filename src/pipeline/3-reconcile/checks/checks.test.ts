import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Count } from '../../../domain/types.js';
import { according, countAt } from '../fixtures.case.js';
import { makeCountRefs } from '../refs.js';
import { sourceLookup } from '../sources/same-source.js';
import type { CheckResult, EventCount } from '../types.js';
import { contradictions, jointVsParts, runChecks, subgroupExceedsTotal, subgroupsExceedTotal } from './checks.js';

/** A report's counts, all assigned to one event. */
function counts(doc: string, text: string, build: (t: string) => Count[], event = 'dorvik'): EventCount[] {
  return makeCountRefs({ id: doc, text, counts: build(text) }).map((r) => ({ ...r, event, eventLabel: event, eventReason: 'test' }));
}

const BREAKDOWN = 'In all 412 people were killed, among them 111 women and children: 70 women and 41 children.';
const breakdown = counts('a', BREAKDOWN, (t) => [
  countAt(t, '412 people', { min: 412, max: 412 }),
  countAt(t, '111 women and children', { min: 111, max: 111, group: 'women+children' }),
  countAt(t, '70 women', { min: 70, max: 70, group: 'women' }),
  countAt(t, '41 children', { min: 41, max: 41, group: 'children' }),
]);

const TOO_MANY = 'Officials said 60 people were killed, among them 75 women.';
const tooMany = counts('b', TOO_MANY, (t) => [
  countAt(t, '60 people', { min: 60, max: 60, attribution: according('Officials') }),
  countAt(t, '75 women', { min: 75, max: 75, group: 'women', attribution: according('Officials') }),
]);

const SUMS = 'The quake killed 100 people. Among the dead were 60 women, 30 children and 25 elderly people.';
const sums = counts('c', SUMS, (t) => [
  countAt(t, '100 people', { min: 100, max: 100 }),
  countAt(t, '60 women', { min: 60, max: 60, group: 'women' }),
  countAt(t, '30 children', { min: 30, max: 30, group: 'children' }),
  countAt(t, '25 elderly', { min: 25, max: 25, group: 'elderly' }),
], 'kessa');

const TWO_TOLLS = 'The raid killed 40 people. By evening the toll had reached 65 people killed.';
const twoTolls = counts('d', TWO_TOLLS, (t) => [
  countAt(t, '40 people', { min: 40, max: 40 }),
  countAt(t, '65 people', { min: 65, max: 65 }),
]);

const MISMATCH = 'Ninety women and children were among the dead: 50 women and 45 children.';
const mismatch = counts('e', MISMATCH, (t) => [
  countAt(t, 'Ninety women and children', { min: 90, max: 90, group: 'women+children' }),
  countAt(t, '50 women', { min: 50, max: 50, group: 'women' }),
  countAt(t, '45 children', { min: 45, max: 45, group: 'children' }),
]);

const ALL = [...breakdown, ...tooMany, ...sums, ...twoTolls, ...mismatch];

function slices(r: CheckResult, texts: Record<string, string>): string[] {
  return r.spans.map((s) => texts[s.doc]!.slice(s.span.start, s.span.end));
}
const TEXTS = { a: BREAKDOWN, b: TOO_MANY, c: SUMS, d: TWO_TOLLS, e: MISMATCH };

test('a subgroup larger than the total in its sentence is a problem pointing at both counts', () => {
  const [r, ...rest] = subgroupExceedsTotal(ALL);
  assert.equal(rest.length, 0);
  assert.equal(r!.reason, '75 women killed is more than 60 killed, the total in the same sentence');
  assert.deepEqual(slices(r!, TEXTS), ['75 women', '60 people']);
});

test('subgroups that add up to more than the total are a problem, with the caveat of overlap', () => {
  const [r, ...rest] = subgroupsExceedTotal(ALL);
  assert.equal(rest.length, 0);
  assert.equal(r!.event, 'kessa');
  assert.equal(r!.reason, '60 women + 30 children + 25 elderly = 115, more than 100 killed (if the groups do not overlap)');
  assert.deepEqual(slices(r!, TEXTS), ['100 people', '60 women', '30 children', '25 elderly']);
});

test('a breakdown that uses both the joint figure and its parts is summed over the parts only', () => {
  assert.deepEqual(subgroupsExceedTotal(breakdown), []);
});

test('a joint figure that equals the sum of its parts agrees; one that does not is a problem', () => {
  const results = jointVsParts(ALL);
  assert.deepEqual(results.map((r) => [r.status, r.reason]), [
    ['agrees', '111 women and children killed agrees with 70 women + 41 children = 111 (same sentence)'],
    ['problem', '90 women and children killed does not match 50 women + 45 children = 95 (same sentence)'],
  ]);
  assert.deepEqual(slices(results[0]!, TEXTS), ['111 women and children', '70 women', '41 children']);
});

test('parts stated in another report of the same source are used when the report itself lacks them', () => {
  const joint = counts('x', 'The wire said 111 women and children died.', (t) => [countAt(t, '111 women and children', { min: 111, max: 111, group: 'women+children' })]);
  const parts = counts('y', 'A reprint listed 70 women and 41 children.', (t) => [
    countAt(t, '70 women', { min: 70, max: 70, group: 'women' }),
    countAt(t, '41 children', { min: 41, max: 41, group: 'children' }),
  ]);
  const [r] = jointVsParts([...joint, ...parts], sourceLookup([], { x: 'x', y: 'x' }));
  assert.equal(r!.reason, '111 women and children killed agrees with 70 women + 41 children = 111 (same source)');
});

test('parts stated only by other reports on the event are used last, and any of their values may fit', () => {
  const joint = counts('x', 'A charity said 111 women and children died.', (t) => [countAt(t, '111 women and children', { min: 111, max: 111, group: 'women+children' })]);
  const other = counts('y', 'One report listed 75 women and 41 children.', (t) => [
    countAt(t, '75 women', { min: 75, max: 75, group: 'women' }),
    countAt(t, '41 children', { min: 41, max: 41, group: 'children' }),
  ]);
  const third = counts('z', 'Another listed 70 women.', (t) => [countAt(t, '70 women', { min: 70, max: 70, group: 'women' })]);
  const [r] = jointVsParts([...joint, ...other, ...third]);
  assert.equal(r!.reason, '111 women and children killed agrees with 70 women + 41 children = 111 (other reports)');
  assert.deepEqual(r!.spans.map((s) => s.doc), ['x', 'z', 'y']);
  const [p] = jointVsParts([...joint, ...other]);
  assert.equal(p!.reason, '111 women and children killed does not match 75 women + 41 children = 116 (other reports)');
});

test('two counts of one quantity in one report, in the same voice, that cannot both hold contradict', () => {
  const [r, ...rest] = contradictions(ALL);
  assert.equal(rest.length, 0);
  assert.equal(r!.reason, "the report gives 40 killed and 65 killed, both in the report's own voice");
  assert.deepEqual(slices(r!, TEXTS), ['40 people', '65 people']);
});

test('counts of different subjects, attributions or events are not contradictions', () => {
  const text = 'Gunmen killed 412 civilians and 30 soldiers. Rebels said 500 people died.';
  const list = counts('f', text, (t) => [
    countAt(t, '412 civilians', { min: 412, max: 412, subject: 'civilians' }),
    countAt(t, '30 soldiers', { min: 30, max: 30, subject: 'soldiers' }),
    countAt(t, '500 people', { min: 500, max: 500, attribution: according('Rebels') }),
  ]);
  assert.deepEqual(contradictions(list), []);
});

test('runChecks runs every check', () => {
  assert.deepEqual(runChecks(ALL).map((r) => `${r.kind}:${r.status}`), [
    'subgroup-exceeds-total:problem',
    'subgroups-exceed-total:problem',
    'joint-vs-parts:agrees',
    'joint-vs-parts:problem',
    'contradiction:problem',
  ]);
});

/** A compilation of `n` short stories, each stating one toll in the report's own voice, and some stating a part. */
function compilation(n: number, toll: (i: number) => number, women?: (i: number) => number): EventCount[] {
  const stories = Array.from({ length: n }, (_, i) => `Story ${i}: the raid killed ${toll(i)} people${women ? `, among them ${women(i)} women` : ''}.`);
  const text = stories.join('\n\n');
  return counts('long', text, () => {
    const out: Count[] = [];
    let at = 0;
    stories.forEach((s, i) => {
      const start = text.indexOf(s, at);
      at = start + s.length;
      const sentence = { start, end: start + s.length };
      const quote = `${toll(i)} people`;
      const q = start + s.indexOf(quote);
      out.push({ ...countAt(text, quote, { min: toll(i), max: toll(i) }), span: { start: q, end: q + quote.length }, sentence });
      if (women) {
        const w = `${women(i)} women`;
        const p = start + s.indexOf(w);
        out.push({ ...countAt(text, w, { min: women(i), max: women(i), group: 'women' }), span: { start: p, end: p + w.length }, sentence });
      }
    });
    return out;
  });
}

test('a report stating one quantity a few times has every pair of its figures compared', () => {
  // 40, 65, 40: the two 40s each contradict the 65.
  const list = compilation(3, (i) => (i === 1 ? 65 : 40));
  assert.deepEqual(contradictions(list).map((r) => r.reason), [
    "the report gives 40 killed and 65 killed, both in the report's own voice",
    "the report gives 65 killed and 40 killed, both in the report's own voice",
  ]);
});

test('a long compilation reads each figure against the next one of its quantity, each pair of values once', () => {
  // 2,000 stories alternating 40 and 65: one contradiction, not a million pairs.
  const list = compilation(2000, (i) => (i % 2 ? 65 : 40));
  const found = contradictions(list);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.reason, "the report gives 40 killed and 65 killed, both in the report's own voice");
  assert.deepEqual(found[0]!.counts.map((c) => c.index), [0, 1]);
});

test('in a long compilation each part is checked against the total of its own sentence', () => {
  // Story 700 alone says more women were killed than people.
  const list = compilation(1500, () => 50, (i) => (i === 700 ? 80 : 20));
  const found = subgroupExceedsTotal(list);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.reason, '80 women killed is more than 50 killed, the total in the same sentence');
  assert.deepEqual(found[0]!.counts.map((c) => c.index), [1401, 1400]);
});
