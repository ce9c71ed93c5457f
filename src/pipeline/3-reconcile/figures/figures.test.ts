import { test } from 'node:test';
import assert from 'node:assert/strict';
import { according, countAt, report } from '../fixtures.case.js';
import { groupSources } from '../sources/groups.js';
import { sourceLookup } from '../sources/same-source.js';
import { SourceIndex } from '../sources/source-index.js';
import type { Figure, ReportInput } from '../types.js';
import { assignEvents } from './events.js';
import { buildFigures, figureKeyString } from './figures.js';
import { extract } from '../../2-extract/index.js';
import { dataKind } from './values.js';

const WIRE = 'Rescue workers in the hills said on Friday that 412 people were killed when gunmen stormed the market town, and that 75 residents were taken away by the attackers.';

const REPORTS: ReportInput[] = [
  report('r1', 'The Dorvik massacre left hundreds of people dead. According to official data, 412 people were killed and 230 were injured.', '2020-02-10', (t) => [
    countAt(t, 'hundreds of people', { min: 200, max: 999 }),
    countAt(t, '412 people', { min: 412, max: 412, attribution: according('official data') }),
    countAt(t, '230', { min: 230, max: 230, measure: 'injured', attribution: according('official data') }),
  ]),
  report('r2', `Grief filled the valley after the Dorvik massacre, and shops stayed shut all week while families waited for news of relatives. ${WIRE} Officials said 40 people were missing. Funerals began on Saturday in the old cemetery above the river, where a small crowd sang.`, '2020-02-11', (t) => [
    countAt(t, '412 people', { min: 412, max: 412 }),
    countAt(t, '75 residents', { min: 75, max: 75, measure: 'captured' }),
    countAt(t, '40 people', { min: 40, max: 40, measure: 'missing', attribution: according('Officials') }),
  ]),
  report('r3', `Mourners gathered in the capital on Sunday to remember the dead of the Dorvik massacre, carrying candles and photographs through the old squares. ${WIRE} The government declared a day of mourning and promised an inquiry.`, '2020-02-12', (t) => [
    countAt(t, '412 people', { min: 412, max: 412 }),
    countAt(t, '75 residents', { min: 75, max: 75, measure: 'captured' }),
  ]),
  report('r4', 'Hundreds were killed in the attack on Dorvik, villagers said. According to unofficial data, 900 people were killed and more than 500 were injured. More than 300 families were displaced.', '2020-02-15', (t) => [
    countAt(t, 'Hundreds', { min: 200, max: 999, attribution: according('villagers') }),
    countAt(t, '900 people', { min: 900, max: 900, attribution: according('unofficial data') }),
    countAt(t, 'more than 500', { min: 501, max: null, measure: 'injured', attribution: according('unofficial data') }),
    countAt(t, 'More than 300 families', { min: 301, max: null, measure: 'displaced', unit: 'families' }),
  ]),
  report('r5', 'The Kessa earthquake killed 80 people, the regional health office said.', '2020-03-01', (t) => [
    countAt(t, '80 people', { min: 80, max: 80, attribution: according('the regional health office') }),
  ]),
  report('r6', 'At least 120 people died in the Kessa earthquake, according to a rescue charity.', '2020-03-01', (t) => [
    countAt(t, 'At least 120 people', { min: 120, max: null, attribution: according('a rescue charity') }),
  ]),
  report('r7', 'Three years after the Dorvik massacre, 12 people are still missing and 2,400 families remain displaced.', '2023-02-10', (t) => [
    countAt(t, '12 people', { min: 12, max: 12, measure: 'missing' }),
    countAt(t, '2,400 families', { min: 2400, max: 2400, measure: 'displaced', unit: 'families' }),
  ]),
];

function figures(reports = REPORTS): Figure[] {
  const index = new SourceIndex();
  for (const r of reports) index.add(r.id, r.text);
  const groups = groupSources(index.ids(), index.pairs());
  return buildFigures(assignEvents(reports), { reports, sources: sourceLookup(index.pairs(), groups.groupOf) });
}

function find(fs: Figure[], event: string, measure: string, unit = 'people'): Figure {
  const f = fs.find((x) => x.key.event === event && x.key.measure === measure && x.key.unit === unit);
  assert.ok(f, `${event} ${measure}`);
  return f;
}

test('figures are ordered by event, then measure, each keyed by event, measure, group and unit', () => {
  const keys = figures().map((f) => `${f.eventLabel}: ${f.key.measure}/${f.key.group}/${f.key.unit}`);
  assert.deepEqual(keys, [
    'Dorvik massacre: killed/all/people',
    'Dorvik massacre: injured/all/people',
    'Dorvik massacre: captured/all/people',
    'Dorvik massacre: missing/all/people',
    'Dorvik massacre: displaced/all/families',
    'Kessa earthquake: killed/all/people',
  ]);
});

test('killed: values ranked by independent support, the copied sentence counted once, "hundreds" compatible with 412', () => {
  const f = find(figures(), 'dorvik', 'killed');
  assert.deepEqual(f.values.map((v) => v.phrase), [
    '412 killed, according to official data and without attribution (3 reports, 2 independent)',
    'hundreds killed, according to villagers and without attribution (2 reports, 2 independent)',
    '900 killed, according to unofficial data (1 report, 1 independent)',
  ]);
  assert.deepEqual(f.values[0]!.compatibleWith, [1]);
  assert.deepEqual(f.values[1]!.compatibleWith, [0, 2]);
  assert.deepEqual(f.verdict, {
    status: 'diverging',
    kind: 'attribution',
    reason: 'official and unofficial figures differ: 2 independent sources in 3 reports give 412 (official data); 1 gives 900 (unofficial data)',
    pairs: [[0, 2]],
  });
});

test('injured: an official figure against "more than 500" from unofficial data diverges by attribution', () => {
  const f = find(figures(), 'dorvik', 'injured');
  assert.deepEqual(f.values.map((v) => v.label), ['230', 'more than 500']);
  assert.equal(f.verdict.status === 'diverging' && f.verdict.kind, 'attribution');
});

test('captured: one value in two reports that share the sentence is consistent, with one independent source', () => {
  const f = find(figures(), 'dorvik', 'captured');
  assert.equal(f.values.length, 1);
  assert.equal(f.values[0]!.phrase, '75 captured, without attribution (2 reports, 1 independent)');
  assert.deepEqual(f.verdict, { status: 'consistent', reason: 'every count gives 75 (1 independent source in 2 reports)' });
});

test('missing: a figure that later reports replace diverges by time, naming the publication dates', () => {
  const f = find(figures(), 'dorvik', 'missing');
  assert.deepEqual(f.verdict, {
    status: 'diverging',
    kind: 'time',
    reason: 'the figure changed over time: 40 in a report published 2020-02-11, then 12 in a report published 2023-02-10',
    pairs: [[0, 1]],
  });
});

test('displaced families: "more than 300" then 2,400 overlap but changed, so the verdict is time', () => {
  const f = find(figures(), 'dorvik', 'displaced', 'families');
  assert.equal(f.values[0]!.phrase, 'more than 300 families displaced, without attribution (1 report, 1 independent)');
  assert.ok(f.verdict.status === 'diverging' && f.verdict.kind === 'time');
  assert.match(f.verdict.reason, /\(the ranges overlap\)/);
});

test('two independent sources with incompatible values at the same time diverge source against source', () => {
  const f = find(figures(), 'kessa', 'killed');
  assert.deepEqual(f.verdict, {
    status: 'diverging',
    kind: 'source',
    reason: 'sources disagree: 1 independent source gives 80 (the regional health office); 1 gives at least 120 (a rescue charity)',
    pairs: [[0, 1]],
  });
});

test('compatible values without a change over time are consistent', () => {
  const reports = [
    report('a', 'The Dorvik massacre left hundreds dead.', '2020-01-01', (t) => [countAt(t, 'hundreds', { min: 200, max: 999 })]),
    report('b', 'In the Dorvik massacre 412 died.', '2020-01-01', (t) => [countAt(t, '412', { min: 412, max: 412 })]),
  ];
  assert.deepEqual(figures(reports)[0]!.verdict, { status: 'consistent', reason: 'the values overlap: 1 independent source gives hundreds (no attribution); 1 gives 412 (no attribution)' });
});

test('official and unofficial come from the attribution\'s kind, its words, or the sentence', () => {
  const base = countAt('x 5 y', '5', { min: 5, max: 5 });
  assert.equal(dataKind({ ...base, attribution: { text: 'per the ministry', source: 'the ministry', kind: 'official' } }), 'official');
  assert.equal(dataKind({ ...base, attribution: according('unofficial estimates') }), 'unofficial');
  assert.equal(dataKind({ ...base, attribution: according('officials') }), 'none');
  assert.equal(dataKind(base, 'Unofficial figures put it at 5.'), 'unofficial');
  assert.equal(dataKind(base, 'Official data say 5, unofficial data say 9.'), 'none');
});

test('a verdict spells out the five best-supported values it compares and counts the rest, keeping every pair', () => {
  const tolls = [11, 22, 33, 44, 55, 66, 77];
  const reports = tolls.map((n, i) => report(`t${i}`, `Mourners gathered after the Vorsk shooting. Witnesses said ${n} people were killed.`, '2021-05-02', (t) => [
    countAt(t, `${n} people`, { min: n, max: n }),
  ]));
  const f = find(figures(reports), 'vorsk', 'killed');
  assert.ok(f.verdict.status === 'diverging');
  assert.equal(f.verdict.pairs.length, 21);
  assert.equal(f.verdict.reason.split(' gives ').length - 1, 5);
  assert.match(f.verdict.reason, /^sources disagree: 1 independent source gives 11 \(no attribution\); 1 gives 22 \(no attribution\); .*; and 2 more values$/);
});

// Reports in our own words, extracted as ingest would: what each count counts decides its figure.
const COUNTED: ReportInput[] = [
  report('q1', 'In the Vessa raid, 14 children lost both parents, and 57 children lost one parent. The raid injured 96 people. Our staff treated 31 of the injured.', '2021-05-02', (t) => extract(t).counts),
  report('q2', 'The Vessa raid injured 96 people and seriously injured 20 others, doctors said.', '2021-05-02', (t) => extract(t).counts),
];

test('counts of different qualifiers are separate figures, and a subset is a part of its whole, never a rival', () => {
  const fs = figures(COUNTED);
  const named = fs.filter((f) => f.key.measure === 'orphaned' || f.key.measure === 'injured').map((f) => [f.label, f.values.map((v) => v.label), f.verdict.status]);
  assert.deepEqual(named, [
    ['injured', ['96'], 'consistent'],
    ['injured · a subset of the whole', ['31'], 'consistent'],
    ['injured · seriously injured', ['20'], 'consistent'],
    ['orphaned · children · lost both parents', ['14'], 'consistent'],
    ['orphaned · children · lost one parent', ['57'], 'consistent'],
  ]);
  const part = fs.find((f) => f.key.scope === 'part')!;
  assert.deepEqual(part.partOf, fs.find((f) => f.label === 'injured')!.key);
  assert.match(part.values[0]!.phrase, /^31 injured \(a subset of the whole\), without attribution/);
});

test('a figure of no qualifier keeps the key string it always had', () => {
  const key = { event: 'vessa', measure: 'killed' as const, group: 'all', unit: 'people' as const };
  assert.equal(figureKeyString(key), 'vessa\u0000killed\u0000all\u0000people');
  assert.notEqual(figureKeyString({ ...key, qualifier: 'identified' }), figureKeyString(key));
});

/** The killed figure of reports written in our own words, extracted as ingest would. */
function killedOf(...reports: Array<[id: string, text: string, published: string]>): Figure {
  return find(figures(reports.map(([id, text, published]) => report(id, text, published, (t) => extract(t).counts))), 'tarn', 'killed');
}

test('a revision the report states orders its values in time, whatever the publication dates', () => {
  const f = killedOf(['r1', 'After the Tarn landslide the toll rose from 300 to 412 overnight.', '2022-04-02']);
  assert.equal(f.verdict.status === 'diverging' && f.verdict.kind, 'time');
  assert.deepEqual(f.verdict.status === 'diverging' && f.verdict.pairs.map(([a, b]) => [f.values[a]!.label, f.values[b]!.label]), [['300', '412']]);
  assert.match(f.verdict.reason, /^the figure changed over time: 300 in a report published 2022-04-02, then 412 in a report published 2022-04-02$/);
  const corrected = killedOf(['r1', 'After the Tarn landslide officials corrected the toll from 3,214 to 2,314.', '2022-04-02']);
  assert.deepEqual(corrected.verdict.status === 'diverging' && corrected.verdict.pairs.map(([a, b]) => [corrected.values[a]!.label, corrected.values[b]!.label]), [['3,214', '2,314']]);
});

test('a toll said to have risen comes after the values of reports not published later', () => {
  const f = killedOf(
    ['r1', 'The Tarn landslide killed 45 people, rescuers said.', '2022-04-02'],
    ['r2', 'By Monday the toll of the Tarn landslide had risen to 61.', '2022-04-03'],
  );
  assert.equal(f.verdict.status === 'diverging' && f.verdict.kind, 'time', f.verdict.reason);
  assert.match(f.verdict.reason, /45 in a report published 2022-04-02, then 61 in a report published 2022-04-03/);
});

test('a higher toll a week later is its later state; a day later, or lower, it is another source', () => {
  const week = killedOf(['r1', 'The Tarn landslide killed 45 people, rescuers said.', '2022-04-02'], ['r2', 'The Tarn landslide killed 61 people, the council said.', '2022-04-10']);
  assert.equal(week.verdict.status === 'diverging' && week.verdict.kind, 'time', week.verdict.reason);
  const day = killedOf(['r1', 'The Tarn landslide killed 45 people, rescuers said.', '2022-04-02'], ['r2', 'The Tarn landslide killed 61 people, the council said.', '2022-04-03']);
  assert.equal(day.verdict.status === 'diverging' && day.verdict.kind, 'source', day.verdict.reason);
  const lower = killedOf(['r1', 'The Tarn landslide killed 61 people, rescuers said.', '2022-04-02'], ['r2', 'The Tarn landslide killed 45 people, the council said.', '2022-04-10']);
  assert.equal(lower.verdict.status === 'diverging' && lower.verdict.kind, 'source', lower.verdict.reason);
});

test('tolls stated "as of" different days are one figure changing over time, even in reports of one day', () => {
  const reports = [
    report('r1', 'As of 15 June, the Tarn landslide had killed 40 people, rescuers said.', '2022-06-20', (t) => extract(t, { published: '2022-06-20' }).counts),
    report('r2', 'The Tarn landslide toll stood at 61 dead as of 18 June, the council said.', '2022-06-20', (t) => extract(t, { published: '2022-06-20' }).counts),
  ].map((r) => ({ ...r, dates: extract(r.text, { published: '2022-06-20' }).dates }));
  const f = find(figures(reports), 'tarn', 'killed');
  assert.equal(f.verdict.status === 'diverging' && f.verdict.kind, 'time', f.verdict.reason);
  assert.match(f.verdict.reason, /40 as of 2022-06-15 in a report published 2022-06-20, then 61 as of 2022-06-18 in a report published 2022-06-20/);
});
