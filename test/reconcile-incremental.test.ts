import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile, SOURCE_INDEX_KEY, SOURCE_PAIRS_KEY } from '../src/pipeline/run/reconcile.js';
import { tempDir } from './helpers/cli.js';

const examples = join(import.meta.dirname, '..', 'examples');

test('a reprint ingested later is matched against the stored index of earlier reports', async () => {
  const first = tempDir('cc-inc-a-');
  const later = tempDir('cc-inc-b-');
  for (const f of ['01-wire-story.txt', '03-monitor-update.md', '04-briefing.html']) copyFileSync(join(examples, f), join(first, f));
  mkdirSync(later, { recursive: true });
  copyFileSync(join(examples, '02-reprint.txt'), join(later, '02-reprint.txt'));
  const db = join(tempDir(), 'inc.db');
  let store = await openSqliteStore(db);
  await ingestPaths(store, [first], { workers: 0, maxSize: 1 << 20 });
  const before = await reconcile(store);
  assert.equal(before.documents, 3);
  await store.close();

  // A new process: the index comes back from the store, not from memory.
  store = await openSqliteStore(db);
  const same = await reconcile(store);
  assert.deepEqual(same.figures, before.figures, 'nothing new, nothing changed');
  await ingestPaths(store, [later], { workers: 0, maxSize: 1 << 20 });
  const after = await reconcile(store);
  await store.close();
  assert.equal(after.documents, 4);
  assert.equal(after.sources.pairs.length, before.sources.pairs.length + 1, 'the reprint shares passages with the wire story');
  const pair = after.sources.pairs[after.sources.pairs.length - 1]!;
  assert.ok(pair.passages.length > 0 && pair.passages.every((p) => p.words >= 12));
});

test('with nothing new only the stored pairs are read; an index stored before its buckets and pairs were kept apart still restores', async () => {
  const first = tempDir('cc-inc-c-');
  const later = tempDir('cc-inc-d-');
  for (const f of ['01-wire-story.txt', '03-monitor-update.md', '04-briefing.html']) copyFileSync(join(examples, f), join(first, f));
  mkdirSync(later, { recursive: true });
  copyFileSync(join(examples, '02-reprint.txt'), join(later, '02-reprint.txt'));
  const store = await openSqliteStore(join(tempDir(), 'inc.db'));
  try {
    await ingestPaths(store, [first], { workers: 0, maxSize: 1 << 20 });
    const before = await reconcile(store);
    const index = await store.getRecord<Record<string, unknown>>(SOURCE_INDEX_KEY);
    const known = await store.getRecord<{ pairs: unknown[] }>(SOURCE_PAIRS_KEY);
    assert.ok(index && known);
    // Without the index, a run with nothing new still has its pairs.
    await store.putRecords({ [SOURCE_INDEX_KEY]: null });
    assert.deepEqual((await reconcile(store)).sources, before.sources);
    // The older layout: pairs inside the index record, no buckets.
    const { buckets: _b, ...older } = index;
    await store.putRecords({ [SOURCE_INDEX_KEY]: { ...older, pairs: known.pairs }, [SOURCE_PAIRS_KEY]: null });
    await ingestPaths(store, [later], { workers: 0, maxSize: 1 << 20 });
    const after = await reconcile(store);
    assert.equal(after.sources.pairs.length, before.sources.pairs.length + 1);
    assert.ok(await store.getRecord(SOURCE_PAIRS_KEY), 'written in the new layout once something was added');
  } finally {
    await store.close();
  }
});
