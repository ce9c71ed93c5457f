/** Ingest → reconcile → review on PostgreSQL gives the record SQLite gives, with the pipeline's own functions. Skipped without CROSSCHECK_TEST_PG. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestPaths } from '../../pipeline/run/ingest.js';
import { loadRecord } from '../../pipeline/run/record-rows.js';
import { reconcileReviewed } from '../../review/reconcile.js';
import { openSqliteStore } from '../sqlite/index.js';
import type { Store } from '../store.js';
import { SKIP_PG, TestDatabase } from './test-db.case.js';
import { rowsSnapshot } from '../../pipeline/run/rows-snapshot.case.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');

/** Invented reports about one invented event, with figures that agree, disagree and are attributed. */
const INVENTED: Array<[string, string]> = [
  ['orvel-1.txt', 'Orvel bridge collapse\n\nOn 4 April 2022 the Orvel bridge collapsed during the morning rush. According to the county coroner, 23 people were killed and 61 injured. Rescue teams searched the river until dusk.'],
  ['orvel-2.txt', 'Orvel: toll rises\n\nThe county coroner said on 5 April 2022 that 27 people were killed in the Orvel bridge collapse. Volunteers said at least 30 were missing.'],
  ['orvel-3.md', '# Orvel bridge\n\nLocal radio reported that dozens were killed when the Orvel bridge fell on 4 April 2022. Officials put the number of injured at 61.'],
];

/** Two ingests, a review and a new version of a report, reconciled after each, as the CLI does. */
async function run(store: Store, first: string, second: string): Promise<{ figures: unknown; rows: unknown }> {
  await ingestPaths(store, [first], { workers: 0, maxSize: 1 << 20 });
  await reconcileReviewed(store);
  const doc = (await store.listDocuments({ limit: 50 })).items.find((d) => d.counts > 1)!;
  const count = (await store.getExtraction(doc.id))!.counts[0]!;
  await store.addReview({ documentId: doc.id, kind: 'count', span: count.span, item: count.measure, action: 'correct', corrected: { min: count.min === null ? null : count.min + 1, max: count.max === null ? null : count.max + 1 }, reason: 'checked', reviewer: 'tester' });
  await reconcileReviewed(store);
  await ingestPaths(store, [second], { workers: 0, maxSize: 1 << 20 });
  await reconcileReviewed(store);
  const record = (await loadRecord(store))!;
  return { figures: record.figures, rows: await rowsSnapshot(store) };
}

if (SKIP_PG) it('gives the same reconciled record on PostgreSQL as on SQLite', { skip: SKIP_PG }, () => {});
else describe('PostgreSQL pipeline', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-pg-pipeline-'));
  before(async () => { db = await TestDatabase.create('pipeline'); });
  after(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same reconciled figures and rows on PostgreSQL as on SQLite, through ingest, review, a new version and reconcile', async () => {
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    // First batch: the examples and two invented reports; second: the third, and a changed first one (a new version).
    mkdirSync(first, { recursive: true });
    mkdirSync(second, { recursive: true });
    for (const f of readdirSync(examples)) copyFileSync(join(examples, f), join(first, f));
    for (const [name, text] of INVENTED.slice(0, 2)) writeFileSync(join(first, name), text);
    writeFileSync(join(second, INVENTED[2]![0]), INVENTED[2]![1]);
    writeFileSync(join(second, INVENTED[0]![0]), `${INVENTED[0]![1]} A later update said 25 people were killed.`);

    const sqlite = await openSqliteStore(join(dir, 'same.db'));
    const pg = await db.newStore();
    try {
      const a = await run(sqlite, first, second);
      const b = await run(pg, first, second);
      assert.ok(Array.isArray(a.figures) && a.figures.length > 5, 'the record has figures to compare');
      assert.deepEqual(b.figures, a.figures);
      assert.deepEqual(b.rows, a.rows);
      assert.deepEqual(await pg.currentReviews().then((r) => r.map(({ createdAt: _c, ...x }) => x)), await sqlite.currentReviews().then((r) => r.map(({ createdAt: _c, ...x }) => x)));
    } finally {
      await sqlite.close();
      await pg.close();
    }
  });
});
