/** Curators' reviews as a CountAdjuster: what reconciliation applies to each report's counts. */
import type { Count } from '../domain/types.js';
import type { CountAdjuster } from '../pipeline/run/record.js';
import { countKey, reviewedValue } from '../storage/review-items.js';
import type { Review } from '../storage/store.js';

/**
 * An adjuster from reviews (oldest first; the latest review of an item wins): a rejected count
 * becomes null, a corrected one a corrected copy (same span and quote), anything else stays.
 */
export function countAdjuster(reviews: readonly Review[]): CountAdjuster {
  const latest = new Map<string, Review>();
  for (const r of reviews) if (r.kind === 'count') latest.set(`${r.documentId}\n${r.key}`, r);
  return (docId, counts) => counts.map((c): Count | null => {
    const review = latest.get(`${docId}\n${countKey(c)}`);
    return review === undefined ? c : reviewedValue(c, review);
  });
}
