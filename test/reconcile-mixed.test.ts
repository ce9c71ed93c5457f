/** A mixed archive: eight incidents of different kinds, each report's counts in its own incident. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
import { loadRecord } from '../src/pipeline/run/record-rows.js';
import type { ReconcileRecord } from '../src/pipeline/run/record.js';
import { isShown } from '../src/pipeline/3-reconcile/figures/figures.js';

const dir = join(import.meta.dirname, 'fixtures', 'reconcile', 'mixed');
interface Expected {
  documents: number;
  incidents: Array<{ label: string; reports: string[]; when?: string }>;
  figures: Array<{ incident: string; label: string; verdict: { status: string; kind?: string }; values: Array<[number, number | null, number, number]> }>;
}
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

/** The archive reconciled from `folder`, with each report id's file name. */
async function reconciled(folder: string): Promise<{ record: ReconcileRecord; names: Map<string, string> }> {
  const store = await openSqliteStore(':memory:');
  await ingestPaths(store, [folder], { workers: 0, maxSize: 50 << 20 });
  await reconcile(store);
  const out = { record: (await loadRecord(store))!, names: new Map((await store.listDocuments({ limit: 100 })).items.map((d) => [d.id, d.name])) };
  await store.close();
  return out;
}

let record: ReconcileRecord;
let names: Map<string, string>;
before(async () => {
  ({ record, names } = await reconciled(dir));
});

test('every report of the mixed archive is read', () => {
  assert.equal(record.documents, expected.documents);
});

test('each expected incident holds exactly its reports\' counts, under its name, and no two incidents are one', () => {
  const incidentOfReport = new Map<string, Set<string>>();
  const labelOf = new Map<string, string>();
  for (const f of record.figures) {
    labelOf.set(f.key.event, f.eventLabel);
    for (const v of f.values) for (const c of v.counts) {
      const name = names.get(c.doc)!;
      (incidentOfReport.get(name) ?? incidentOfReport.set(name, new Set()).get(name)!).add(f.key.event);
    }
  }
  const seen = new Set<string>();
  for (const incident of expected.incidents) {
    const keys = new Set(incident.reports.flatMap((r) => [...(incidentOfReport.get(r) ?? [])]));
    assert.equal(keys.size, 1, `${incident.label}: its reports' counts are in ${[...keys].map((k) => labelOf.get(k)).join(' | ')}`);
    const [key] = keys;
    assert.ok(labelOf.get(key!)!.includes(incident.label), `${incident.label} is named "${labelOf.get(key!)}"`);
    assert.ok(!seen.has(key!), `${incident.label} shares its incident with another`);
    seen.add(key!);
  }
  assert.equal(seen.size, expected.incidents.length);
});

test('every count gives its incident\'s reason in words: the sentence, its paragraph, or the report\'s main incident', () => {
  for (const f of record.figures) for (const v of f.values) for (const c of v.counts) {
    assert.match((c as { eventReason?: string }).eventReason ?? '', /^(the sentence names|named |the report's main incident: )/, `${names.get(c.doc)}: ${c.count.quote}`);
  }
});

// Two fictional parties, names of equal length so that every span is the same in both runs.
const SWAP: Record<string, string> = { Arvenian: 'Belsoran', Belsoran: 'Arvenian' };
const swap = (x: string) => x.replace(/\b(Arvenian|Belsoran)\b/g, (m) => SWAP[m]!);

test('with the two parties\' names swapped in every report, the mixed archive gives the mirror image: the same incidents, values and verdicts, the attributions swapped', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cc-mixed-swap-'));
  try {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) writeFileSync(join(tmp, f), swap(readFileSync(join(dir, f), 'utf8')));
    const swapped = await reconciled(tmp);
    const view = (r: ReconcileRecord, n: Map<string, string>, s: (x: string) => string) => r.figures.map((f) => ({
      incident: f.eventLabel, key: [f.key.measure, f.key.group, f.key.unit], verdict: [f.verdict.status, s(f.verdict.reason)],
      values: f.values.map((v) => [v.min, v.max, v.independent, v.attributions.map(s), v.counts.map((c) => n.get(c.doc))]),
    }));
    assert.ok(record.figures.some((f) => f.values.some((v) => v.attributions.some((a) => /Arvenian|Belsoran/.test(a)))), 'the parties are named in attributions');
    assert.deepEqual(view(swapped.record, swapped.names, swap), view(record, names, (x) => x));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('each incident is dated by what its count sentences say happened, not by when its reports were published', () => {
  for (const incident of expected.incidents.filter((i) => i.when !== undefined)) {
    const event = record.events.find((e) => e.label.includes(incident.label));
    assert.equal((event as { when?: string } | undefined)?.when, incident.when, incident.label);
  }
});

test('every casualty figure of the mixed archive is expected, with its values, support and verdict: a subset, a qualifier pair and a revision included', () => {
  const shown = record.figures.filter((f) => isShown(f));
  const name = (f: { eventLabel: string; label?: string; key: { measure: string } }) => `${f.eventLabel}: ${f.label ?? f.key.measure}`;
  for (const want of expected.figures) {
    const f = shown.find((x) => x.eventLabel.includes(want.incident) && (x.label ?? x.key.measure) === want.label);
    assert.ok(f, `no figure ${want.incident}: ${want.label} among ${shown.map(name).join(' | ')}`);
    assert.deepEqual(f.values.map((v) => [v.min, v.max, v.reports.length, v.independent]), want.values, `${want.incident}: ${want.label}`);
    assert.equal(f.verdict.status, want.verdict.status, `${want.incident}: ${want.label}: ${f.verdict.reason}`);
    if (want.verdict.kind !== undefined) assert.equal(f.verdict.status === 'diverging' && f.verdict.kind, want.verdict.kind, f.verdict.reason);
  }
  assert.equal(shown.length, expected.figures.length, `unexpected figures: ${shown.map(name).join(' | ')}`);
});

test('counts no rule can place are listed as unplaced, with their reason, and never compared with each other', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cc-unplaced-'));
  try {
    writeFileSync(join(tmp, 'a.txt'), 'Floods in Marran kill 40\n\nThe floods in Marran killed 40 people.\n');
    writeFileSync(join(tmp, 'b.txt'), 'Earthquake in Talka\n\nThe earthquake in Talka killed 12 people.\n');
    writeFileSync(join(tmp, 'c.txt'), 'Update\n\nOfficials said 300 people were killed.\n');
    writeFileSync(join(tmp, 'd.txt'), 'Another update\n\nOfficials said 9 people were killed.\n');
    const { record: r } = await reconciled(tmp);
    const unplaced = r.figures.filter((f) => f.key.event === '(unassigned)');
    assert.equal(unplaced.length, 1);
    assert.deepEqual(unplaced[0]!.values.map((v) => v.min), [300, 9]);
    assert.equal(unplaced[0]!.verdict.status, 'unplaced');
    assert.match((unplaced[0]!.values[0]!.counts[0] as { eventReason?: string }).eventReason ?? '', /no event named in or near the sentence/);
    assert.ok(!r.checks.some((c) => c.counts.some((x) => x.doc === unplaced[0]!.values[0]!.counts[0]!.doc) && c.kind === 'contradiction'), 'no contradiction between unplaced counts');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
