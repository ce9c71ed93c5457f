/**
 * Source groups and the shared passages a build needs, without reading every pair or every
 * report's group when it can help it. A build that only adds reports (no report gone, no
 * curator's decision since the last build) joins the stored groups by the pairs it found,
 * reading only the groups those pairs touch, and reads the passages of the reports it works
 * on only; any other build groups every stored pair again, as a full one does.
 */
import type { Store, StoredRow } from '../../storage/store.js';
import type { SourceGroupsResult, SourcePair } from '../3-reconcile/types.js';
import { judgePair, resolveThresholds } from '../3-reconcile/sources/groups.js';
import { applyDecisions, decisionKey, type SourceDecision } from './source-decisions.js';
import type { GroupScope } from './record-rows.js';
import { pairOf, SETS } from './record.js';
import type { PackedPair } from './record.js';
import type { Roster } from './roster.js';

/** The build's source groups, and how to read the pairs whose passages speak for some reports. */
export interface SourceScope {
  /**
   * The groups to write (every group, or on a joined build those that changed) and their
   * reports' groups (every report's, or those of the changed groups), with the pairs to review.
   */
  grouped: SourceGroupsResult;
  /** The reports whose group changed since the last build and the groups that did (null on a first or full build). */
  regrouped: (GroupScope & { gone: ReadonlySet<string> }) | null;
  /** Keys of stored pairs with a report no longer current (to drop), and those reports. */
  stale: string[];
  /** The pairs (decided independent left out) between two of these reports, in the order found. */
  pairsOf: (docs: readonly string[]) => Promise<SourcePair[]>;
  /** The group of each of these reports. */
  groupsOf: (docs: readonly string[]) => Promise<Record<string, string>>;
  /**
   * Keys of the stored pairs to review that are to go, when `grouped.possible` holds only the
   * pairs to add (a joined build); null when it holds every pair to review.
   */
  possibleGone: string[] | null;
}

/** Reads the rows of a set by keys, 500 at a time. */
async function byKeys<T>(store: Store, set: string, keys: readonly string[]): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for (let i = 0; i < keys.length; i += 500) for (const r of await store.getRows<T>(set, { keys: keys.slice(i, i + 500) })) out.set(r.key, r.data);
  return out;
}

/**
 * `found`: the pairs this build compared; `added`: the reports new since the last build;
 * `joinOnly`: the build only adds reports (not a first or full build, none gone, no new
 * decision), so the stored groups are joined by the new pairs; else every pair is grouped again
 * (`first`: there is no last build to compare the groups with).
 */
export async function sourceScope(store: Store, roster: Roster, found: readonly SourcePair[], added: readonly string[], decisions: ReadonlyMap<string, SourceDecision>, mode: 'first' | 'regroup' | 'join'): Promise<SourceScope> {
  const pairDocs = await roster.current(found.flatMap((p) => [p.a, p.b]));
  const live = new Set(pairDocs);
  const stale = found.filter((p) => !live.has(p.a) || !live.has(p.b)).map((p) => `${p.a}\t${p.b}`);
  const speaks = (p: SourcePair) => roster.has(p.a) && roster.has(p.b) && decisions.get(decisionKey(p.a, p.b))?.decision !== 'independent';
  if (mode !== 'join') return whole(store, roster, decisions, speaks, mode === 'first');
  const grouped = await joined(store, roster, added, found.filter((p) => live.has(p.a) && live.has(p.b)), decisions);
  return {
    ...grouped,
    stale,
    pairsOf: async (docs) => {
      // Only pairs within the reports read: a passage shared with a report outside them joins no
      // count of the incidents being rebuilt, since every report of those incidents is read.
      // Read by the first report, the second told here: a query of both lists (thousands of reports) cost 36 ms at 100k.
      const rows: Array<StoredRow<PackedPair | SourcePair>> = [];
      const read = new Set(docs);
      for (let i = 0; i < docs.length; i += 500) {
        for (const r of await store.getRows<PackedPair | SourcePair>(SETS.pairs, { groups: docs.slice(i, i + 500) })) if (read.has(r.tag!)) rows.push(r);
      }
      return rows.sort((a, b) => a.ord - b.ord).map(pairOf).filter(speaks);
    },
  };
}

/** Every stored pair grouped again, with the decisions applied; the change against the stored groups unless `first`. */
async function whole(store: Store, roster: Roster, decisions: ReadonlyMap<string, SourceDecision>, speaks: (p: SourcePair) => boolean, first: boolean): Promise<SourceScope> {
  const ids = await roster.all();
  const stored = (await store.getRows<PackedPair | SourcePair>(SETS.pairs)).map((r) => ({ key: r.key, pair: pairOf(r) }));
  const pairs = stored.map((r) => r.pair).filter((p) => roster.has(p.a) && roster.has(p.b));
  const { grouped, lookupPairs } = applyDecisions([...ids], pairs, decisions);
  const stale = stored.filter((r) => !roster.has(r.pair.a) || !roster.has(r.pair.b)).map((r) => r.key);
  const regrouped = first ? null : regroupedSince(new Map((await store.getRows<string>(SETS.docGroup)).map((r) => [r.key, r.data])), ids, grouped.groupOf);
  return { grouped, regrouped, stale, pairsOf: async () => lookupPairs.filter(speaks), groupsOf: async () => grouped.groupOf, possibleGone: null };
}

/**
 * The reports whose source group changed (new, joined, split, removed) and the groups whose
 * members did, against the stored `doc-group` rows; `gone`: the reports no longer current.
 */
function regroupedSince(before: ReadonlyMap<string, string>, ids: readonly string[], groupOf: Readonly<Record<string, string>>): GroupScope & { gone: Set<string> } {
  const current = new Set(ids);
  const docs = new Set<string>();
  const groups = new Set<string>();
  for (const id of ids) {
    const was = before.get(id);
    if (was === groupOf[id]) continue;
    docs.add(id);
    groups.add(groupOf[id]!);
    if (was !== undefined) groups.add(was);
  }
  const gone = new Set<string>();
  for (const [id, was] of before) if (!current.has(id)) { docs.add(id); groups.add(was); gone.add(id); }
  return { docs, groups, gone };
}

/**
 * The stored groups joined by new pairs, as grouping every pair again gives them: a group's id
 * is its earliest report; pairs between the thresholds stay listed for review while their
 * reports are in different groups. Reads the groups of the pairs' reports and the members of
 * the groups that change, nothing else.
 */
async function joined(store: Store, roster: Roster, added: readonly string[], pairs: readonly SourcePair[], decisions: ReadonlyMap<string, SourceDecision>): Promise<Pick<SourceScope, 'grouped' | 'regrouped' | 'groupsOf' | 'possibleGone'>> {
  const thresholds = resolveThresholds();
  const fresh = new Set(added);
  const storedGroup = await byKeys<string>(store, SETS.docGroup, [...new Set(pairs.flatMap((p) => [p.a, p.b]))].filter((d) => !fresh.has(d)));
  await roster.current(storedGroup.values());
  const parent = new Map<string, string>();
  const find = (g: string): string => {
    let r = g;
    while (parent.has(r)) r = parent.get(r)!;
    if (r !== g) parent.set(g, r);
    return r;
  };
  const groupOfDoc = (id: string) => find(storedGroup.get(id) ?? id);
  const review: SourcePair[] = [];
  for (const p of pairs) {
    // A decision on a pair found only now (made before the pair was, as a full rebuild finds it
    // again) holds as when every pair is grouped: the same joins, independent does not.
    const decided = decisions.get(decisionKey(p.a, p.b))?.decision;
    if (decided === 'independent') continue;
    const judgement = decided === 'same' ? 'same' : judgePair(p, thresholds);
    if (judgement === 'possibly-same') review.push(p);
    if (judgement !== 'same') continue;
    const x = groupOfDoc(p.a);
    const y = groupOfDoc(p.b);
    if (x === y) continue;
    if (roster.orderOf(x) < roster.orderOf(y)) parent.set(y, x);
    else parent.set(x, y);
  }
  // The groups that change: every group absorbed into another, the one absorbing it, and each new report's.
  const absorbed = [...parent.keys()].filter((g) => !fresh.has(g));
  const roots = new Set([...absorbed.map(find), ...added.map(groupOfDoc)]);
  const oldMembers = await byKeys<string[]>(store, SETS.groups, [...new Set([...absorbed, ...roots])].filter((g) => !fresh.has(g)));
  const members = new Map<string, string[]>([...roots].map((g) => [g, []]));
  for (const [g, list] of oldMembers) members.get(find(g))!.push(...list);
  for (const id of added) members.get(groupOfDoc(id))!.push(id);
  const groupOf: Record<string, string> = {};
  const docs = new Set<string>(added);
  for (const g of absorbed) for (const d of oldMembers.get(g) ?? []) docs.add(d);
  for (const [g, list] of members) {
    const sorted = await roster.current(list);
    members.set(g, sorted);
    for (const d of sorted) groupOf[d] = g;
  }
  const groupsOf = async (list: readonly string[]): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    const rest = list.filter((d) => { const g = groupOf[d]; if (g !== undefined) out[d] = g; return g === undefined; });
    const stored = await byKeys<string>(store, SETS.docGroup, rest);
    for (const d of rest) out[d] = stored.get(d) ?? d;
    return out;
  };
  // A stored pair to review goes when its reports now share a group: only one whose report moved can.
  const moved = [...docs].filter((d) => !fresh.has(d));
  const storedReview = new Map<string, SourcePair>();
  for (let i = 0; i < moved.length; i += 500) {
    const slice = moved.slice(i, i + 500);
    for (const r of [...await store.getRows<SourcePair>(SETS.possible, { groups: slice }), ...await store.getRows<SourcePair>(SETS.possible, { tags: slice })]) storedReview.set(r.key, r.data);
  }
  const groupsOfReview = await groupsOf([...new Set([...review, ...storedReview.values()].flatMap((p) => [p.a, p.b]))]);
  const apart = (p: SourcePair) => groupsOfReview[p.a] !== groupsOfReview[p.b];
  return {
    grouped: { groups: [...members.values()], groupOf, possible: review.filter(apart) },
    regrouped: { docs, groups: new Set([...absorbed, ...roots]), gone: new Set() },
    groupsOf,
    possibleGone: [...storedReview].filter(([, p]) => !apart(p)).map(([k]) => k),
  };
}
