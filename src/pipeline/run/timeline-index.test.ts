import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTimeline, contentWords, jaccard, SIMILARITY, Timeline } from '../3-reconcile/timeline/timeline.js';
import type { DatedSentence, TimelineEntry } from '../3-reconcile/types.js';
import { mulberry32 } from '../3-reconcile/sources/hash.js';
import type { Store } from '../../storage/store.js';
import { candidateEntries, entryLinks, lookups, newOrder, prefixWords } from './timeline-index.js';

// Words drawn unevenly (a few common, many rare), so that near-threshold pairs are many.
function statements(seed: number, reports: number): Array<{ doc: string; sentences: DatedSentence[] }> {
  const next = mulberry32(seed);
  const word = () => `w${Math.floor(Math.sqrt(next() % 250000))}${next() % 3 ? '' : 'x'}`;
  // Half the sentences retell an earlier one with a word or two changed: chains of retellings, each near the last.
  const told: string[][] = [];
  const sentence = (): string[] => {
    if (told.length === 0 || next() % 4 === 0) return Array.from({ length: 2 + (next() % 11) }, word);
    const words = [...told[told.length - 1 - (next() % Math.min(told.length, 3))]!];
    for (let k = 1 + (next() % 2); k > 0; k--) words[next() % words.length] = word();
    return words;
  };
  return Array.from({ length: reports }, (_, r) => ({
    doc: `d${String(r).padStart(4, '0')}`,
    sentences: Array.from({ length: 1 + (next() % 3) }, (_, i) => {
      const words = sentence();
      told.push(words);
      const text = words.join(' ');
      const value = `2020-01-0${1 + (next() % 2)}`;
      const at = 1000 * i;
      return { doc: `d${String(r).padStart(4, '0')}`, date: { text: value, value, span: { start: at + text.length, end: at + text.length }, kind: 'date' } as unknown as DatedSentence['date'], sentence: { start: at, end: at + text.length }, sentenceText: text, counts: [] };
    }),
  }));
}

test('statements at or above the threshold share a word of their prefixes, and one looks up a link the other is indexed under', () => {
  // Sets and their halves too: a half reaches the threshold exactly, the smallest size the lookups allow.
  const some = statements(5, 300).flatMap((r) => r.sentences);
  const halves = some.slice(0, 100).map((s) => {
    const words = s.sentenceText.split(' ');
    const text = words.slice(0, Math.ceil(words.length / 2)).join(' ');
    return { ...s, sentenceText: text, sentence: { start: s.sentence.start, end: s.sentence.start + text.length }, date: { ...s.date, span: { start: s.sentence.start + text.length, end: s.sentence.start + text.length } } };
  });
  const all = [...some, ...halves];
  const order = newOrder([{ sentences: all.slice(0, 50) }]).order;
  let near = 0;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (jaccard(contentWords(all[i]!), contentWords(all[j]!)) < SIMILARITY) continue;
      near++;
      const p = new Set(prefixWords(all[i]!, order));
      assert.ok(prefixWords(all[j]!, order).some((w) => p.has(w)), `${all[i]!.sentenceText} / ${all[j]!.sentenceText}`);
      if (all[i]!.date.value !== all[j]!.date.value) continue;
      const indexed = (s: DatedSentence) => new Set(entryLinks([{ value: s.date.value, statements: [s] } as unknown as TimelineEntry], order).add!.map(([g]) => g));
      const [x, y] = [all[i]!, all[j]!];
      assert.ok(lookups(x, order).some((g) => indexed(y).has(g)) && lookups(y, order).some((g) => indexed(x).has(g)), `looked up: ${x.sentenceText} / ${y.sentenceText}`);
    }
  }
  assert.ok(near > 100, `${near} pairs at the threshold`);
});

test('a timeline grown from the entries the index finds is the timeline built from every statement', async () => {
  for (const seed of [1, 2, 3]) {
    const reports = statements(seed, 240);
    const order = newOrder(reports.slice(0, 30)).order;
    // Stored entries as rows (tag: the report that made them) and the index's links.
    const rows = new Map<string, { key: string; group: string; tag: string; data: TimelineEntry }>();
    const links = new Map<string, Set<string>>();
    const store = {
      getLinks: async (_set: string, groups: readonly string[]) => groups.flatMap((g) => [...(links.get(g) ?? [])].map((d) => [g, d] as [string, string])),
      getRows: async (_set: string, q: { tags: readonly string[] }) => [...rows.values()].filter((r) => q.tags.includes(r.tag)),
    } as unknown as Store;
    const keyOf = (e: TimelineEntry) => `${e.statements[0]!.doc}\u0001${String(e.statements[0]!.sentence.start).padStart(6, '0')}`;
    let at = 0;
    const next = mulberry32(seed);
    while (at < reports.length) {
      const batch = reports.slice(at, at + 1 + (next() % 15));
      at += batch.length;
      const t = new Timeline();
      for (const e of await candidateEntries(store, batch.flatMap((r) => r.sentences), order, (k) => k)) t.seed(e);
      for (const r of batch) t.addReport(r.doc, undefined, r.sentences);
      const mine = new Set(batch.map((r) => r.doc));
      for (const e of t.changedEntries()) rows.set(keyOf(e), { key: keyOf(e), group: e.value, tag: e.statements[0]!.doc, data: e });
      for (const [g, d] of entryLinks(t.changedEntries(), order, (s) => mine.has(s.doc)).add!) (links.get(g) ?? links.set(g, new Set()).get(g)!).add(d);
      const want = buildTimeline(reports.slice(0, at).map((r) => ({ doc: r.doc, sentences: r.sentences }))).entries;
      const got = [...rows.values()].map((r) => r.data);
      const norm = (l: TimelineEntry[]) => l.map((e) => e.statements.map((s) => `${s.doc}@${s.sentence.start}`).join(' ')).sort();
      assert.deepEqual(norm(got), norm(want), `seed ${seed}, ${at} reports`);
    }
    assert.ok([...rows.values()].filter((r) => r.data.statements.length > 2).length > 20, 'entries with several statements');
  }
});
