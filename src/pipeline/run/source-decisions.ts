/**
 * Curators' decisions on pairs of reports: "the same source" or "independent". Read and applied
 * where source groups are built: a pair decided the same joins one group whatever its share of
 * text; a pair decided independent joins nothing, and its shared passages no longer make their
 * counts one source. Decided pairs leave the "possibly the same source" list.
 */
import type { Store } from '../../storage/store.js';
import { groupSources } from '../3-reconcile/sources/groups.js';
import type { SourceGroupsResult, SourcePair } from '../3-reconcile/types.js';

/** The row set of decisions: key `a\tb` (the pair's key, as in SETS.pairs); data `SourceDecision`. */
export const SOURCE_DECISIONS_SET = 'source-decisions';

/** One decision on a pair (the latest of each pair applies). */
export interface SourceDecision {
  a: string;
  b: string;
  decision: 'same' | 'independent';
  by: string;
  at: string;
  reason: string;
}

/** The key of the pair of `a` and `b` (in the order the pair was found). */
export const decisionKey = (a: string, b: string): string => `${a}\t${b}`;

/** Source groups with the decisions applied, the pairs whose passages still speak for sameness, and the decided pairs. */
export function applyDecisions(ids: string[], pairs: readonly SourcePair[], decisions: ReadonlyMap<string, SourceDecision>): { grouped: SourceGroupsResult; lookupPairs: SourcePair[] } {
  const decided = (p: SourcePair) => decisions.get(decisionKey(p.a, p.b));
  const lookupPairs = pairs.filter((p) => decided(p)?.decision !== 'independent');
  // A pair decided the same is grouped as a whole copy would be; its stored shares stay as measured.
  const forGroups = lookupPairs.map((p) => (decided(p)?.decision === 'same' ? { ...p, containmentA: 1, containmentB: 1 } : p));
  const grouped = groupSources(ids, forGroups);
  return { grouped: { ...grouped, possible: grouped.possible.filter((p) => !decided(p)) }, lookupPairs };
}

/** Every decision, by pair key. */
export async function sourceDecisions(store: Store): Promise<Map<string, SourceDecision>> {
  return new Map((await store.getRows<SourceDecision>(SOURCE_DECISIONS_SET)).map((r) => [r.key, r.data]));
}
