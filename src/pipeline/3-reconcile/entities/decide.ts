/**
 * Curators' decisions on entity clusters, laid over the clusters the names make: a merge joins
 * the cluster of one name to that of another, a split takes one spelling out on its own. They
 * apply in the order made, so a later decision undoes an earlier one (a split after a merge).
 */
import type { AliasLink } from '../types.js';

/** One decision on names (spellings as the clusters list them). */
export type NameDecision =
  | { decision: 'merge'; name: string; into: string }
  | { decision: 'split'; name: string };

/**
 * Applies `decisions` in order to `members` (cluster id → its spellings), in place; decisions on
 * spellings no cluster has are passed over. Returns the links the merges made, for the clusters'
 * "joined because".
 */
export function applyNameDecisions<T extends { name: string }>(members: Map<string, T[]>, decisions: readonly NameDecision[]): AliasLink[] {
  const clusterOf = new Map<string, string>();
  for (const [id, names] of members) for (const n of names) clusterOf.set(n.name, id);
  const links: AliasLink[] = [];
  const linked = new Set<string>();
  decisions.forEach((d, i) => {
    const from = clusterOf.get(d.name);
    if (from === undefined) return;
    if (d.decision === 'merge') {
      const to = clusterOf.get(d.into);
      if (to === undefined || to === from) return;
      const moved = members.get(from)!;
      members.get(to)!.push(...moved);
      for (const n of moved) clusterOf.set(n.name, to);
      members.delete(from);
      // A merge made again after a split is the same link.
      if (!linked.has(`${d.into}\t${d.name}`)) links.push({ a: d.into, b: d.name, why: 'merged by a curator' });
      linked.add(`${d.into}\t${d.name}`);
      return;
    }
    const names = members.get(from)!;
    if (names.length < 2) return;
    const at = names.findIndex((n) => n.name === d.name);
    const [alone] = names.splice(at, 1);
    // Ids of split-off spellings cannot meet a folded key: those never hold a control character.
    const id = `\u0000split ${i}`;
    members.set(id, [alone!]);
    clusterOf.set(d.name, id);
  });
  return links;
}
