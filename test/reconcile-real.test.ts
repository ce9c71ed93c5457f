/** Incidents on the real-report development set: ten events, one of them reported three times. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
import { loadRecord } from '../src/pipeline/run/record-rows.js';

const docs = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'real-reports', 'docs');
const skip = existsSync(docs) ? false : 'the development set ../shared/corpora/real-reports is absent (as in a user\'s own clone)';

// What each report is about, by its file name's event word (the set's README table).
const eventOf = (name: string) => name.split('_')[1]!.split('-')[0]!;

test('real reports on ten events: the three reports of one massacre share one incident, every other report has its own, no figure spans two', { skip }, async () => {
  const store = await openSqliteStore(':memory:');
  await ingestPaths(store, [docs], { workers: 0, maxSize: 50 << 20 });
  await reconcile(store);
  const r = (await loadRecord(store))!;
  const names = new Map((await store.listDocuments({ limit: 100 })).items.map((d) => [d.id, d.name]));
  await store.close();
  const incidentsOf = new Map<string, Set<string>>();
  for (const f of r.figures) {
    const events = new Set<string>();
    for (const v of f.values) for (const c of v.counts) events.add(eventOf(names.get(c.doc)!));
    assert.equal(events.size, 1, `${f.eventLabel} ${f.key.measure}/${f.key.group} mixes ${[...events].join(', ')}`);
    const [event] = events;
    (incidentsOf.get(event!) ?? incidentsOf.set(event!, new Set()).get(event!)!).add(f.key.event);
  }
  assert.equal(incidentsOf.size, 10, 'every event has figures');
  for (const [event, incidents] of incidentsOf) assert.equal(incidents.size, 1, `${event} is one incident, not ${[...incidents].join(', ')}`);
  const keys = [...incidentsOf.values()].map((s) => [...s][0]);
  assert.equal(new Set(keys).size, 10, 'no two events share an incident');
  assert.ok(!r.figures.some((f) => f.key.event === '(unassigned)'), 'every count is placed');
});
