/**
 * An index of the stored timeline, so that a build that only adds reports reads the entries a
 * new statement could join rather than every entry of its date value (a common date has
 * thousands). A statement joins the entry whose closest statement reaches SIMILARITY Jaccard of
 * content words; two sets that reach it share a word of their prefixes, the first
 * |x| − ⌈t·|x|⌉ + 1 words of each in one fixed order (PPJoin's prefix filter), so each stored
 * statement is linked under its prefix's words (with the date value, the word's place and the
 * statement's size, for PPJoin's positional filter), to the report that made its entry, and a
 * new statement's candidates are the entries those reports made under its value.
 *
 * The order is fixed once, when the whole timeline is written (a first or full build): rarest
 * first by the word frequencies of the statements then, words not seen then first of all (by
 * spelling), so that lookups stay short. Links are only added: a link left by an entry built
 * again names a report whose entries are read for nothing, never one missed.
 */
import type { DatedSentence, TimelineEntry, TimelineStatement } from '../3-reconcile/types.js';
import { contentWords, plainValue, SIMILARITY, statementFrequency } from '../3-reconcile/timeline/timeline.js';
import type { LinkChange, RowChange, Store } from '../../storage/store.js';
import { SETS } from './record.js';

/** The index's word order: each word's frequency when it was fixed (absent: 0). */
export type WordOrder = ReadonlyMap<string, number>;

/** The stored order, or null when the timeline has no index (built before it, or not yet). */
export async function readOrder(store: Store): Promise<WordOrder | null> {
  const row = (await store.getRows<Array<[string, number]>>(SETS.timelineOrder, { key: 'order' }))[0];
  return row === undefined ? null : new Map(row.data);
}

/** A new order from the statements of the whole timeline, and the changes that store it with no links yet. */
export function newOrder(reports: Iterable<{ sentences: readonly DatedSentence[] }>): { order: WordOrder; changes: Array<RowChange | LinkChange> } {
  const order = statementFrequency(reports);
  return { order, changes: [orderRow(order), { links: SETS.entryWords, clear: 'all' }] };
}

/** The row that stores an order. */
function orderRow(order: WordOrder): RowChange {
  const pairs = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { set: SETS.timelineOrder, clear: 'all', rows: [{ key: 'order', data: pairs }] };
}

/** A statement's words in the index's order, and how many of the first of them its prefix is. */
function ordered(s: Pick<TimelineStatement, 'date' | 'sentence' | 'sentenceText'>, order: WordOrder): { words: string[]; prefix: number } {
  const f = (w: string) => order.get(w) ?? 0;
  const words = [...contentWords(s)].sort((a, b) => f(a) - f(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { words, prefix: prefixLength(words.length) };
}

/** How many of a set's first words (in the index's order) any set reaching SIMILARITY with it shares one of. */
const prefixLength = (n: number) => Math.max(0, n - Math.ceil(SIMILARITY * n) + 1);

/** The words a statement is indexed and looked up under. */
export function prefixWords(s: Pick<TimelineStatement, 'date' | 'sentence' | 'sentenceText'>, order: WordOrder): string[] {
  const { words, prefix } = ordered(s, order);
  return words.slice(0, prefix);
}

/** A link's group: the date value, a prefix word, its place among the statement's words and their number (for PPJoin's positional filter). */
const groupOf = (value: string, word: string, at: number, size: number) => `${plainValue(value)}\u0001${word}\u0001${at}\u0001${size}`;

/** The links of entries' statements (those `of` accepts: all by default) to the reports that made the entries. */
export function entryLinks(entries: readonly TimelineEntry[], order: WordOrder, of: (s: TimelineStatement) => boolean = () => true): LinkChange {
  const add: Array<readonly [string, string]> = [];
  for (const e of entries) {
    const maker = e.statements[0]!.doc;
    const seen = new Set<string>();
    for (const s of e.statements) {
      if (!of(s)) continue;
      const { words, prefix } = ordered(s, order);
      for (let j = 0; j < prefix; j++) {
        const g = groupOf(e.value, words[j]!, j, words.length);
        if (!seen.has(g)) { seen.add(g); add.push([g, maker]); }
      }
    }
  }
  return { links: SETS.entryWords, add };
}

// Against rounding: a bound made a little looser never misses a pair.
const EPS = 1e-9;

/**
 * The groups a statement looks up: each prefix word (at place i of its n words) with each place j
 * and size m a stored statement reaching SIMILARITY could have it at. Jaccard t needs
 * t·n ≤ m ≤ n/t and an overlap of ⌈t/(1+t)·(n+m)⌉; two sets whose first shared word (in the
 * index's order) is at i and j share at most 1 + min(n−i−1, m−j−1), which must reach it
 * (PPJoin's positional filter): a template's common words, late in the order, meet only
 * statements where they are late too.
 */
export function lookups(s: Pick<TimelineStatement, 'date' | 'sentence' | 'sentenceText'>, order: WordOrder): string[] {
  const { words, prefix } = ordered(s, order);
  const n = words.length;
  const t = SIMILARITY;
  const out: string[] = [];
  for (let m = Math.max(1, Math.ceil(t * n - EPS)); m <= Math.floor(n / t + EPS); m++) {
    const need = Math.ceil((t / (1 + t)) * (n + m) - EPS);
    const theirs = prefixLength(m);
    for (let i = 0; i < prefix; i++) {
      for (let j = 0; j < theirs; j++) if (1 + Math.min(n - i - 1, m - j - 1) >= need) out.push(groupOf(s.date.value, words[i]!, j, m));
    }
  }
  return out;
}

/** The stored entries new statements could join (and some they cannot), in the order they were made. */
export async function candidateEntries(store: Store, statements: readonly DatedSentence[], order: WordOrder, madeAt: (key: string) => string): Promise<TimelineEntry[]> {
  const groups = new Set<string>();
  const values = new Set<string>();
  for (const s of statements) {
    values.add(plainValue(s.date.value));
    for (const g of lookups(s, order)) groups.add(g);
  }
  if (groups.size === 0) return [];
  const makers = new Set<string>();
  const list = [...groups];
  for (let i = 0; i < list.length; i += 500) for (const [, doc] of await store.getLinks(SETS.entryWords, list.slice(i, i + 500))) makers.add(doc);
  const found: Array<{ at: string; e: TimelineEntry }> = [];
  const docs = [...makers];
  for (let i = 0; i < docs.length; i += 500) {
    for (const r of await store.getRows<TimelineEntry>(SETS.timeline, { tags: docs.slice(i, i + 500) })) if (values.has(r.group!)) found.push({ at: madeAt(r.key), e: r.data });
  }
  return found.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((r) => r.e);
}

/** Values in batches of about this many entries, when a stored timeline is indexed. */
const INDEX_BATCH = 20_000;

/**
 * Indexes a timeline stored before the index (null when it has no entries): the word order from
 * every stored statement, then each entry tagged with the report that made it and linked, a
 * batch of date values at a time. The order is written last, so that an index left half made
 * is made again.
 */
export async function indexStored(store: Store, log: (message: string, fields: Record<string, unknown>) => void): Promise<WordOrder | null> {
  const values = await store.getRows<number>(SETS.timelineValues);
  if (values.length === 0) return null;
  log('indexing the stored timeline (once)', { values: values.length, entries: values.reduce((n, v) => n + v.data, 0) });
  const batches: string[][] = [[]];
  let size = 0;
  for (const v of values) {
    if (size + v.data > INDEX_BATCH && batches.at(-1)!.length > 0) { batches.push([]); size = 0; }
    batches.at(-1)!.push(v.key);
    size += v.data;
  }
  const order = new Map<string, number>();
  for (const groups of batches) {
    for (const r of await store.getRows<TimelineEntry>(SETS.timeline, { groups })) {
      for (const s of r.data.statements) for (const w of contentWords(s)) order.set(w, (order.get(w) ?? 0) + 1);
    }
  }
  let first = true;
  for (const groups of batches) {
    const rows = await store.getRows<TimelineEntry>(SETS.timeline, { groups });
    const retagged: RowChange = { set: SETS.timeline, rows: rows.map((r) => ({ key: r.key, group: r.group, tag: r.data.statements[0]!.doc, ord: r.ord, lo: r.lo, hi: r.hi, data: r.data })) };
    await store.putRows([...(first ? [{ links: SETS.entryWords, clear: 'all' as const }] : []), retagged, entryLinks(rows.map((r) => r.data), order)]);
    first = false;
  }
  await store.putRows([orderRow(order)]);
  log('indexed the stored timeline', { words: order.size });
  return order;
}
