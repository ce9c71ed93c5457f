/**
 * Source groups and the shared passages a build needs, without reading every pair when it can
 * help it. A build that only adds reports (no report gone, no curator's decision since the last
 * build) joins the stored groups by the pairs it found, and reads the passages of the reports
 * it works on only; any other build groups every stored pair again, as a full one does.
 */
import type { Store } from '../../storage/store.js';
import type { SourceGroupsResult, SourcePair } from '../3-reconcile/types.js';
import { judgePair, resolveThresholds } from '../3-reconcile/sources/groups.js';
import { applyDecisions, decisionKey, sourceDecisions, type SourceDecision } from './source-decisions.js';
import type { BuildInfo } from './record.js';
import { SETS } from './record.js';

/** The build's source groups, and how to read the pairs whose passages speak for some reports. */
export interface SourceScope {
  grouped: SourceGroupsResult;
  /** Reports of decisions made since the last build (all of them on a first), whose figures change. */
  decidedDocs: string[];
  /** Keys of stored pairs with a report no longer current (to drop), and those reports. */
  stale: string[];
  /** The pairs (decided independent left out) between two of these reports, in the order found. */
  pairsOf: (docs: readonly string[]) => Promise<SourcePair[]>;
}

/**
 * `ids`: the current reports in ingestion order; `docGroups` the stored report → group rows;
 * `found` the pairs this build compared; `prev` the last build (null on a first or full one);
 * `gone` whether a report it covered is no longer current (every pair is grouped again); `orderOf` a report's ingestion order.
 */
export async function sourceScope(store: Store, ids: readonly string[], docGroups: ReadonlyMap<string, string>, found: readonly SourcePair[], prev: BuildInfo | null, gone: boolean, orderOf: ReadonlyMap<string, number>): Promise<SourceScope> {
  const decisions = await sourceDecisions(store);
  const decidedDocs = [...decisions.values()].filter((d) => prev === null || d.at >= prev.builtAt).flatMap((d) => [d.a, d.b]);
  const current = new Set(ids);
  const speaks = (p: SourcePair) => current.has(p.a) && current.has(p.b) && decisions.get(decisionKey(p.a, p.b))?.decision !== 'independent';
  if (prev === null || gone || decidedDocs.length > 0) return whole(store, ids, decisions, decidedDocs, speaks);
  return {
    grouped: joined(ids, docGroups, found.filter((p) => current.has(p.a) && current.has(p.b)), await store.getRows<SourcePair>(SETS.possible), orderOf),
    decidedDocs,
    stale: found.filter((p) => !current.has(p.a) || !current.has(p.b)).map((p) => `${p.a}\t${p.b}`),
    pairsOf: async (docs) => {
      // Only pairs within the reports read: a passage shared with a report outside them joins no
      // count of the incidents being rebuilt, since every report of those incidents is read.
      const rows: Array<{ ord: number; data: SourcePair }> = [];
      for (let i = 0; i < docs.length; i += 500) rows.push(...await store.getRows<SourcePair>(SETS.pairs, { groups: docs.slice(i, i + 500), tags: docs }));
      return rows.sort((a, b) => a.ord - b.ord).map((r) => r.data).filter(speaks);
    },
  };
}

/** Every stored pair grouped again, with the decisions applied. */
async function whole(store: Store, ids: readonly string[], decisions: ReadonlyMap<string, SourceDecision>, decidedDocs: string[], speaks: (p: SourcePair) => boolean): Promise<SourceScope> {
  const current = new Set(ids);
  const stored = await store.getRows<SourcePair>(SETS.pairs);
  const pairs = stored.map((r) => r.data).filter((p) => current.has(p.a) && current.has(p.b));
  const { grouped, lookupPairs } = applyDecisions([...ids], pairs, decisions);
  const stale = stored.filter((r) => !current.has(r.data.a) || !current.has(r.data.b)).map((r) => r.key);
  return { grouped, decidedDocs, stale, pairsOf: async () => lookupPairs.filter(speaks) };
}

/**
 * The stored groups joined by new pairs, as grouping every pair again gives them: a group's id
 * is its earliest report; pairs between the thresholds stay listed for review while their
 * reports are in different groups.
 */
function joined(ids: readonly string[], docGroups: ReadonlyMap<string, string>, added: readonly SourcePair[], possible: ReadonlyArray<{ data: SourcePair }>, orderOf: ReadonlyMap<string, number>): SourceGroupsResult {
  const thresholds = resolveThresholds();
  const parent = new Map<string, string>();
  const find = (g: string): string => {
    let r = g;
    while (parent.has(r)) r = parent.get(r)!;
    if (r !== g) parent.set(g, r);
    return r;
  };
  const groupOfDoc = (id: string) => find(docGroups.get(id) ?? id);
  const review: SourcePair[] = possible.map((r) => r.data);
  for (const p of added) {
    const judgement = judgePair(p, thresholds);
    if (judgement === 'possibly-same') review.push(p);
    if (judgement !== 'same') continue;
    const x = groupOfDoc(p.a);
    const y = groupOfDoc(p.b);
    if (x === y) continue;
    if ((orderOf.get(x) ?? 0) < (orderOf.get(y) ?? 0)) parent.set(y, x);
    else parent.set(x, y);
  }
  const groupOf: Record<string, string> = {};
  const members = new Map<string, string[]>();
  for (const id of ids) {
    const g = groupOfDoc(id);
    groupOf[id] = g;
    const list = members.get(g);
    if (list === undefined) members.set(g, [id]);
    else list.push(id);
  }
  return { groups: [...members.values()], groupOf, possible: review.filter((p) => groupOf[p.a] !== groupOf[p.b]) };
}
