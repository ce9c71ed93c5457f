import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from './checks/checks.js';
import { clusterNames } from './entities/aliases.js';
import { according, countAt } from './fixtures.case.js';
import { assignEvents } from './figures/events.js';
import { buildFigures } from './figures/figures.js';
import { groupSources } from './sources/groups.js';
import { sourceLookup } from './sources/same-source.js';
import { SourceIndex } from './sources/source-index.js';
import type { Count } from '../../domain/types.js';
import type { ReportInput } from './types.js';

// Two fictional parties; names of equal length so every span is the same in both runs.
const SWAP: Record<string, string> = { Arvenian: 'Belsoran', Belsoran: 'Arvenian', Arvenia: 'Belsora', Belsora: 'Arvenia' };
const swap = (s: string): string => s.replace(/\b(Arvenian|Belsoran|Arvenia|Belsora)\b/g, (m) => SWAP[m]!);

const D1 = 'The Tessel attack killed 40 people, according to the Arvenian defence ministry. Belsoran officials said 95 people were killed in the attack on Tessel. Arvenia and Belsora traded blame all day, and 30 people were missing by nightfall.';

/** The corpus, written with party names in place; `s` is applied to every text and source. */
function corpus(s: (x: string) => string): ReportInput[] {
  const make = (id: string, published: string, raw: string, build: (t: string) => Count[]): ReportInput => {
    const text = s(raw);
    return { id, text, meta: { published }, counts: build(text) };
  };
  const by = (x: string, kind?: 'official' | 'unofficial') => according(s(x), kind);
  return [
    make('d1', '2021-05-02', D1, (t) => [
      countAt(t, '40 people', { min: 40, max: 40, attribution: by('the Arvenian defence ministry') }),
      countAt(t, '95 people', { min: 95, max: 95, attribution: by('Belsoran officials') }),
      countAt(t, '30 people', { min: 30, max: 30, measure: 'missing' }),
    ]),
    make('d2', '2021-05-02', 'According to the Belsoran health office, 95 people died in the Tessel attack, among them 30 women and 20 children, 50 women and children in all.', (t) => [
      countAt(t, '95 people', { min: 95, max: 95, attribution: by('the Belsoran health office') }),
      countAt(t, '30 women', { min: 30, max: 30, group: 'women', attribution: by('the Belsoran health office') }),
      countAt(t, '20 children', { min: 20, max: 20, group: 'children', attribution: by('the Belsoran health office') }),
      countAt(t, '50 women and children', { min: 50, max: 50, group: 'women+children', attribution: by('the Belsoran health office') }),
    ]),
    make('d3', '2021-05-03', 'Arvenian officials said 40 people were killed in the Tessel attack, among them 30 women and 25 children, 60 women and children in total.', (t) => [
      countAt(t, '40 people', { min: 40, max: 40, attribution: by('Arvenian officials') }),
      countAt(t, '30 women', { min: 30, max: 30, group: 'women', attribution: by('Arvenian officials') }),
      countAt(t, '25 children', { min: 25, max: 25, group: 'children', attribution: by('Arvenian officials') }),
      countAt(t, '60 women and children', { min: 60, max: 60, group: 'women+children', attribution: by('Arvenian officials') }),
    ]),
    make('d4', '2021-05-03', `Reprinted from the morning wire. ${D1}`, (t) => [
      countAt(t, '40 people', { min: 40, max: 40, attribution: by('the Arvenian defence ministry') }),
      countAt(t, '95 people', { min: 95, max: 95, attribution: by('Belsoran officials') }),
      countAt(t, '30 people', { min: 30, max: 30, measure: 'missing' }),
    ]),
    make('d5', '2021-05-04', 'Unofficial Arvenian data put the injured at more than 200, while the Belsoran ministry said 80 were injured in the Tessel attack.', (t) => [
      countAt(t, 'more than 200', { min: 201, max: null, measure: 'injured', attribution: by('Unofficial Arvenian data', 'unofficial') }),
      countAt(t, '80', { min: 80, max: 80, measure: 'injured', attribution: by('the Belsoran ministry') }),
    ]),
    make('d7', '2021-05-04', 'Arvenian radio said 15 people were injured in the Tessel attack; later it said 45 people were injured.', (t) => [
      countAt(t, '15 people', { min: 15, max: 15, measure: 'injured', attribution: by('Arvenian radio') }),
      countAt(t, '45 people', { min: 45, max: 45, measure: 'injured', attribution: by('Arvenian radio') }),
    ]),
    make('d6', '2022-05-01', 'A year after the Tessel attack, 12 people remain missing, the Arvenian Red Shield said.', (t) => [
      countAt(t, '12 people', { min: 12, max: 12, measure: 'missing', attribution: by('the Arvenian Red Shield') }),
    ]),
  ];
}

/** Everything reconcile says about a corpus, as one plain value. */
function reconcile(reports: ReportInput[]) {
  const index = new SourceIndex();
  for (const r of reports) index.add(r.id, r.text);
  const groups = groupSources(index.ids(), index.pairs());
  const sources = sourceLookup(index.pairs(), groups.groupOf);
  const counts = assignEvents(reports);
  const names = reports.flatMap((r) => [...r.text.matchAll(/\b(Arvenia|Belsora)n?\b/g)].map((m) => m[0]));
  return {
    groups: groups.groups,
    figures: buildFigures(counts, { reports, sources }),
    checks: runChecks(counts, { sources }),
    entities: clusterNames(names),
  };
}

test('the corpus exercises every verdict kind and check, so the mirror test has something to mirror', () => {
  const r = reconcile(corpus((x) => x));
  assert.deepEqual(r.groups, [['d1', 'd4'], ['d2'], ['d3'], ['d5'], ['d7'], ['d6']]);
  const verdicts = r.figures.map((f) => `${f.key.measure}: ${f.verdict.status === 'diverging' ? f.verdict.kind : 'consistent'}`);
  assert.deepEqual(verdicts, ['killed: source', 'killed: consistent', 'killed: source', 'killed: source', 'injured: attribution', 'missing: time']);
  assert.deepEqual(r.figures[0]!.values.map((v) => v.phrase), [
    '40 killed, according to the Arvenian defence ministry and Arvenian officials (3 reports, 2 independent)',
    '95 killed, according to Belsoran officials and the Belsoran health office (3 reports, 2 independent)',
  ]);
  assert.deepEqual(r.checks.map((c) => `${c.kind}:${c.status}`), [
    'subgroup-exceeds-total:problem',
    'subgroups-exceed-total:problem',
    'joint-vs-parts:agrees',
    'joint-vs-parts:problem',
    'contradiction:problem',
  ]);
});

test('swapping the parties\' names swaps the output and nothing else: verdicts, rankings and wording mirror', () => {
  const first = reconcile(corpus((x) => x));
  const second = reconcile(corpus(swap));
  assert.deepEqual(second, JSON.parse(swap(JSON.stringify(first))));
  assert.notDeepEqual(second, first);
});
