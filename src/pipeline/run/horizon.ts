/**
 * The store as it stood when a report was the last one stored: reports ingested after
 * `upTo` (an ingestion order) are not there. A first or full build goes through a large
 * archive in steps, each an incremental build over the next stretch of reports, so that it
 * holds one stretch and the incidents it touches in memory, never the whole archive.
 */
import type { DerivedQuery, Store, StoredDerived } from '../../storage/store.js';

/** A view of `store` without the reports ingested after `upTo`; everything else is the store itself. */
export function upTo(store: Store, upTo: number): Store {
  const seqOf = new Map<string, number>();
  const within = async (ids: string[]): Promise<string[]> => {
    const unknown = ids.filter((id) => !seqOf.has(id));
    if (unknown.length) for await (const x of store.allDerived([], { ids: unknown, extraction: false })) seqOf.set(x.id, x.order);
    return ids.filter((id) => (seqOf.get(id) ?? Infinity) <= upTo);
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'allDerived') {
        return async function* (parts: readonly string[], query: DerivedQuery = {}): AsyncIterable<StoredDerived> {
          for await (const x of target.allDerived(parts, query)) {
            // In ingestion order: past the horizon, so is the rest (of a listing, or of a page of ids).
            if (x.order > upTo) { if (query.ids === undefined) return; continue; }
            yield x;
          }
        };
      }
      if (prop === 'unpaired') return async (limit: number) => target.unpaired(limit, upTo);
      if (prop === 'underived') return async (limit: number, after?: number) => within(await target.underived(limit, after));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
