/**
 * Assignment's corpus context (events known by name, each spelling's cluster, labels, the
 * default event) as stored, and brought up to date by a build that only adds reports without
 * making it again from every tally.
 *
 * The spellings of event names cluster as connected components (same folded spelling, a typo
 * link, an exonym row), each under its most mentioned spelling; an event's entry (its label, its
 * being known or discussed) follows from the mentions of its cluster alone. New reports change
 * only the clusters their mentions fall in or link to: those are made again from their stored
 * mentions, and the entries of the events they were or are; every other cluster and entry stands.
 * The result is the context a build from every tally makes (`storedContext`), row for row.
 */
import type { AssignContext, CorpusEvents, EventName } from '../3-reconcile/index.js';
import type { KeyLink } from '../3-reconcile/entities/aliases.js';
import { foldName, Keys, spellingOf, typoKeyLinks } from '../3-reconcile/entities/aliases.js';
import type { MentionTally } from './tallies.js';

/** Where a mention is first met: report order, then position in the report. */
type At = readonly [number, number];

/** The context as stored, to tell what changed since and to bring up to date. */
export interface StoredContext {
  /** 2: with `knownAt` and `discussed` (a context stored before is made again from the tallies). */
  v?: number;
  known: EventName[];
  /** Where each known event is first mentioned as specific (parallel to `known`). */
  knownAt?: Array<[number, number]>;
  def: EventName | null;
  defNames: string[];
  /** Folded name → its cluster's folded canonical name, sorted as `[...map].sort()` sorts. */
  canonical: Array<[string, string]>;
  labels: Array<[string, string]>;
  /** The events discussed (specific, not a comparison), sorted. */
  discussed?: string[];
  exonyms: unknown;
}

/** The stored context's layout version. */
export const CONTEXT_LAYOUT = 2;

/** The text a pair sorts by in `[...map].sort()` (pairs compare as "key,value"). */
const pairText = (p: readonly [string, string]) => `${p[0]},${p[1]}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A map's pairs in the order `[...map].sort()` gives them (by "key,value"), each pair's string
 * made once rather than at every comparison: 80k names at 1M bench reports took 0.7-2.8 s so.
 */
export function sortedPairs(map: ReadonlyMap<string, string>): Array<[string, string]> {
  const pairs = [...map];
  const text = pairs.map(pairText);
  const order = Array.from(pairs.keys()).sort((a, b) => byText(text[a]!, text[b]!));
  return order.map((i) => pairs[i]!);
}

/** The context made from every tally (`mentions`: the corpus's tallied mentions, in the order first mentioned), as stored. */
export function storedContext(ctx: AssignContext, mentions: readonly MentionTally[]): StoredContext {
  const c = ctx.corpus;
  const at = new Map<string, [number, number]>();
  const discussed = new Set<string>();
  for (const m of mentions) {
    if (m.tier !== 'specific') continue;
    const key = c.canonical.get(m.key) ?? m.key;
    if (!at.has(key)) at.set(key, [m.o, m.i]);
    if (!m.comparison) discussed.add(key);
  }
  return {
    v: CONTEXT_LAYOUT, known: c.known, knownAt: c.known.map((e) => at.get(e.key)!), def: c.corpusDefault ?? null, defNames: ctx.defNames,
    canonical: sortedPairs(c.canonical), labels: sortedPairs(c.labels), discussed: [...discussed].sort(byText), exonyms: ctx.exonyms ?? null,
  };
}

/** The context `assignReport` takes, from the stored one. */
export function contextOf(s: StoredContext, exonyms: AssignContext['exonyms']): AssignContext {
  const corpus: CorpusEvents = { mentions: [], known: s.known, canonical: new Map(s.canonical), labels: new Map(s.labels), ...(s.def ? { corpusDefault: s.def } : {}) };
  return { corpus, defNames: s.defNames, exonyms };
}

/** What a brought-up-to-date context needs of the tallies. */
export interface MentionSource {
  /** The event mentions the new reports made or mentioned again, with their counts now. */
  counted: readonly MentionTally[];
  /** Every event mention whose name folds to one of these keys (a year's mention: its key), with this build's counts. */
  byKeys(keys: readonly string[]): Promise<MentionTally[]>;
}

/** A context brought up to date, with the parts of the stored and the new one that differ (to tell which words changed meaning). */
export interface PatchedContext {
  now: StoredContext;
  /** The stored and the new context restricted to the names and events that may differ (the default event and exonyms whole). */
  beforePart: StoredContext;
  nowPart: StoredContext;
  /** The typo links among event names the new names brought. */
  links: KeyLink[];
}

/** An event's entry, from its cluster's mentions in the order first mentioned. */
interface Entry {
  label: string;
  known?: EventName;
  at?: [number, number];
  discussed?: EventName;
  names: string[];
}

function entryOf(key: string, mentions: readonly MentionTally[]): Entry | undefined {
  if (mentions.length === 0) return undefined;
  const e: Entry = { label: mentions[0]!.label, names: [] };
  const names = new Set<string>();
  for (const m of mentions) {
    if (m.tier === 'specific' && e.known === undefined) { e.known = { key, label: m.label, tier: m.tier }; e.at = [m.o, m.i]; }
    if (m.tier === 'specific' && !m.comparison && e.discussed === undefined) e.discussed = { key, label: m.label, tier: m.tier };
    if (m.name !== '') names.add(m.name);
  }
  e.names = [...names];
  return e;
}

/** Sorted pairs with those of some keys taken out and others put in, in the same order. */
function mergePairs(pairs: ReadonlyArray<[string, string]>, out: ReadonlySet<string>, add: ReadonlyArray<[string, string]>): Array<[string, string]> {
  const fresh = [...add].map((p) => [pairText(p), p] as const).sort((a, b) => byText(a[0], b[0]));
  const result: Array<[string, string]> = [];
  let j = 0;
  for (const p of pairs) {
    if (out.has(p[0])) continue;
    const t = pairText(p);
    while (j < fresh.length && byText(fresh[j]![0], t) < 0) result.push(fresh[j++]![1]);
    result.push(p);
  }
  while (j < fresh.length) result.push(fresh[j++]![1]);
  return result;
}

const atOrder = (a: At, b: At) => a[0] - b[0] || a[1] - b[1];

/**
 * The stored context with new reports' mentions taken in (`source.counted`, already in the
 * tallies), or null when it cannot be brought up to date (stored before layout 2, other exonyms,
 * a mention whose name does not fold to its key): then it is made from every tally.
 */
export async function patchContext(before: StoredContext, source: MentionSource, exonyms: ReadonlyArray<readonly string[]> | undefined): Promise<PatchedContext | null> {
  if (before.v !== CONTEXT_LAYOUT || before.knownAt === undefined || before.discussed === undefined) return null;
  if (JSON.stringify(before.exonyms) !== JSON.stringify(exonyms ?? null)) return null;
  const canon = new Map(before.canonical);
  // The folded names the new mentions write, those never met before, and the years.
  const written = new Set<string>();
  const fresh = new Set<string>();
  const years = new Set<string>();
  for (const m of source.counted) {
    if (m.name === '') {
      if (canon.has(m.key)) return null;
      years.add(m.key);
      continue;
    }
    const key = foldName(spellingOf(m.name));
    if (key !== m.key) return null;
    written.add(key);
    if (!canon.has(key)) fresh.add(key);
  }
  const links = fresh.size ? typoKeyLinks([...canon.keys(), ...fresh], {}, { links: [], fresh }) : [];
  // Clusters as nodes: an old cluster by its canonical key, a new name by itself; joined by the new links and exonym rows.
  const node = (k: string) => (canon.has(k) ? `c\u0001${canon.get(k)!}` : `f\u0001${k}`);
  const keys = new Keys();
  const find = (x: string) => keys.find(x);
  const union = (a: string, b: string) => keys.union(a, b);
  const nodes = new Set<string>();
  for (const k of written) nodes.add(node(k));
  for (const [a, b] of links) { nodes.add(node(a)); nodes.add(node(b)); union(node(a), node(b)); }
  for (const row of exonyms ?? []) {
    const present = row.map(foldName).filter((k) => canon.has(k) || fresh.has(k));
    if (!present.some((k) => fresh.has(k))) continue;
    for (const k of present) { nodes.add(node(k)); union(node(present[0]!), node(k)); }
  }
  // Every folded name of the clusters touched, by the cluster it is in now.
  const oldCanon = new Set([...nodes].filter((n) => n[0] === 'c').map((n) => n.slice(2)));
  const members = new Map<string, string[]>();
  const put = (root: string, k: string) => {
    const list = members.get(root);
    if (list === undefined) members.set(root, [k]);
    else list.push(k);
  };
  for (const [k, c] of before.canonical) if (oldCanon.has(c)) put(find(`c\u0001${c}`), k);
  for (const k of fresh) put(find(`f\u0001${k}`), k);
  const touched = [...members.values()].flat();
  const mentions = await source.byKeys([...touched, ...years]);
  const byKey = new Map<string, MentionTally[]>();
  for (const m of mentions) {
    const key = m.name === '' ? m.key : foldName(spellingOf(m.name));
    if (m.name !== '' && key !== m.key) return null;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [m]);
    else list.push(m);
  }
  // Each cluster under its most mentioned spelling, then first met.
  const now = new Map<string, string>();
  const byEvent = new Map<string, MentionTally[]>();
  for (const keys of members.values()) {
    const spell = new Map<string, { n: number; at: At }>();
    const own: MentionTally[] = [];
    for (const k of keys) {
      for (const m of byKey.get(k) ?? []) {
        own.push(m);
        const name = spellingOf(m.name);
        const s = spell.get(name);
        const at: At = [m.o, m.i];
        if (s === undefined) spell.set(name, { n: m.n, at });
        else { s.n += m.n; if (atOrder(at, s.at) < 0) s.at = at; }
      }
    }
    let best: [string, { n: number; at: At }] | undefined;
    for (const e of spell) if (best === undefined || e[1].n > best[1].n || (e[1].n === best[1].n && atOrder(e[1].at, best[1].at) < 0)) best = e;
    if (best === undefined) return null;
    const canonical = foldName(best[0]);
    for (const k of keys) now.set(k, canonical);
    byEvent.set(canonical, own.sort((a, b) => a.o - b.o || a.i - b.i));
  }
  for (const y of years) byEvent.set(y, byKey.get(y) ?? []);
  // The events whose entries may change: the clusters' old and new keys, and the years mentioned.
  const events = new Set<string>([...oldCanon, ...byEvent.keys()]);
  const entries = new Map<string, Entry | undefined>();
  for (const e of events) entries.set(e, entryOf(e, byEvent.get(e) ?? []));

  const canonical = mergePairs(before.canonical, new Set(touched), [...now]);
  const labels = mergePairs(before.labels, events, [...entries].flatMap(([k, e]) => (e ? [[k, e.label] as [string, string]] : [])));
  const known: Array<{ e: EventName; at: [number, number] }> = [];
  const added = [...entries.values()].flatMap((e) => (e?.known ? [{ e: e.known, at: e.at! }] : [])).sort((a, b) => atOrder(a.at, b.at));
  let j = 0;
  before.known.forEach((e, i) => {
    if (events.has(e.key)) return;
    const at = before.knownAt![i]!;
    while (j < added.length && atOrder(added[j]!.at, at) < 0) known.push(added[j++]!);
    known.push({ e, at });
  });
  while (j < added.length) known.push(added[j++]!);
  const discussed = new Set(before.discussed.filter((k) => !events.has(k)));
  for (const [k, e] of entries) if (e?.discussed) discussed.add(k);
  // The default event: the only one discussed. A key that stays the only one without being touched was the default already.
  let def: EventName | null = null;
  let defNames: string[] = [];
  if (discussed.size === 1) {
    const key = [...discussed][0]!;
    const entry = entries.get(key);
    if (entry !== undefined) { def = entry.discussed!; defNames = entry.names; }
    else if (before.def?.key === key) { def = before.def; defNames = before.defNames; }
    else return null;
  }
  const nowContext: StoredContext = {
    v: CONTEXT_LAYOUT, known: known.map((k) => k.e), knownAt: known.map((k) => k.at), def, defNames,
    canonical, labels, discussed: [...discussed].sort(byText), exonyms: before.exonyms,
  };
  const part = (s: StoredContext): StoredContext => ({
    ...s,
    known: s.known.filter((e) => events.has(e.key)),
    canonical: s.canonical.filter(([k]) => now.has(k)),
    labels: s.labels.filter(([k]) => events.has(k)),
  });
  return { now: nowContext, beforePart: part(before), nowPart: part(nowContext), links };
}
