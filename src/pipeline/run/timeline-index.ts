/**
 * An index of the stored timeline, so that a build that only adds reports reads the entries a
 * new statement could join rather than every entry of its date value (a common date has
 * thousands). A statement joins the entry whose closest statement reaches SIMILARITY Jaccard of
 * content words; two sets that reach it share a word of their prefixes, the first
 * |x| − ⌈t·|x|⌉ + 1 words of each in one fixed order (PPJoin's prefix filter), so each stored
 * statement is linked under its prefix's words (with the date value), to the report that made
 * its entry, and a new statement's candidates are the entries those reports made under its value.
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

/** The words a statement is indexed and looked up under. */
export function prefixWords(s: Pick<TimelineStatement, 'date' | 'sentence' | 'sentenceText'>, order: WordOrder): string[] {
  const f = (w: string) => order.get(w) ?? 0;
  const words = [...contentWords(s)].sort((a, b) => f(a) - f(b) || (a < b ? -1 : a > b ? 1 : 0));
  return words.slice(0, Math.max(0, words.length - Math.ceil(SIMILARITY * words.length) + 1));
}

const groupOf = (value: string, word: string) => `${plainValue(value)}\u0001${word}`;

/** The links of entries' statements (those `of` accepts: all by default) to the reports that made the entries. */
export function entryLinks(entries: readonly TimelineEntry[], order: WordOrder, of: (s: TimelineStatement) => boolean = () => true): LinkChange {
  const add: Array<readonly [string, string]> = [];
  for (const e of entries) {
    const maker = e.statements[0]!.doc;
    const seen = new Set<string>();
    for (const s of e.statements) {
      if (!of(s)) continue;
      for (const w of prefixWords(s, order)) if (!seen.has(w)) { seen.add(w); add.push([groupOf(e.value, w), maker]); }
    }
  }
  return { links: SETS.entryWords, add };
}

/** The stored entries new statements could join (and some they cannot), in the order they were made. */
export async function candidateEntries(store: Store, statements: readonly DatedSentence[], order: WordOrder, madeAt: (key: string) => string): Promise<TimelineEntry[]> {
  const groups = new Set<string>();
  const values = new Set<string>();
  for (const s of statements) {
    values.add(plainValue(s.date.value));
    for (const w of prefixWords(s, order)) groups.add(groupOf(s.date.value, w));
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
