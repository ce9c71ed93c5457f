/** Which reports the reviews stored since a build change: those where an item now reads otherwise. */
import type { Review, Store } from '../../storage/store.js';

const PAGE = 1000;

/**
 * What an item reads as after its latest review: a confirmation reads as the extraction (as no
 * review does), a rejection as nothing, a correction as its corrected value.
 */
function effect(r: Review | undefined): string {
  if (r === undefined || r.action === 'confirm') return 'extracted';
  if (r.action === 'reject') return 'rejected';
  return `corrected ${JSON.stringify(r.corrected)}`;
}

/**
 * Of the reports with reviews among the stored reviews `from` to `to` (reviews are appended, never
 * changed, so their number is a version), the ones where some item's latest review now makes it
 * read otherwise than before `from`. Confirming what was extracted, or correcting an
 * item to what it was corrected to before, changes no figure, check or timeline entry: the build
 * need not read the report's incidents and dates for it.
 */
export async function reviewedSince(store: Store, from: number, to: number): Promise<Set<string>> {
  const since: Review[] = [];
  for (let offset = from; offset < to; offset += PAGE) {
    const page = await store.listReviews({ offset, limit: Math.min(PAGE, to - offset) });
    since.push(...page.items);
    if (page.items.length === 0 || offset + PAGE >= page.total) break;
  }
  const reviewed = new Set(since.map((r) => r.documentId));
  const changed = new Set<string>();
  if (since.length === 0) return changed;
  const first = Math.min(...since.map((r) => r.id));
  const last = Math.max(...since.map((r) => r.id));
  for (const doc of reviewed) {
    const before = new Map<string, Review>();
    const after = new Map<string, Review>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.listReviews({ documentId: doc, offset, limit: PAGE });
      for (const r of page.items) {
        if (r.id < first) before.set(r.key, r);
        if (r.id <= last) after.set(r.key, r);
      }
      if (offset + PAGE >= page.total) break;
    }
    for (const [key, r] of after) {
      if (r.id >= first && effect(before.get(key)) !== effect(r)) { changed.add(doc); break; }
    }
  }
  return changed;
}
