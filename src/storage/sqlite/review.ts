/** Reviews: stored beside the extraction they judge, each with its audit entry, in one transaction. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import type { Count, DateMention } from '../../domain/types.js';
import { checkCorrection, checkRange, MAX_IDEMPOTENCY_KEY, requestHash, reviewItemKey, reviewState, reviewTarget, reviewText, reviewedValue } from '../review-items.js';
import type { Review, ReviewInput, ReviewPage, ReviewQuery, ReviewResult } from '../review-types.js';
import { pageSize } from './audit.js';
import type { prepareAudit } from './audit.js';
import { COUNT_COLUMNS, toCount, toDate } from './rows.js';
import type { CountRow, DateRow } from './rows.js';

interface ReviewRow {
  id: number; document_id: string; kind: string; span_start: number; span_end: number; item: string;
  item_key: string; action: string; corrected: string | null; reason: string; reviewer: string; created_at: string;
}

const SELECT = `SELECT r.id, d.id AS document_id, r.kind, r.span_start, r.span_end, r.item, r.item_key, r.action,
  r.corrected, r.reason, r.reviewer, r.created_at FROM reviews r JOIN documents d ON d.seq = r.doc_seq`;

/** Longest reason kept; a review is a sentence or two, not a document. */
const MAX_REASON = 2000;

/** A review from its row. */
function toReview(r: ReviewRow): Review {
  return {
    id: r.id, documentId: r.document_id, kind: r.kind as Review['kind'], span: { start: r.span_start, end: r.span_end },
    item: r.item, key: r.item_key, action: r.action as Review['action'],
    corrected: r.corrected === null ? null : JSON.parse(r.corrected), reason: r.reason, reviewer: r.reviewer, createdAt: r.created_at,
  };
}


/** Statements over reviews. */
export function prepareReviews(db: Database, audit: ReturnType<typeof prepareAudit>) {
  const seqOf = db.prepare<[string], number>('SELECT seq FROM documents WHERE id = ?').pluck();
  const countsAt = db.prepare<[number, number, number], CountRow>(`SELECT ${COUNT_COLUMNS} FROM counts WHERE doc_seq = ? AND span_start = ? AND span_end = ? ORDER BY ordinal`);
  const datesAt = db.prepare<[number, number, number], DateRow>('SELECT value, span_start, span_end, quote, relative FROM dates WHERE doc_seq = ? AND span_start = ? AND span_end = ? ORDER BY ordinal');
  const latest = db.prepare<[number, string], ReviewRow>(`${SELECT} WHERE r.doc_seq = ? AND r.item_key = ? ORDER BY r.id DESC LIMIT 1`);
  const byId = db.prepare<[number | bigint], ReviewRow>(`${SELECT} WHERE r.id = ?`);
  const insert = db.prepare<[number, string, number, number, string, string, string, string | null, string, string, string]>(
    `INSERT INTO reviews (doc_seq, kind, span_start, span_end, item, item_key, action, corrected, reason, reviewer, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const pageAll = db.prepare<[number, number], ReviewRow>(`${SELECT} ORDER BY r.id LIMIT ? OFFSET ?`);
  const pageDoc = db.prepare<[string, number, number], ReviewRow>(`${SELECT} WHERE d.id = ? ORDER BY r.id LIMIT ? OFFSET ?`);
  const totalAll = db.prepare<[], number>('SELECT count(*) FROM reviews').pluck();
  const totalDoc = db.prepare<[string], number>('SELECT count(*) FROM reviews r JOIN documents d ON d.seq = r.doc_seq WHERE d.id = ?').pluck();
  // The latest review of each item is the one that applies; max(id) is the latest because ids only grow.
  const keyed = db.prepare<[string, string], { request_hash: string; result_json: string }>(
    'SELECT request_hash, result_json FROM review_idempotency WHERE reviewer = ? AND key = ?');
  const remember = db.prepare<[string, string, string, number, string, string]>(
    'INSERT INTO review_idempotency (reviewer, key, request_hash, review_id, result_json, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const current = db.prepare<[], ReviewRow>(`${SELECT} WHERE r.id IN (SELECT max(id) FROM reviews GROUP BY doc_seq, item_key) ORDER BY r.id`);

  /** The extracted item the input names; E_NOT_FOUND when none, E_BAD_INPUT when it is ambiguous. */
  function findItem(seq: number, input: ReviewInput): { extracted: Count | DateMention; item: string } {
    const { start, end } = input.span;
    const found: Array<{ extracted: Count | DateMention; item: string }> = input.kind === 'count'
      ? countsAt.all(seq, start, end).map(toCount).map((c) => ({ extracted: c, item: c.measure }))
      : datesAt.all(seq, start, end).map(toDate).map((d) => ({ extracted: d, item: d.value }));
    const matching = input.item === undefined ? found : found.filter((f) => f.item === input.item);
    const what = `${input.kind} at ${start}–${end}${input.item === undefined ? '' : ` (${input.item})`}`;
    if (!matching.length) throw new AppError('E_NOT_FOUND', `Document ${input.documentId} has no extracted ${what}`);
    if (new Set(matching.map((f) => f.item)).size > 1) {
      throw new AppError('E_BAD_INPUT', `Several ${input.kind}s share ${start}–${end}; say which ${input.kind === 'count' ? 'measure' : 'value'}`);
    }
    return matching[0]!;
  }

  /** The earlier answer to this key, or undefined; E_CONFLICT when the key came with another request. */
  function replay(input: ReviewInput): ReviewResult | undefined {
    if (input.idempotencyKey === undefined) return undefined;
    const key = input.idempotencyKey;
    if (typeof key !== 'string' || !key || key.length > MAX_IDEMPOTENCY_KEY) throw new AppError('E_BAD_INPUT', `An Idempotency-Key is 1 to ${MAX_IDEMPOTENCY_KEY} characters`);
    const row = keyed.get(String(input.reviewer).trim(), key);
    if (row === undefined) return undefined;
    if (row.request_hash !== requestHash(input)) {
      throw new AppError('E_CONFLICT', 'This Idempotency-Key was already used for a different review; send a new key for a new review');
    }
    return { ...(JSON.parse(row.result_json) as ReviewResult), replayed: true };
  }

  const add = db.transaction((input: ReviewInput, now: string): ReviewResult => {
    const earlier = replay(input);
    if (earlier) return earlier;
    const seq = seqOf.get(input.documentId);
    if (seq === undefined) throw new AppError('E_NOT_FOUND', `No stored document has the id ${input.documentId}`);
    const start = input.span?.start;
    const end = input.span?.end;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw new AppError('E_BAD_INPUT', 'span must be { start, end } with whole numbers, 0 ≤ start ≤ end');
    }
    if (input.kind !== 'count' && input.kind !== 'date') throw new AppError('E_BAD_INPUT', 'kind is count or date');
    if (!['confirm', 'reject', 'correct'].includes(input.action)) throw new AppError('E_BAD_INPUT', 'action is confirm, reject or correct');
    const corrected = checkCorrection(input.kind, input.action, input.corrected);
    const reason = reviewText(input.reason, 'reason', MAX_REASON);
    const reviewer = reviewText(input.reviewer, 'reviewer', 100);
    const { extracted, item } = findItem(seq, input);
    const review = { action: input.action, corrected };
    if (input.kind === 'count' && input.action === 'correct') checkRange(reviewedValue(extracted as Count, review)!);
    const key = reviewItemKey(input.kind, input.span, item);
    const prev = latest.get(seq, key);
    const r = insert.run(seq, input.kind, start, end, item, key, input.action, corrected === null ? null : JSON.stringify(corrected), reason, reviewer, now);
    const stored = toReview(byId.get(r.lastInsertRowid)!);
    const entry = audit.append({
      who: reviewer, action: `review.${input.action}`, target: reviewTarget(input.documentId, key),
      before: reviewState(extracted, prev ? toReview(prev) : null), after: reviewState(extracted, stored), reason,
    }, now);
    const result = { review: stored, audit: entry };
    if (input.idempotencyKey !== undefined) remember.run(reviewer, input.idempotencyKey, requestHash(input), stored.id, JSON.stringify(result), now);
    return result;
  });

  return {
    /** Stores a review and its audit entry (IMMEDIATE: it reads, then writes). */
    add: (input: ReviewInput, now: string): ReviewResult => add.immediate(input, now),
    /** Oldest first, optionally of one document. */
    list(q: ReviewQuery = {}): ReviewPage {
      const { limit, offset } = pageSize(q.limit, q.offset);
      if (q.documentId === undefined) return { total: totalAll.get()!, items: pageAll.all(limit, offset).map(toReview) };
      return { total: totalDoc.get(q.documentId)!, items: pageDoc.all(q.documentId, limit, offset).map(toReview) };
    },
    /** The latest review of every reviewed item. */
    current: (): Review[] => current.all().map(toReview),
  };
}
