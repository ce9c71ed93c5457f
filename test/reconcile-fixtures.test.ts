import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
import { loadRecord } from '../src/pipeline/run/record-rows.js';
import type { ReconcileRecord } from '../src/pipeline/run/record.js';
import type { CheckKind, DivergenceKind, Figure } from '../src/pipeline/3-reconcile/types.js';

// Eleven hand-written reports about three fictional events; expected.json says what reconciling them shows.
const dir = join(import.meta.dirname, 'fixtures', 'reconcile');

interface ExpectedValue {
  label: string;
  min: number | null;
  max: number | null;
  reports: number;
  independent: number;
  kinds?: string[];
  compatibleWith?: string[];
}
interface ExpectedFigure {
  event: string;
  measure: string;
  group: string;
  unit: string;
  verdict: { status: 'consistent' | 'diverging'; kind?: DivergenceKind };
  values: ExpectedValue[];
}
interface ExpectedCheck {
  kind: CheckKind;
  status: 'problem' | 'agrees';
  event: string;
  reports: string[];
  quotes: string[];
}
interface Expected {
  documents: number;
  events: Array<{ label: string; reports: string[] }>;
  sources: { sharing: string[][]; groups: string[][] };
  entities: Array<{ canonical: string; aliases: string[] }>;
  published: Record<string, string>;
  figures: ExpectedFigure[];
  checks: ExpectedCheck[];
}

const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

const VERDICT_KINDS: DivergenceKind[] = ['attribution', 'time', 'source'];
const CHECK_KINDS: CheckKind[] = ['subgroup-exceeds-total', 'subgroups-exceed-total', 'joint-vs-parts', 'contradiction'];
// Measures that are not casualty figures; the reports' stray "two men" and "a dozen of them" land there.
const UNLISTED = new Set(['other', 'population']);

let record: ReconcileRecord;
/** Document id → file name, and file name → text and publication date. */
const nameOf = new Map<string, string>();
const textOf = new Map<string, string>();
const publishedOf = new Map<string, string | undefined>();

before(async () => {
  const store = await openSqliteStore(':memory:');
  try {
    // The folder's own reports; the mixed archive beside them (mixed/) is a test of its own.
    const files = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'expected.json').map((e) => join(dir, e.name));
    await ingestPaths(store, files, { workers: 0, maxSize: 1 << 20 });
    await reconcile(store);
    record = (await loadRecord(store))!;
    for await (const x of store.allExtractions()) {
      nameOf.set(x.id, x.name);
      textOf.set(x.name, x.text);
      publishedOf.set(x.name, x.meta.published);
    }
  } finally {
    await store.close();
  }
});

const names = (docs: Iterable<string>) => [...new Set([...docs].map((d) => nameOf.get(d) ?? d))].sort();
const eventKey = (label: string) => record.events.find((e) => e.label.includes(label))?.key;
const title = (f: { event: string; measure: string; group: string; unit: string }) => `${f.event} ${f.measure}/${f.group}/${f.unit}`;

function figureFor(e: ExpectedFigure): Figure | undefined {
  const key = eventKey(e.event);
  return record.figures.find((f) => f.key.event === key && f.key.measure === e.measure && f.key.group === e.group && f.key.unit === e.unit);
}

test('reads the eleven reports as three events, each report under the event it names', () => {
  assert.equal(record.documents, expected.documents);
  assert.equal(record.events.length, expected.events.length, record.events.map((e) => e.label).join(' | '));
  for (const e of expected.events) {
    const key = eventKey(e.label);
    assert.ok(key, `no event labelled like "${e.label}"`);
    const docs = names(record.figures.filter((f) => f.key.event === key).flatMap((f) => f.values.flatMap((v) => v.reports)));
    assert.deepEqual(docs, [...e.reports].sort(), `reports of the ${e.label} event`);
  }
});

test('joins the two spellings of a village into one place and one event', () => {
  for (const e of expected.entities) {
    const cluster = record.entities.find((c) => c.canonical === e.canonical);
    assert.ok(cluster, `no entity "${e.canonical}"`);
    assert.deepEqual(cluster.aliases, e.aliases);
  }
  // a3 spells it "Orvale" throughout and still counts for the Orvalle massacre (checked above).
  assert.match(textOf.get('a3-monitor.txt')!, /the Orvale massacre/);
  assert.doesNotMatch(textOf.get('a3-monitor.txt')!, /Orvalle/);
});

test('takes each report\'s publication date from its "Published:" line or its sidecar', () => {
  for (const [name, value] of Object.entries(expected.published)) assert.equal(publishedOf.get(name), value, name);
});

test('finds the wire story and its reprint sharing passages, without merging them into one source group', () => {
  const sharing = record.sources.pairs.map((p) => names([p.a, p.b]));
  assert.deepEqual(sharing, expected.sources.sharing);
  assert.ok(record.sources.pairs.every((p) => p.passages.length > 0));
  const groups = record.sources.groups.filter((g) => g.length > 1).map((g) => names(g));
  assert.deepEqual(groups, expected.sources.groups);
});

test('counts the wire story and its reprint once for the figures in the sentences they share', () => {
  const killed = figureFor(expected.figures[0]!)!;
  const v212 = killed.values.find((v) => v.min === 212 && v.max === 212)!;
  assert.deepEqual(names(v212.reports), ['a1-wire.txt', 'a2-reprint.txt', 'a4-anniversary.txt']);
  assert.ok(v212.independent < v212.reports.length, 'a1 and a2 are one source for 212');
  const shared = record.figures.flatMap((f) => f.values).filter((v) => names(v.reports).join() === 'a1-wire.txt,a2-reprint.txt');
  assert.ok(shared.length >= 4, 'the joint figure, its parts and the displaced all come from the copied sentences');
  for (const v of shared) assert.equal(v.independent, 1, `${v.label} is one source`);
});

test('gives every expected figure its values, support and verdict, and no casualty figure besides', () => {
  for (const e of expected.figures) {
    const f = figureFor(e);
    assert.ok(f, `no figure ${title(e)}`);
    const got = f.values.map((v) => ({
      label: v.label, min: v.min, max: v.max, reports: v.reports.length, independent: v.independent,
      ...(e.values.find((x) => x.label === v.label)?.kinds ? { kinds: v.kinds } : {}),
      ...(e.values.find((x) => x.label === v.label)?.compatibleWith ? { compatibleWith: v.compatibleWith.map((i) => f.values[i]!.label).sort() } : {}),
    }));
    const want = e.values.map((v) => (v.compatibleWith ? { ...v, compatibleWith: [...v.compatibleWith].sort() } : v));
    assert.deepEqual(got, want, title(e));
    assert.equal(f.verdict.status, e.verdict.status, `${title(e)}: ${f.verdict.reason}`);
    if (f.verdict.status === 'diverging') assert.equal(f.verdict.kind, e.verdict.kind, `${title(e)}: ${f.verdict.reason}`);
    assert.ok(f.verdict.reason.length > 0, 'every verdict says why');
  }
  const listed = new Set(expected.figures.map((e) => `${eventKey(e.event)} ${e.measure}/${e.group}/${e.unit}`));
  const casualty = record.figures.filter((f) => !UNLISTED.has(f.key.measure)).map((f) => `${f.key.event} ${f.key.measure}/${f.key.group}/${f.key.unit}`);
  assert.deepEqual(casualty.filter((k) => !listed.has(k)), [], 'casualty figures expected.json does not list');
});

test('names the official and the unofficial side in the attribution verdict, and the dates in the time verdict', () => {
  const [orvalle] = expected.figures;
  const attribution = figureFor(orvalle!)!.verdict;
  assert.match(attribution.reason, /2 independent sources in 3 reports give 212 \(official data[;)].*; 2 give more than 400 \(unofficial data[;)]/);
  const pellarin = figureFor(expected.figures.find((e) => e.event === 'Pellarin' && e.verdict.kind === 'time')!)!.verdict;
  assert.match(pellarin.reason, /31 in 2 reports published 2019-05-05 to 2019-05-06, then 46 in a report published 2019-11-18/);
});

test('finds exactly the expected consistency checks, each pointing at the words it compares', () => {
  const got = record.checks.map((c) => ({
    kind: c.kind, status: c.status, event: record.events.find((e) => e.key === c.event)?.label ?? c.event,
    reports: names(c.spans.map((s) => s.doc)),
    quotes: c.spans.map((s) => textOf.get(nameOf.get(s.doc)!)!.slice(s.span.start, s.span.end)).sort(),
  }));
  const want = expected.checks.map((c) => ({ ...c, quotes: [...c.quotes].sort() }));
  const key = (c: { kind: string; reports: string[]; quotes: string[] }) => `${c.kind} ${c.reports.join()} ${c.quotes.join('|')}`;
  assert.equal(got.length, want.length, got.map(key).join('\n'));
  for (const w of want) {
    const g = got.find((x) => key(x) === key(w));
    assert.ok(g, `missing check ${key(w)}; got:\n${got.map(key).join('\n')}`);
    assert.equal(g.status, w.status, key(w));
    assert.ok(g.event.includes(w.event), `${key(w)} is about ${g.event}`);
  }
  assert.ok(record.checks.every((c) => c.reason.length > 0 && c.spans.length >= 2));
});

test('exercises every verdict kind and every check kind at least once, so the fixtures cannot pass vacuously', () => {
  const verdicts = new Set(record.figures.map((f) => (f.verdict.status === 'diverging' ? f.verdict.kind : 'consistent')));
  for (const k of ['consistent', ...VERDICT_KINDS]) assert.ok(verdicts.has(k as DivergenceKind), `no ${k} verdict`);
  const checks = new Set(record.checks.map((c) => `${c.kind}:${c.status}`));
  for (const k of CHECK_KINDS) assert.ok([...checks].some((c) => c.startsWith(`${k}:`)), `no ${k} check`);
  assert.ok(checks.has('joint-vs-parts:agrees') && checks.has('joint-vs-parts:problem'), 'a joint figure that fits its parts and one that does not');
  for (const k of ['consistent', ...VERDICT_KINDS]) {
    assert.ok(expected.figures.some((e) => (e.verdict.kind ?? e.verdict.status) === k), `expected.json names no ${k} verdict`);
  }
  for (const k of CHECK_KINDS) assert.ok(expected.checks.some((c) => c.kind === k), `expected.json names no ${k} check`);
});

test('ranks each figure\'s values by independent support, then reports, never by the number or who states it', () => {
  for (const f of record.figures) {
    for (let i = 1; i < f.values.length; i++) {
      const [a, b] = [f.values[i - 1]!, f.values[i]!];
      const order = b.independent - a.independent || b.reports.length - a.reports.length || b.counts.length - a.counts.length;
      assert.ok(order <= 0, `${f.eventLabel} ${f.key.measure}/${f.key.group}: ${a.label} (${a.independent}) before ${b.label} (${b.independent})`);
    }
  }
  // Neither the larger, the later, the official nor the unofficial number is promoted:
  const first = (event: string, measure: string, group = 'all') => figureFor({ event, measure, group, unit: 'people', verdict: { status: 'consistent' }, values: [] })!.values[0]!.label;
  assert.equal(first('Pellarin', 'killed'), '31', "the inquiry's later 46 is not promoted over two early reports");
  assert.equal(first('Kavenna', 'killed'), '1,130', 'two independent reports outrank the governor');
  assert.equal(first('Kavenna', 'killed', 'women'), '300', 'a tie keeps the order of first appearance, smaller first here');
  assert.equal(first('Pellarin', 'injured'), '74', 'a tie keeps the order of first appearance, larger first here');
});
