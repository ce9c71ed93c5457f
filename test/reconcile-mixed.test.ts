/** A mixed archive: eight incidents of different kinds, each report's counts in its own incident. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
import { loadRecord } from '../src/pipeline/run/record-rows.js';
import type { ReconcileRecord } from '../src/pipeline/run/record.js';

const dir = join(import.meta.dirname, 'fixtures', 'reconcile', 'mixed');
interface Expected {
  documents: number;
  incidents: Array<{ label: string; reports: string[] }>;
}
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

let record: ReconcileRecord;
let names: Map<string, string>;
before(async () => {
  const store = await openSqliteStore(':memory:');
  await ingestPaths(store, [dir], { workers: 0, maxSize: 50 << 20 });
  await reconcile(store);
  record = (await loadRecord(store))!;
  names = new Map((await store.listDocuments({ limit: 100 })).items.map((d) => [d.id, d.name]));
  await store.close();
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
