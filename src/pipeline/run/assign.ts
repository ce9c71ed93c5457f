/**
 * Each count's event, assigned once and kept. The corpus context (events known by name, the
 * spellings joined, the default event) changes as reports arrive; when it does, only the
 * reports that name a word of what changed are assigned again, found through an index of the
 * name and year words each report contains. Only those reports' texts are read.
 */
import type { Count } from '../../domain/types.js';
import type { Change, RowInput, Store } from '../../storage/store.js';
import { assignContext, assignReport } from '../3-reconcile/index.js';
import type { AssignContext, EventMention, EventName } from '../3-reconcile/index.js';
import { foldName } from '../3-reconcile/entities/fold.js';
import type { KeyLink } from '../3-reconcile/entities/aliases.js';
import type { MentionSource, StoredContext } from './event-context.js';
import { contextOf, patchContext, storedContext } from './event-context.js';
import { forget as forgetMemo, recalled } from './build-memo.js';
import type { MentionTally } from './tallies.js';
import type { StoredAssignment } from './record.js';
import { ASSIGN_CONTEXT_KEY, SETS } from './record.js';
import type { DerivedParts } from './derive.js';
import type { Roster } from './roster.js';

/** What assignment needs of a report. */
export interface AssignInput {
  id: string;
  counts: readonly Count[];
  mentions: readonly EventMention[];
  entities: DerivedParts['entities'];
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
export function changedWords(before: StoredContext, after: StoredContext): Set<string> | null {
  if (JSON.stringify([before.def, before.defNames, before.exonyms]) !== JSON.stringify([after.def, after.defNames, after.exonyms])) return null;
  const keys = new Set<string>();
  const diff = (a: Array<[string, string]>, b: Array<[string, string]>) => {
    const ma = new Map(a);
    const mb = new Map(b);
    for (const [k, v] of ma) if (mb.get(k) !== v) keys.add(k);
    for (const [k, v] of mb) if (ma.get(k) !== v) keys.add(k);
  };
  // A spelling joined to a place, or moved to another, changes the reports that write it: those
  // writing the place's other spellings keep their key (when the place's own name changes, every
  // spelling's mapping does). What a key now stands for (its label, its being known) is told by
  // the labels and the known events, whose every spelling is then read again. (A label is words
  // of prose, "strike on Dorvik", not a key: its words are not looked up.)
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

/** An assignment list as stored: an assignment equal to an earlier one of the list is that one's position (a report's counts mostly share one incident, label and reason). */
export type PackedAssignments = Array<StoredAssignment | number>;

/** A report's assignments as a row holds them (see PackedAssignments). */
export function packAssignments(list: readonly StoredAssignment[]): PackedAssignments {
  const first = new Map<string, number>();
  return list.map((a, i) => {
    const key = JSON.stringify([a.event, a.label, a.reason]);
    const at = first.get(key);
    if (at !== undefined) return at;
    first.set(key, i);
    return a;
  });
}

/** A report's assignments from its row (a list of objects only, as rows were written before packing, reads as it is). */
export function unpackAssignments(data: PackedAssignments): StoredAssignment[] {
  const out: StoredAssignment[] = [];
  for (const x of data) {
    const a = typeof x === 'number' ? out[x] : x;
    if (a === undefined) throw new Error(`an assignment row refers to position ${String(x)} before it is written`);
    out.push(a);
  }
  return out;
}

/** The `event-docs` links of a report's counts: [event, report]. */
export function eventDocLinks(doc: string, list: readonly StoredAssignment[]): Array<readonly [string, string]> {
  return [...new Set(list.map((a) => a.event))].map((event) => [event, doc] as const);
}

/** The links in `a` and not in `b` (both of one report). */
function linksLess(a: ReadonlyArray<readonly [string, string]>, b: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
  const drop = new Set(b.map((l) => l[0]));
  return a.filter((l) => !drop.has(l[0]));
}

/** The corpus's event names as assignment's context is made of them (tallied: see tallies.ts). */
export interface ContextNames {
  /** Every tallied mention in the order first mentioned, with the typo links among their names: the context made afresh. */
  all: () => Promise<{ mentions: readonly MentionTally[]; typoLinks?: KeyLink[] }>;
  /** The new reports' mentions and the stored ones by name, to bring the stored context up to date; `keep` takes the typo links the new names brought. */
  patch?: MentionSource & { keep: (links: KeyLink[]) => void };
}

/**
 * Every report's counts' events (by extraction ordinal), and the row changes that keep them.
 * `roster` knows the current reports, `fresh` those never assigned (null: not
 * known, so all of them); `names` gives the corpus's event mentions (not read when `namesSame`
 * says they are those of the stored context): the stored context brought up to date with the new
 * reports' (see event-context.ts), else made from every one;
 * `inputs` reads the reports to assign, which are only the fresh ones and those naming a word
 * whose meaning changed (all of them when the default event did). The stored assignments of
 * other reports are read when asked for (`read`).
 */
export async function assignEvents(store: Store, roster: Roster, fresh: readonly string[] | null, names: ContextNames, inputs: (ids: readonly string[]) => Promise<AssignInput[]>, opts: { exonyms?: string[][]; full?: boolean; namesSame?: boolean; builtAt?: string }): Promise<{
  /** Assignments of the reports assigned in this run or read. */
  byDoc: Map<string, StoredAssignment[]>;
  /** The assignments stored before this run, of the reports read (superseded ones too). */
  before: ReadonlyMap<string, StoredAssignment[]>;
  /** Reads the stored assignments of these reports, where not yet in `byDoc`. */
  read: (ids: Iterable<string>) => Promise<void>;
  /** Lets go of what `read` read of these reports (a batch built and written). */
  forget: (ids: Iterable<string>) => void;
  /** Reports assigned in this run. */
  redone: Set<string>;
  labels: ReadonlyMap<string, string>;
  /** Events whose label the corpus gives changed since the last run. */
  relabelled: Set<string>;
  changes: Change[];
  /** The context as stored now (to keep in memory once the build's rows are stored). */
  context: StoredContext | null;
}> {
  // The context as the last build left it: kept in memory by a build in this process (see build-memo.ts), else read.
  const before = opts.full ? null : recalled<StoredContext>(store, ASSIGN_CONTEXT_KEY, opts.builtAt) ?? await store.getRecord<StoredContext>(ASSIGN_CONTEXT_KEY);
  // The corpus's mentions unchanged (`namesSame`: no report added or gone), with the same exonyms: the stored context stands.
  const same = opts.namesSame === true && before !== null && JSON.stringify(before.exonyms) === JSON.stringify(opts.exonyms ?? null);
  const exonyms = opts.exonyms as [string, string][] | undefined;
  let ctx: AssignContext | null = null;
  let now = before!;
  // What may differ between the stored context and the new (all of both, when made afresh).
  let parts: { before: StoredContext; now: StoredContext } | null = null;
  if (!same) {
    const patched = before !== null && names.patch !== undefined ? await patchContext(before, names.patch, exonyms) : null;
    if (patched !== null) {
      now = patched.now;
      ctx = contextOf(now, exonyms);
      parts = { before: patched.beforePart, now: patched.nowPart };
      names.patch!.keep(patched.links);
    } else {
      const corpus = await names.all();
      ctx = assignContext([corpus.mentions], { exonyms, ...(corpus.typoLinks ? { typoLinks: corpus.typoLinks } : {}) });
      now = storedContext(ctx, corpus.mentions);
      if (before !== null) parts = { before, now };
    }
  }
  const labels: ReadonlyMap<string, string> = ctx === null ? new Map(before!.labels) : ctx.corpus.labels;
  const words = parts === null ? (before === null ? null : new Set<string>()) : changedWords(parts.before, parts.now);
  const byDoc = new Map<string, StoredAssignment[]>();
  const previous = new Map<string, StoredAssignment[]>();
  const read = async (list: Iterable<string>): Promise<void> => {
    if (words === null) return;
    const keys = [...new Set(list)].filter((id) => !previous.has(id) && !byDoc.has(id));
    for (let i = 0; i < keys.length; i += 500) {
      for (const row of await store.getRows<PackedAssignments>(SETS.assign, { keys: keys.slice(i, i + 500) })) {
        const list = unpackAssignments(row.data);
        previous.set(row.key, list);
        if (!byDoc.has(row.key)) byDoc.set(row.key, list);
      }
    }
  };
  const done = new Set<string>();
  const redo = new Set<string>();
  if (words !== null && words.size) {
    for (const [, doc] of await store.getLinks(SETS.keyDocs, [...words])) redo.add(doc);
  }
  let todo: readonly string[];
  if (words === null) todo = await roster.all();
  else if (fresh === null) {
    for (const row of await store.getRows<PackedAssignments>(SETS.assign)) {
      const list = unpackAssignments(row.data);
      previous.set(row.key, list);
      byDoc.set(row.key, list);
    }
    todo = (await roster.all()).filter((id) => !byDoc.has(id) || redo.has(id));
  } else {
    todo = await roster.current([...fresh, ...redo]);
    await read(todo);
  }
  const rows: RowInput[] = [];
  const keyLinks: Array<readonly [string, string]> = [];
  const eventDocs: Array<readonly [string, string]> = [];
  const eventGone: Array<readonly [string, string]> = [];
  for (let i = 0; i < todo.length; i += 256) {
    for (const r of await inputs(todo.slice(i, i + 256))) {
      const known = previous.get(r.id);
      const text = (await store.getDocument(r.id))?.text ?? '';
      const places = r.entities.filter((e) => e.kind === 'place').map((e) => e.text);
      const list = assignReport({ id: r.id, text, counts: [...r.counts] }, r.mentions, places, ctx!)
        .map((c) => ({ event: c.event, label: c.eventLabel, reason: c.eventReason }));
      byDoc.set(r.id, list);
      done.add(r.id);
      rows.push({ key: r.id, group: list[0]?.event ?? null, data: packAssignments(list) });
      // A report assigned again: only the events it joins or leaves change links.
      const now = eventDocLinks(r.id, list);
      const was = known === undefined || words === null ? [] : eventDocLinks(r.id, known);
      eventDocs.push(...linksLess(now, was));
      eventGone.push(...linksLess(was, now));
      if (known === undefined || words === null) for (const w of keyWords(text)) keyLinks.push([w, r.id]);
    }
  }
  const relabelled = new Set<string>();
  if (parts !== null) {
    const was = new Map(parts.before.labels);
    const is = new Map(parts.now.labels);
    for (const [k, v] of is) if (was.get(k) !== v) relabelled.add(k);
    for (const [k] of was) if (!is.has(k)) relabelled.add(k);
  }
  const changes: Change[] = words === null
    ? [{ set: SETS.assign, clear: 'all', rows }, { links: SETS.keyDocs, clear: 'all', add: keyLinks }, { links: SETS.eventDocs, clear: 'all', add: eventDocs }]
    : [{ set: SETS.assign, rows }, { links: SETS.keyDocs, add: keyLinks }, { links: SETS.eventDocs, remove: eventGone, add: eventDocs }];
  if (ctx !== null) {
    forgetMemo(store, ASSIGN_CONTEXT_KEY);
    await store.putRecords({ [ASSIGN_CONTEXT_KEY]: now });
  }
  const forget = (ids: Iterable<string>): void => {
    for (const id of ids) if (!done.has(id)) { byDoc.delete(id); previous.delete(id); }
  };
  return { byDoc, before: previous, read, forget, redone: done, labels, relabelled, changes, context: now };
}
