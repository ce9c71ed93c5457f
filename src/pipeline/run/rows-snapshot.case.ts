/** The reconciled rows as a reader sees them, for comparing two builds row for row. */
import type { Store } from '../../storage/store.js';
import { LINK_SETS, SETS } from './record.js';

/**
 * Every reconciled row a reader sees, in order (positions are only an order), the build's time
 * left out; the sets that only steer the next build (assignments, key words, counters, the timeline's index) too.
 */
export async function rowsSnapshot(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const set of Object.values(SETS)) {
    if (set === SETS.assign || set === SETS.keyDocs || set === SETS.counters || set === SETS.timelineOrder || set === SETS.entryWords) continue;
    if (LINK_SETS.has(set)) { out[set] = await store.getLinks(set); continue; }
    const rows = await store.getRows(set);
    out[set] = rows.map(({ ord: _ord, ...r }) => (set === SETS.info ? { ...r, data: { ...(r.data as object), builtAt: null } } : r));
  }
  return out;
}
