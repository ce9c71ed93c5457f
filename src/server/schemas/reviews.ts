/** Schemas of reviews, the audit log and the review request. */
import { any, arr, bool, int, nullable, obj, oneOf, str } from './build.js';
import { MEASURES, reviewStatus, span } from './common.js';

/** CountCorrection. */
export const countCorrection = obj({
  measure: oneOf(MEASURES), group: str({ minLength: 1, maxLength: 100 }), unit: oneOf(['people', 'families']),
  subject: str({ minLength: 1, maxLength: 200 }), min: nullable(int({ minimum: 0 })), max: nullable(int({ minimum: 0 })), approximate: bool(),
}, ['measure', 'group', 'unit', 'subject', 'min', 'max', 'approximate'], { minProperties: 1 });
/** DateCorrection. */
export const dateCorrection = obj({ value: str({ minLength: 1, maxLength: 100 }) });

/** Review. */
export const review = obj({
  id: int(), documentId: str(), kind: oneOf(['count', 'date']), span, item: str(), key: str(),
  action: oneOf(['confirm', 'reject', 'correct']), corrected: nullable({ anyOf: [dateCorrection, countCorrection] }),
  reason: str(), reviewer: str(), createdAt: str(),
});

/** AuditEntry. */
export const auditEntry = obj({
  id: int(), at: str(), who: str(), action: str(), target: str(),
  before: any('The state before (a ReviewState for review actions)'), after: any('The state after'), reason: nullable(str()),
});

/** ReviewState (documented; audit entries carry it as before/after). */
export const reviewState = obj({ status: reviewStatus, value: any('Count, DateMention or null') });

/** ReviewRequest. */
export const reviewRequest = obj({
  documentId: str({ minLength: 1, maxLength: 200 }),
  kind: oneOf(['count', 'date']),
  span,
  measure: oneOf(MEASURES),
  value: str({ minLength: 1, maxLength: 100 }),
  action: oneOf(['confirm', 'reject', 'correct']),
  corrected: { anyOf: [dateCorrection, countCorrection] },
  reason: str({ minLength: 1, maxLength: 2000 }),
}, ['measure', 'value', 'corrected']);

/** A page of `items`. */
export function page(items: Record<string, unknown>) {
  return obj({ total: int(), limit: int(), offset: int(), items: arr(items) });
}
