/** How a reviewed item is keyed and what value a review gives it: shared by every backend and by reconcile. */
import { createHash } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import { CASUALTY_MEASURES } from '../domain/types.js';
import type { Count, DateMention, Span } from '../domain/types.js';
import type { CountCorrection, DateCorrection, Review, ReviewInput, ReviewKind, ReviewState } from './review-types.js';

const MEASURES = new Set<string>([...CASUALTY_MEASURES, 'population', 'other']);
const COUNT_FIELDS = new Set(['measure', 'group', 'unit', 'subject', 'min', 'max', 'approximate']);

/**
 * The key of a reviewed item. Positions in the extraction change when a report is re-extracted;
 * the span and the measure (or date value) do not unless the item itself changed.
 */
export function reviewItemKey(kind: ReviewKind, span: Span, item: string): string {
  return `${kind}:${span.start}-${span.end}:${item}`;
}

/** The key an extracted count is reviewed under. */
export function countKey(c: Pick<Count, 'span' | 'measure'>): string {
  return reviewItemKey('count', c.span, c.measure);
}

/** The key an extracted date is reviewed under. */
export function dateKey(d: Pick<DateMention, 'span' | 'value'>): string {
  return reviewItemKey('date', d.span, d.value);
}

/** The audit target of a reviewed item. */
export function reviewTarget(documentId: string, key: string): string {
  return `doc:${documentId}#${key}`;
}

/** A count's or date's value after a review: the extracted one, a corrected copy, or null when rejected. */
export function reviewedValue<T extends Count | DateMention>(extracted: T, review: Pick<Review, 'action' | 'corrected'> | null): T | null {
  if (review === null || review.action === 'confirm') return extracted;
  if (review.action === 'reject') return null;
  // The copy keeps the extracted span and quote: the correction sits beside the words, not over them.
  return { ...extracted, ...(review.corrected as object) };
}

/** Where an item stands after its latest review (or none). */
export function reviewState(extracted: Count | DateMention, review: Pick<Review, 'action' | 'corrected'> | null): ReviewState {
  const status = review === null ? 'extracted' : review.action === 'confirm' ? 'confirmed' : review.action === 'reject' ? 'rejected' : 'corrected';
  return { status, value: reviewedValue(extracted, review) };
}

/** Throws E_BAD_INPUT unless `corrected` fits the kind and action (shape only; EDTF is checked above storage). */
export function checkCorrection(kind: ReviewKind, action: string, corrected: unknown): CountCorrection | DateCorrection | null {
  if (action !== 'correct') {
    if (corrected !== undefined && corrected !== null) throw bad(`A ${action} takes no corrected value`);
    return null;
  }
  if (typeof corrected !== 'object' || corrected === null || Array.isArray(corrected)) throw bad('A correction needs the corrected value');
  const c = corrected as Record<string, unknown>;
  if (kind === 'date') {
    if (Object.keys(c).some((k) => k !== 'value') || typeof c.value !== 'string' || !c.value.trim()) throw bad('A corrected date is { value: EDTF }');
    return { value: c.value.trim() };
  }
  const keys = Object.keys(c);
  if (!keys.length) throw bad('A corrected count changes at least one of measure, group, unit, subject, min, max, approximate');
  const unknown = keys.find((k) => !COUNT_FIELDS.has(k));
  if (unknown !== undefined) throw bad(`A count's ${unknown} cannot be corrected`);
  if (c.measure !== undefined && !MEASURES.has(String(c.measure))) throw bad(`Unknown measure ${JSON.stringify(c.measure)}`);
  if (c.unit !== undefined && c.unit !== 'people' && c.unit !== 'families') throw bad('unit is people or families');
  for (const k of ['group', 'subject'] as const) if (c[k] !== undefined && (typeof c[k] !== 'string' || !(c[k] as string).trim())) throw bad(`${k} must be a non-empty string`);
  for (const k of ['min', 'max'] as const) {
    const v = c[k];
    if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) throw bad(`${k} must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} or null`);
  }
  if (c.approximate !== undefined && typeof c.approximate !== 'boolean') throw bad('approximate must be true or false');
  return c as CountCorrection;
}

/** Throws E_BAD_INPUT when a corrected count's range is upside down. */
export function checkRange(count: Pick<Count, 'min' | 'max'>): void {
  if (count.min !== null && count.max !== null && count.min > count.max) throw bad(`min (${count.min}) is above max (${count.max})`);
}

function bad(message: string): AppError {
  return new AppError('E_BAD_INPUT', message);
}

/** Longest Idempotency-Key kept. */
export const MAX_IDEMPOTENCY_KEY = 200;

/** What makes two review requests the same one: everything the client sent, in a fixed order. */
export function requestHash(input: ReviewInput): string {
  const { documentId, kind, span, item, action, corrected, reason } = input;
  const canonical = JSON.stringify([documentId, kind, span?.start, span?.end, item ?? null, action, corrected ?? null, reason]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Throws E_BAD_INPUT unless `v` is a non-empty string of at most `max` characters; returns it trimmed. */
export function reviewText(v: unknown, what: string, max: number): string {
  if (typeof v !== 'string' || !v.trim()) throw new AppError('E_BAD_INPUT', `A review needs a ${what}`);
  if (v.length > max) throw new AppError('E_BAD_INPUT', `The ${what} is longer than ${max} characters`);
  return v.trim();
}
