/** The reconciled record with curators' reviews applied, rebuilt when reviews came after it. */
import { reconcile } from '../pipeline/run/reconcile.js';
import type { ReconcileOptions, ReconcileSummary } from '../pipeline/run/reconcile.js';
import type { BuildInfo, ReconcileRecord } from '../pipeline/run/record.js';
import { buildInfo, loadRecord } from '../pipeline/run/record-rows.js';
import type { Store } from '../storage/store.js';
import { countAdjuster, dateAdjuster } from './adjust.js';

/** Reconcile with every current review applied, noting how many reviews there were. */
export async function reconcileReviewed(store: Store, opts: Omit<ReconcileOptions, 'adjust' | 'adjustDates' | 'reviews'> = {}): Promise<ReconcileSummary> {
  const [reviews, total] = await Promise.all([store.currentReviews(), reviewCount(store)]);
  const adjusters = reviews.length ? { adjust: countAdjuster(reviews), adjustDates: dateAdjuster(reviews) } : {};
  return reconcile(store, { ...opts, ...adjusters, reviews: total });
}

/** True when a build has every stored review applied (reviews are append-only, so their number is a version). */
export async function reviewsCurrent(store: Store, info: BuildInfo | null): Promise<boolean> {
  return info !== null && info.reviews === (await reviewCount(store));
}

/** The stored record when it is current with the reviews, else a fresh one. */
export async function reviewedRecord(store: Store): Promise<ReconcileRecord> {
  if (!(await reviewsCurrent(store, await buildInfo(store)))) await reconcileReviewed(store);
  return (await loadRecord(store))!;
}

async function reviewCount(store: Store): Promise<number> {
  return (await store.listReviews({ limit: 1 })).total;
}
