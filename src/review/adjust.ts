/** Curators' reviews as adjusters: what reconciliation applies to each report's counts and dates. */
import type { Count, DateMention } from '../domain/types.js';
import type { CountAdjuster, DateAdjuster } from '../pipeline/run/record.js';
import { countKey, dateKey, reviewedValue } from '../storage/review-items.js';
import type { Review } from '../storage/store.js';

/**
 * Items of one kind after their latest review (reviews oldest first; the latest of an item wins):
 * a rejected item becomes null, a corrected one a corrected copy (same span and quote), the rest stay.
 */
function adjuster<T extends Count | DateMention>(reviews: readonly Review[], kind: Review['kind'], keyOf: (item: T) => string) {
  const latest = new Map<string, Review>();
  for (const r of reviews) if (r.kind === kind) latest.set(`${r.documentId}\n${r.key}`, r);
  return (docId: string, items: readonly T[]): Array<T | null> => items.map((item) => {
    const review = latest.get(`${docId}\n${keyOf(item)}`);
    return review === undefined ? item : reviewedValue(item, review);
  });
}

/** Reviews of counts as a CountAdjuster. */
export function countAdjuster(reviews: readonly Review[]): CountAdjuster {
  return adjuster<Count>(reviews, 'count', countKey);
}

/** Reviews of dates as a DateAdjuster: a corrected date goes into the timeline at its corrected value. */
export function dateAdjuster(reviews: readonly Review[]): DateAdjuster {
  return adjuster<DateMention>(reviews, 'date', dateKey);
}
