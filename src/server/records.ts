/** The reconciled record as the routes read it: reviews applied, indexed, one build at a time. */
import { createHash } from 'node:crypto';
import type { Figure, FigureKey } from '../pipeline/3-reconcile/types.js';
import type { ReconcileRecord } from '../pipeline/run/record.js';
import { buildInfo, loadRecord } from '../pipeline/run/record-rows.js';
import { reconcileReviewed, reviewsCurrent } from '../review/reconcile.js';
import type { Store } from '../storage/store.js';
import type { DocumentLabel } from './api-types.js';

/** A record with what the routes look up in it. */
export interface RecordView {
  record: ReconcileRecord;
  /** Figure ids, parallel to `record.figures`. */
  ids: string[];
  byId: Map<string, Figure>;
  /** `countRefKey` → the id of the figure the count is in. */
  figureOfCount: Map<string, string>;
  /** Every stored document's label. */
  label(id: string): DocumentLabel;
  /** The id of a report's source group (the report itself when it stands alone). */
  groupOf(id: string): string;
}

/** A figure's id: a short hash of its key, stable for as long as the key is. */
export function figureId(key: FigureKey): string {
  return createHash('sha256').update(JSON.stringify([key.event, key.measure, key.group, key.unit])).digest('base64url').slice(0, 16);
}

/** The key that links a count in one report to its figure and its checks. */
export function countRefKey(doc: string, count: { span: { start: number; end: number }; measure: string }): string {
  return `${doc}\n${count.span.start}-${count.span.end}\n${count.measure}`;
}

/** Every stored document's label, a page at a time. */
async function loadLabels(store: Store): Promise<Map<string, DocumentLabel>> {
  const labels = new Map<string, DocumentLabel>();
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ limit: 1000, offset });
    for (const d of page.items) {
      labels.set(d.id, { id: d.id, name: d.name, title: d.meta.title ?? null, publisher: d.meta.publisher ?? null, published: d.meta.published ?? null });
    }
    if (offset + 1000 >= page.total) return labels;
  }
}

/** Indexes a record. */
async function index(store: Store, record: ReconcileRecord): Promise<RecordView> {
  const labels = await loadLabels(store);
  const ids = record.figures.map((f) => figureId(f.key));
  const byId = new Map(record.figures.map((f, i) => [ids[i]!, f]));
  const figureOfCount = new Map<string, string>();
  record.figures.forEach((f, i) => {
    for (const v of f.values) for (const c of v.counts) figureOfCount.set(countRefKey(c.doc, c.count), ids[i]!);
  });
  return {
    record, ids, byId, figureOfCount,
    label: (id) => labels.get(id) ?? { id, name: id, title: null, publisher: null, published: null },
    groupOf: (id) => record.sources.groupOf[id] ?? id,
  };
}

/**
 * Hands out the record. Builds run one at a time (a review's rebuild and a first read's build
 * must not both reconcile). The parsed, indexed record is kept while the stored one's stamp
 * stays the same: a large record costs far more to parse than a request should.
 */
export class RecordSource {
  private queue: Promise<unknown> = Promise.resolve();
  private cached: { view: RecordView; stamp: string | null } | null = null;

  constructor(private readonly store: Store) {}

  /** The current record, built (with reviews applied) when none is stored or reviews came since. */
  get(): Promise<RecordView> {
    return this.serial(async () => {
      // The build's info row is its stamp: a build landing after it is read changes it for the next request.
      const info = await buildInfo(this.store);
      const stamp = info === null ? null : `${info.builtAt} ${info.reviews}`;
      const cached = this.cached;
      if (cached && stamp !== null && cached.stamp === stamp && (await reviewsCurrent(this.store, info))) return cached.view;
      const stored = stamp === null || !(await reviewsCurrent(this.store, info)) ? null : await loadRecord(this.store);
      if (stored !== null) return this.remember(stored, stamp);
      return this.rebuildNow();
    });
  }

  /** Reconcile again (after a review) and return the new record. */
  rebuild(): Promise<RecordView> {
    return this.serial(() => this.rebuildNow());
  }

  private async rebuildNow(): Promise<RecordView> {
    const record = await reconcileReviewed(this.store);
    const info = await buildInfo(this.store);
    return this.remember(record, info === null ? null : `${info.builtAt} ${info.reviews}`);
  }

  private async remember(record: ReconcileRecord, stamp: string | null): Promise<RecordView> {
    this.cached = { view: await index(this.store, record), stamp };
    return this.cached.view;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
