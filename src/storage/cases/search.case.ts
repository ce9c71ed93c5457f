/** Shared cases: full-text search, ranking, phrases, prefixes, snippets, malformed queries. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isAppError } from '../../domain/errors.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN, snippetParts } from '../snippet.js';
import type { Store, StoreFactory } from '../store.js';
import { report, withStore } from './fixtures.case.js';

const TEXTS: Array<[string, string, string]> = [
  ['landslide.txt', 'Landslide at Pell Ridge', 'A landslide buried the Pell Ridge road. Rescuers said 1,300 people were cut off; the mayor put the figure at 900.'],
  ['ferry.txt', 'Ferry lost near Cawl', 'The ferry Marit sank near Cawl. Officials counted 61 dead; the coast guard reported 12 missing after the ferry sank.'],
  ['ferry-2.txt', 'Inquiry opens', 'An inquiry into the ferry opened. Witnesses described the mountain-road closures that delayed rescuers.'],
  ['quiet.txt', 'Harvest notes', 'The harvest was late and the market quiet; no incidents were reported.'],
];

/** Fill a store with the search fixtures; returns their ids by file name. */
async function fill(store: Store): Promise<Record<string, string>> {
  const inputs = TEXTS.map(([path, title, text]) => report({ path, text, meta: { title } }));
  await store.addReports(inputs);
  return Object.fromEntries(inputs.map((r) => [r.doc.name, r.doc.id]));
}

/** Register the search cases against `newStore`. */
export function searchCases(newStore: StoreFactory): void {
  it('ranks the report that names a word in its title and text above one that only mentions it', async () => withStore(newStore, async (store) => {
    const ids = await fill(store);
    const { items, capped } = await store.search('ferry');
    assert.equal(capped, false);
    assert.deepEqual(items.map((h) => h.documentId), [ids['ferry.txt'], ids['ferry-2.txt']]);
    assert.ok(items[0].score > items[1].score);
    assert.deepEqual([items[0].name, items[0].title], ['ferry.txt', 'Ferry lost near Cawl']);
  }));

  it('finds an exact phrase only where its words stand together', async () => withStore(newStore, async (store) => {
    const ids = await fill(store);
    assert.deepEqual((await store.search('"ferry sank"')).items.map((h) => h.documentId), [ids['ferry.txt']]);
    assert.equal((await store.search('"sank ferry"')).items.length, 0);
  }));

  it('finds words by prefix', async () => withStore(newStore, async (store) => {
    const ids = await fill(store);
    const hits = (await store.search('rescu*')).items.map((h) => h.documentId).sort();
    assert.deepEqual(hits, [ids['landslide.txt'], ids['ferry-2.txt']].sort());
  }));

  it('supports AND, OR, NOT, -word, NEAR, parentheses and title: filters', async () => withStore(newStore, async (store) => {
    const ids = await fill(store);
    assert.deepEqual((await store.search('ferry NOT inquiry')).items.map((h) => h.documentId), [ids['ferry.txt']]);
    assert.equal((await store.search('(harvest OR landslide) AND NOT ferry')).items.length, 2);
    assert.deepEqual((await store.search('title:inquiry')).items.map((h) => h.documentId), [ids['ferry-2.txt']]);
    assert.deepEqual((await store.search('ferry -inquiry')).items.map((h) => h.documentId), [ids['ferry.txt']]);
    assert.deepEqual((await store.search('NEAR(ferry sank, 2)')).items.map((h) => h.documentId), [ids['ferry.txt']]);
    assert.deepEqual((await store.search('title:"lost near"')).items.map((h) => h.documentId), [ids['ferry.txt']]);
  }));

  it('marks matches in the snippet between the snippet markers', async () => withStore(newStore, async (store) => {
    await fill(store);
    const [hit] = (await store.search('coast guard')).items;
    assert.ok(hit.snippet.includes(`${SNIPPET_OPEN}coast${SNIPPET_CLOSE}`));
    const matches = snippetParts(hit.snippet).filter((p) => p.match).map((p) => p.text);
    assert.deepEqual(matches, ['coast', 'guard']);
  }));

  it('takes each snippet from its own document', async () => withStore(newStore, async (store) => {
    await fill(store);
    const hits = (await store.search('ferry')).items;
    assert.equal(hits.length, 2);
    for (const hit of hits) {
      const text = (await store.getDocument(hit.documentId))!.text;
      const plain = snippetParts(hit.snippet).map((p) => p.text).join('').replace(/^…|…$/g, '');
      assert.ok(text.includes(plain), `${hit.name}: ${plain}`);
    }
  }));

  it('searches numbers with separators, hyphenated words and dates as typed', async () => withStore(newStore, async (store) => {
    const ids = await fill(store);
    assert.deepEqual((await store.search('1,300')).items.map((h) => h.documentId), [ids['landslide.txt']]);
    assert.deepEqual((await store.search('mountain-road')).items.map((h) => h.documentId), [ids['ferry-2.txt']]);
    assert.equal((await store.search('2024-02-26')).items.length, 0);
  }));

  it('returns at most the limit', async () => withStore(newStore, async (store) => {
    await fill(store);
    assert.equal((await store.search('the', { limit: 2 })).items.length, 2);
    await assert.rejects(store.search('the', { limit: 0 }), (e: unknown) => isAppError(e, 'E_BAD_INPUT'));
  }));

  it('rejects malformed queries with E_BAD_QUERY and a message free of SQLite internals', async () => withStore(newStore, async (store) => {
    await fill(store);
    for (const q of ['"ferry sank', '(ferry', 'ferry AND', 'OR', 'ferry OR OR', '*', '', '   ', ')', 'NEAR(ferry']) {
      await assert.rejects(store.search(q), (e: unknown) => {
        assert.ok(isAppError(e, 'E_BAD_QUERY'), `${q}: ${String(e)}`);
        assert.doesNotMatch(e.message, /sqlite|fts5|SQLITE_|syntax error|no such/i, q);
        assert.match(e.message, /^Malformed search query: /);
        return true;
      });
    }
  }));
}
