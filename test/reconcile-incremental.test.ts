import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { ingestPaths } from '../src/pipeline/run/ingest.js';
import { reconcile } from '../src/pipeline/run/reconcile.js';
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
