/** The reconciled record with curators' reviews applied, rebuilt when reviews came after it. */
import { reconcile } from '../pipeline/run/reconcile.js';
import type { ReconcileOptions } from '../pipeline/run/reconcile.js';
import { RECONCILE_KEY } from '../pipeline/run/record.js';
import type { ReconcileRecord } from '../pipeline/run/record.js';
import type { Store } from '../storage/store.js';
import { countAdjuster, dateAdjuster } from './adjust.js';

/** Record key noting which record was built with which reviews applied. */
export const REVIEWS_APPLIED_KEY = 'reviews-applied';

/** What `REVIEWS_APPLIED_KEY` holds. */
interface ReviewsApplied {
  builtAt: string;
  /** Reviews stored when it was built: reviews are append-only, so the number is a version. */
  reviews: number;
}

/** Reconcile with every current review applied, and note that it was. */
export async function reconcileReviewed(store: Store, opts: Omit<ReconcileOptions, 'adjust' | 'adjustDates'> = {}): Promise<ReconcileRecord> {
  const [reviews, total] = await Promise.all([store.currentReviews(), reviewCount(store)]);
  const adjusters = reviews.length ? { adjust: countAdjuster(reviews), adjustDates: dateAdjuster(reviews) } : {};
  const record = await reconcile(store, { ...opts, ...adjusters });
  await store.putRecords({ [REVIEWS_APPLIED_KEY]: { builtAt: record.builtAt, reviews: total } satisfies ReviewsApplied });
  return record;
}

/**
 * True when `record` has every stored review applied. A record built elsewhere without the
 * reviews (by an ingest, say) is not, once any review exists.
 */
export async function reviewsCurrent(store: Store, record: Pick<ReconcileRecord, 'builtAt'>): Promise<boolean> {
  const total = await reviewCount(store);
  if (total === 0) return true;
  const applied = await store.getRecord<ReviewsApplied>(REVIEWS_APPLIED_KEY);
  return applied?.builtAt === record.builtAt && applied.reviews === total;
}

/** The stored record when it is current with the reviews, else a fresh one. */
export async function reviewedRecord(store: Store): Promise<ReconcileRecord> {
  const record = await store.getRecord<ReconcileRecord>(RECONCILE_KEY);
  if (record !== null && (await reviewsCurrent(store, record))) return record;
  return reconcileReviewed(store);
}

async function reviewCount(store: Store): Promise<number> {
  return (await store.listReviews({ limit: 1 })).total;
}
