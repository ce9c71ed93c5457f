/** Current reviews looked up by the counts reconciliation used (which may carry a corrected measure). */
import type { Count } from '../../domain/types.js';
import type { Review } from '../../storage/store.js';
import type { ReviewStatus } from '../api-types.js';

/** The status a review gives its item. */
export function statusOf(review: Review | null | undefined): ReviewStatus {
  if (!review) return 'extracted';
  return review.action === 'confirm' ? 'confirmed' : review.action === 'reject' ? 'rejected' : 'corrected';
}

/** Latest count reviews by report and span. */
export class ReviewIndex {
  private readonly bySpan = new Map<string, Review[]>();

  constructor(current: readonly Review[]) {
    for (const r of current) {
      if (r.kind !== 'count') continue;
      const k = `${r.documentId}\n${r.span.start}-${r.span.end}`;
      this.bySpan.set(k, [...(this.bySpan.get(k) ?? []), r]);
    }
  }

  /**
   * The review behind a reconciled count: same report and span, and the measure the review left
   * it with (a correction may have changed it from the extracted one the review is keyed by).
   */
  forCount(doc: string, count: Pick<Count, 'span' | 'measure'>): Review | null {
    const list = this.bySpan.get(`${doc}\n${count.span.start}-${count.span.end}`) ?? [];
    return list.find((r) => ((r.corrected as { measure?: string } | null)?.measure ?? r.item) === count.measure) ?? null;
  }
}
