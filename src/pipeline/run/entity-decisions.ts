/**
 * Curators' decisions on entity clusters: merge the cluster of one name into another's, or split
 * a spelling out on its own. Every decision is kept, in the order made, and reconcile lays them
 * over the clusters the names make (see applyNameDecisions), so a later one undoes an earlier.
 */
import { randomUUID } from 'node:crypto';
import type { NameDecision } from '../3-reconcile/index.js';
import type { Store } from '../../storage/store.js';

/** The row set of decisions: ord the time made (ms), key `<at> <random>`; data `EntityDecision`. */
export const ENTITY_DECISIONS_SET = 'entity-decisions';

/** One decision with who made it, when and why; `from` is the canonical name a split spelling left. */
export type EntityDecision = NameDecision & { from?: string; by: string; at: string; reason: string };

/** Every decision, oldest first. */
export async function entityDecisions(store: Store): Promise<EntityDecision[]> {
  return (await store.getRows<EntityDecision>(ENTITY_DECISIONS_SET)).map((r) => r.data);
}

/** Stores a decision after the others. */
export async function putEntityDecision(store: Store, decision: EntityDecision): Promise<void> {
  await store.putRows([{ set: ENTITY_DECISIONS_SET, rows: [{ key: `${decision.at} ${randomUUID()}`, ord: Date.parse(decision.at), data: decision }] }]);
}
