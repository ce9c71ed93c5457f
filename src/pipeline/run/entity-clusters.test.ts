import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clusterNames } from '../3-reconcile/index.js';
import { mulberry32 } from '../3-reconcile/sources/hash.js';
import { openSqliteStore } from '../../storage/sqlite/index.js';
import type { Store } from '../../storage/store.js';
import { Tallies, type TallyInput } from './tallies.js';
import { clusterRows, patchClusters } from './entity-clusters.js';
import { SETS } from './record.js';

// Spellings that join by fold, by typo (a chain: Kesrin, Kessrin, Kessrinn), by an exonym row across first letters, and whitespace variants of one spelling.
const NAMES = ['Dorvik', 'DORVIK', 'Dörvik', 'Kesrin', 'Kessrin', 'Kessrinn', 'Oldtown', 'Vetrograd', 'Vetrogradd', 'Ardel Valley', 'Ardel  Valley', 'Ardel Valey', 'Ulm', 'Mara Lind', 'Marra Lind'];
const EXONYMS = [['Oldtown', 'Vetrograd']];

// Names come into use one by one as reports go on, so that later ones join earlier clusters.
function corpus(seed: number, n: number): TallyInput[] {
  const next = mulberry32(seed);
  const out: TallyInput[] = [];
  for (let r = 0; r < n; r++) {
    const names = NAMES.slice(0, 1 + Math.floor((NAMES.length * r) / n));
    const entities = Array.from({ length: next() % 4 }, (_, i) => {
      const text = names[next() % names.length]!;
      return { text, kind: 'place' as const, span: { start: i * 20, end: i * 20 + text.length }, sentence: { start: 0, end: 80 } };
    });
    out.push({ id: `r${r}`, order: r + 1, mentions: [], entities });
  }
  return out;
}

const stored = async (store: Store) => ({ entities: await store.getRows(SETS.entities), names: await store.getRows(SETS.entityNames) });

test('entity clusters brought up to date batch by batch are the rows clustering every spelling gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-entity-clusters-'));
  try {
    let patched = 0;
    for (const [seed, exonyms] of [[1, EXONYMS], [2, undefined], [3, EXONYMS]] as const) {
      const store = await openSqliteStore(join(dir, `s${seed}.db`));
      const all = corpus(seed, 150);
      const ex = exonyms?.map((r) => [...r]);
      const next = mulberry32(seed * 11);
      let at = 0;
      while (at < all.length) {
        const batch = all.slice(at, at + 1 + (next() % 10));
        const t = at === 0 ? Tallies.empty() : await Tallies.stored(store, batch);
        for (const r of batch) t.add(r);
        at += batch.length;
        const want = clusterRows(clusterNames(t.entityNames(), { exonyms: ex }));
        const changes = [];
        if (at === batch.length) changes.push({ set: SETS.entities, clear: 'all' as const, rows: want.entities }, { set: SETS.entityNames, clear: 'all' as const, rows: want.names });
        else {
          const got = await patchClusters(store, t, ex);
          assert.ok(got, `seed ${seed}: not brought up to date at ${at}`);
          changes.push(...got.changes);
          patched++;
        }
        // As a build does: the first mentions are topped up before the tallies are written.
        const firsts = await t.entityMentionRows(store, new Map());
        await store.putRows([...changes, ...t.changes(), firsts]);
        const rows = await stored(store);
        assert.deepEqual(rows.entities.map((r) => [r.key, r.ord, r.data]), want.entities.map((r) => [r.key, r.ord, r.data]), `seed ${seed}: clusters at ${at}`);
        assert.deepEqual(rows.names.map((r) => [r.key, r.group]).sort(), want.names.map((r) => [r.key, r.group]).sort(), `seed ${seed}: spellings at ${at}`);
      }
      await store.close();
    }
    assert.ok(patched > 30);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
