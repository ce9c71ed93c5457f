/**
 * Each count's event, assigned once and kept. The corpus context (events known by name, the
 * spellings joined, the default event) changes as reports arrive; when it does, only the
 * reports that name a word of what changed are assigned again, found through an index of the
 * name and year words each report contains. Only those reports' texts are read.
 */
import type { Count } from '../../domain/types.js';
import type { RowChange, RowInput, Store } from '../../storage/store.js';
import { assignContext, assignReport } from '../3-reconcile/index.js';
import type { AssignContext, EventMention, EventName } from '../3-reconcile/index.js';
import { foldName } from '../3-reconcile/entities/fold.js';
import type { StoredAssignment } from './record.js';
import { ASSIGN_CONTEXT_KEY, SETS } from './record.js';
import type { DerivedParts } from './derive.js';

/** What assignment needs of a report. */
export interface AssignInput {
  id: string;
  counts: readonly Count[];
  mentions: readonly EventMention[];
  entities: DerivedParts['entities'];
}

/** The context as stored, to tell what changed since. */
interface StoredContext {
  known: EventName[];
  def: EventName | null;
  defNames: string[];
  canonical: Array<[string, string]>;
  labels: Array<[string, string]>;
  exonyms: unknown;
}

function stored(ctx: AssignContext): StoredContext {
  const c = ctx.corpus;
  return {
    known: c.known, def: c.corpusDefault ?? null, defNames: ctx.defNames,
    canonical: [...c.canonical].sort(), labels: [...c.labels].sort(), exonyms: ctx.exonyms ?? null,
  };
}

// Words an event key can be made of: names (capitalised) and years.
const KEY_WORD = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{M}'’`ʼ-]*|\d{4})(?![\p{L}\p{N}])/gu;

/** The folded name and year words of a text: what a known event's key could match in it. */
export function keyWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(KEY_WORD)) for (const w of foldName(m[0]).split(' ')) if (w) out.add(w);
  return [...out];
}

/**
 * The words whose meaning for assignment changed between two contexts, or null when everything
 * must be assigned again (the default event, its spellings or the exonyms changed).
 */
function changedWords(before: StoredContext, after: StoredContext): Set<string> | null {
  if (JSON.stringify([before.def, before.defNames, before.exonyms]) !== JSON.stringify([after.def, after.defNames, after.exonyms])) return null;
  const keys = new Set<string>();
  const diff = (a: Array<[string, string]>, b: Array<[string, string]>) => {
    const ma = new Map(a);
    const mb = new Map(b);
    for (const [k, v] of ma) if (mb.get(k) !== v) { keys.add(k); keys.add(v); const w = mb.get(k); if (w) keys.add(w); }
    for (const [k, v] of mb) if (ma.get(k) !== v) { keys.add(k); keys.add(v); }
  };
  diff(before.canonical, after.canonical);
  diff(before.labels, after.labels);
  const known = (l: EventName[]) => new Map(l.map((e) => [e.key, JSON.stringify(e)]));
  const kb = known(before.known);
  const ka = known(after.known);
  for (const [k, v] of ka) if (kb.get(k) !== v) keys.add(k);
  for (const k of kb.keys()) if (!ka.has(k)) keys.add(k);
  // A sentence reaches a key through any spelling joined to it.
  for (const [name, target] of after.canonical) if (keys.has(target)) keys.add(name);
  for (const [name, target] of before.canonical) if (keys.has(target)) keys.add(name);
  const words = new Set<string>();
  for (const k of keys) for (const w of k.split(' ')) if (w) words.add(w);
  return words;
}

/** Every report's counts' events (by extraction ordinal), and the row changes that keep them. */
export async function assignEvents(store: Store, reports: readonly AssignInput[], opts: { exonyms?: string[][]; full?: boolean }): Promise<{
  byDoc: Map<string, StoredAssignment[]>;
  /** The assignments stored before this run (every report's, superseded ones included), when any were kept. */
  before: ReadonlyMap<string, StoredAssignment[]>;
  /** Reports assigned in this run. */
  redone: Set<string>;
  labels: ReadonlyMap<string, string>;
  changes: RowChange[];
}> {
  const ctx = assignContext(reports.map((r) => r.mentions), { exonyms: opts.exonyms as [string, string][] | undefined });
  const now = stored(ctx);
  const before = opts.full ? null : await store.getRecord<StoredContext>(ASSIGN_CONTEXT_KEY);
  const words = before === null ? null : changedWords(before, now);
  const byDoc = new Map<string, StoredAssignment[]>();
  if (words !== null) for (const row of await store.getRows<StoredAssignment[]>(SETS.assign)) byDoc.set(row.key, row.data);
  const previous = new Map(byDoc);
  const done = new Set<string>();
  const redo = new Set<string>();
  if (words !== null && words.size) {
    for (const row of await store.getRows(SETS.keyDocs, { groups: [...words] })) redo.add(row.key.slice(row.key.indexOf('\t') + 1));
  }
  const rows: RowInput[] = [];
  const keyRows: RowInput[] = [];
  for (const r of reports) {
    const known = byDoc.get(r.id);
    if (known !== undefined && known.length === r.counts.length && !redo.has(r.id)) continue;
    const text = (await store.getDocument(r.id))?.text ?? '';
    const places = r.entities.filter((e) => e.kind === 'place').map((e) => e.text);
    const list = assignReport({ id: r.id, text, counts: [...r.counts] }, r.mentions, places, ctx)
      .map((c) => ({ event: c.event, label: c.eventLabel, reason: c.eventReason }));
    byDoc.set(r.id, list);
    done.add(r.id);
    rows.push({ key: r.id, group: list[0]?.event ?? null, data: list });
    if (known === undefined || words === null) for (const w of keyWords(text)) keyRows.push({ key: `${w}\t${r.id}`, group: w, data: 1 });
  }
  const changes: RowChange[] = words === null
    ? [{ set: SETS.assign, clear: 'all', rows }, { set: SETS.keyDocs, clear: 'all', rows: keyRows }]
    : [{ set: SETS.assign, rows }, { set: SETS.keyDocs, rows: keyRows }];
  await store.putRecords({ [ASSIGN_CONTEXT_KEY]: now });
  return { byDoc, before: previous, redone: done, labels: ctx.corpus.labels, changes };
}
