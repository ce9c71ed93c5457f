import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { assignContext, clusterNames } from '../3-reconcile/index.js';
import type { EventMention } from '../3-reconcile/index.js';
import { openSqliteStore } from '../../storage/sqlite/index.js';
import { Tallies, FIRST_MENTIONS, type TallyInput } from './tallies.js';

const mention = (name: string, key: string, label: string, extra: Partial<EventMention> = {}): EventMention =>
  ({ name, key, label, tier: 'specific', comparison: false, quote: label, start: 0, end: label.length, ...extra });
const entity = (text: string, at: number, kind: 'place' | 'person' | 'organisation' = 'place') => ({ text, kind, span: { start: at, end: at + text.length }, sentence: { start: 0, end: 80 } });

// Spellings that cluster (a typo and a fold), a name mentioned more than the first-mentions cap, and event mentions whose first label differs.
function reports(): TallyInput[] {
  const out: TallyInput[] = [];
  for (let i = 0; i < 260; i++) {
    const entities = [entity(i % 3 === 0 ? 'Kessrin' : 'Kesrin', 0), entity('Ardel Valley', 20)];
    if (i % 50 === 7) entities.push(entity('Ardel  Valley', 40), entity('Mara Lind', 60, 'person'));
    // Spellings first met late: a typo of a known name, and one of another name new then.
    if (i >= 150 && i % 30 === 0) entities.push(entity('Kessrinn', 80), entity(i >= 200 ? 'Ostvallen' : 'Ostvalen', 100));
    const mentions = i % 40 === 1 ? [mention('Kesrin', 'kesrin', 'attack on Kesrin')] : [mention('Kessrin', 'kessrin', 'Kessrin massacre'), mention('', '1992', '1992 war', { tier: 'broad' })];
    out.push({ id: `r${i}`, order: i + 1, mentions, entities });
  }
  return out;
}

test('the tallies give the entity clusters and the assignment context the whole list of mentions gives', () => {
  const all = reports();
  const t = Tallies.empty();
  for (const r of all) t.add(r);
  const names = all.flatMap((r) => r.entities.map((e) => e.text));
  assert.deepEqual(clusterNames(t.entityNames()), clusterNames(names));
  const whole = assignContext(all.map((r) => r.mentions));
  const tallied = assignContext([t.eventMentions()]);
  assert.deepEqual(tallied.corpus.known, whole.corpus.known);
  assert.deepEqual([...tallied.corpus.canonical], [...whole.corpus.canonical]);
  assert.deepEqual([...tallied.corpus.labels], [...whole.corpus.labels]);
  assert.deepEqual(tallied.corpus.corpusDefault, whole.corpus.corpusDefault);
  assert.deepEqual(tallied.defNames, whole.defNames);
});

test('tallies stored and added to give the rows and first mentions of tallies counted afresh', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-tallies-'));
  const store = await openSqliteStore(join(dir, 't.db'));
  try {
    const all = reports();
    const rowsOf = async () => Object.fromEntries(await Promise.all(['name-tally', 'name-mentions', 'entity-mentions', 'name-links'].map(async (s) => [s, await store.getRows(s)] as const)));
    // Clustered with the typo links the tallies keep, which must give the clusters a search of every name gives.
    const clustersOf = async (t: Tallies) => {
      const clusters = clusterNames(t.entityNames(), { typoLinks: await t.typoLinks(store, 'e') });
      assert.deepEqual(clusters, clusterNames(t.entityNames()));
      await t.typoLinks(store, 'm');
      return clusters;
    };
    const fresh = async (upTo: number) => {
      const t = Tallies.empty();
      for (const r of all.slice(0, upTo)) t.add(r);
      const canonical = new Map((await clustersOf(t)).flatMap((c) => c.names.map((n) => [n.name, c.canonical] as const)));
      const mentions = await t.entityMentionRows(store, canonical);
      await store.putRows([...t.changes(), mentions]);
      return rowsOf();
    };
    const whole = await fresh(all.length);
    await fresh(100);
    // Then the rest in four builds, each adding to the stored tallies; before the third, the typo
    // links are gone, as in an archive stored before they were kept: that build searches every name.
    for (const [from, to] of [[100, 101], [101, 180], [180, 200], [200, all.length]] as const) {
      if (from === 180) await store.putRows([{ set: 'name-links', clear: 'all' }]);
      const t = await Tallies.stored(store);
      for (const r of all.slice(from, to)) t.add(r);
      const canonical = new Map((await clustersOf(t)).flatMap((c) => c.names.map((n) => [n.name, c.canonical] as const)));
      await store.putRows([await t.entityMentionRows(store, canonical), ...t.changes()]);
    }
    assert.deepEqual(await rowsOf(), whole);
    // The links: of entity spellings, Kesrin, Kessrin and Kessrinn, Ostvalen and Ostvallen; of event names, Kesrin and Kessrin; each kind marked as searched.
    assert.deepEqual(whole['name-links']!.map((r) => r.key.split('\u0001').join(' ')), ['e', 'e kesrin kessrin', 'e kesrin kessrinn', 'e kessrin kessrinn', 'e ostvalen ostvallen', 'm', 'm kesrin kessrin']);
    // "Kesrin" (mentioned most) and "Kessrin" are one entity: its first mentions are both spellings', up to the cap.
    assert.equal(whole['entity-mentions']!.some((r) => r.key === 'Kessrin'), false);
    const kessrin = whole['entity-mentions']!.find((r) => r.key === 'Kesrin')!.data as { kind: string; mentions: Array<{ doc: string }> };
    assert.equal(kessrin.mentions.length, FIRST_MENTIONS);
    assert.deepEqual(kessrin.mentions.slice(0, 3).map((m) => m.doc), ['r0', 'r1', 'r2']);
    assert.equal(kessrin.kind, 'place');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
