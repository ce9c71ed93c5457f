/** Reviews: stored beside the extraction they judge, each with its audit entry, in one transaction. */
import { AppError } from '../../domain/errors.js';
import type { Count, DateMention } from '../../domain/types.js';
import { checkCorrection, checkRange, MAX_IDEMPOTENCY_KEY, requestHash, reviewItemKey, reviewState, reviewTarget, reviewText, reviewedValue } from '../review-items.js';
import type { Review, ReviewInput, ReviewPage, ReviewQuery, ReviewResult } from '../review-types.js';
import { pageSize } from '../sqlite/audit.js';
import { COUNT_COLUMNS, toCount, toDate } from '../sqlite/rows.js';
import type { CountRow, DateRow } from '../sqlite/rows.js';
import { appendAudit } from './audit.js';
import type { Db, Queryable } from './db.js';
import { lockName, readParam } from './db.js';

interface ReviewRow {
  id: number; document_id: string; kind: string; span_start: number; span_end: number; item: string;
  item_key: string; action: string; corrected: string | null; reason: string; reviewer: string; created_at: string;
}

const SELECT = `SELECT r.id, d.id AS document_id, r.kind, r.span_start, r.span_end, r.item, r.item_key, r.action,
  r.corrected::text AS corrected, r.reason, r.reviewer, r.created_at FROM reviews r JOIN documents d ON d.seq = r.doc_seq`;

/** Longest reason kept; a review is a sentence or two, not a document. */
const MAX_REASON = 2000;
function toReview(r: ReviewRow): Review {
  return {
    id: r.id, documentId: r.document_id, kind: r.kind as Review['kind'], span: { start: r.span_start, end: r.span_end },
    item: r.item, key: r.item_key, action: r.action as Review['action'],
    corrected: r.corrected === null ? null : JSON.parse(r.corrected), reason: r.reason, reviewer: r.reviewer, createdAt: r.created_at,
  };
}


/** The extracted item the input names; E_NOT_FOUND when none, E_BAD_INPUT when it is ambiguous. */
async function findItem(c: Queryable, seq: number, input: ReviewInput): Promise<{ extracted: Count | DateMention; item: string }> {
  const { start, end } = input.span;
  const found: Array<{ extracted: Count | DateMention; item: string }> = input.kind === 'count'
    ? (await c.query<CountRow>(`SELECT ${COUNT_COLUMNS} FROM counts WHERE doc_seq = $1 AND span_start = $2 AND span_end = $3 ORDER BY ordinal`, [seq, start, end]))
      .rows.map(toCount).map((x) => ({ extracted: x, item: x.measure }))
    : (await c.query<DateRow>('SELECT value, span_start, span_end, quote, relative FROM dates WHERE doc_seq = $1 AND span_start = $2 AND span_end = $3 ORDER BY ordinal', [seq, start, end]))
      .rows.map(toDate).map((d) => ({ extracted: d, item: d.value }));
  const matching = input.item === undefined ? found : found.filter((f) => f.item === input.item);
  const what = `${input.kind} at ${start}–${end}${input.item === undefined ? '' : ` (${input.item})`}`;
  if (!matching.length) throw new AppError('E_NOT_FOUND', `Document ${input.documentId} has no extracted ${what}`);
  if (new Set(matching.map((f) => f.item)).size > 1) {
    throw new AppError('E_BAD_INPUT', `Several ${input.kind}s share ${start}–${end}; say which ${input.kind === 'count' ? 'measure' : 'value'}`);
  }
  return matching[0]!;
}

/** The earlier answer to this key, or undefined; E_CONFLICT when the key came with another request. */
async function replay(c: Queryable, input: ReviewInput): Promise<ReviewResult | undefined> {
  if (input.idempotencyKey === undefined) return undefined;
  const key = input.idempotencyKey;
  if (typeof key !== 'string' || !key || key.length > MAX_IDEMPOTENCY_KEY) throw new AppError('E_BAD_INPUT', `An Idempotency-Key is 1 to ${MAX_IDEMPOTENCY_KEY} characters`);
  const row = (await c.query<{ request_hash: string; result_json: string }>(
    'SELECT request_hash, result_json FROM review_idempotency WHERE reviewer = $1 AND key = $2', [String(input.reviewer).trim(), key])).rows[0];
  if (row === undefined) return undefined;
  if (row.request_hash !== requestHash(input)) {
    throw new AppError('E_CONFLICT', 'This Idempotency-Key was already used for a different review; send a new key for a new review');
  }
  return { ...(JSON.parse(row.result_json) as ReviewResult), replayed: true };
}

/**
 * Stores a review and its audit entry inside the caller's transaction. Reviews take one advisory
 * lock, so the "before" of each audit entry is the state the previous review left (as SQLite's
 * single writer has it) and a retried Idempotency-Key finds the first answer.
 */
export async function addReview(c: Queryable, input: ReviewInput, now: string): Promise<ReviewResult> {
  await lockName(c, 'reviews');
  const earlier = await replay(c, input);
  if (earlier) return earlier;
  const seq = (await c.query<{ seq: number }>('SELECT seq FROM documents WHERE id = $1', [readParam(input.documentId)])).rows[0]?.seq;
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
  const { extracted, item } = await findItem(c, seq, input);
  if (input.kind === 'count' && input.action === 'correct') checkRange(reviewedValue(extracted as Count, { action: input.action, corrected })!);
  const key = reviewItemKey(input.kind, input.span, item);
  const prevRow = (await c.query<ReviewRow>(`${SELECT} WHERE r.doc_seq = $1 AND r.item_key = $2 ORDER BY r.id DESC LIMIT 1`, [seq, key])).rows[0];
  const inserted = await c.query<{ id: number }>(`INSERT INTO reviews (doc_seq, kind, span_start, span_end, item, item_key, action, corrected, reason, reviewer, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
  [seq, input.kind, start, end, item, key, input.action, corrected === null ? null : JSON.stringify(corrected), reason, reviewer, now]);
  const stored = toReview((await c.query<ReviewRow>(`${SELECT} WHERE r.id = $1`, [inserted.rows[0]!.id])).rows[0]!);
  const entry = await appendAudit(c, {
    who: reviewer, action: `review.${input.action}`, target: reviewTarget(input.documentId, key),
    before: reviewState(extracted, prevRow ? toReview(prevRow) : null), after: reviewState(extracted, stored), reason,
  }, now);
  const result = { review: stored, audit: entry };
  if (input.idempotencyKey !== undefined) {
    await c.query('INSERT INTO review_idempotency (reviewer, key, request_hash, review_id, result_json, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [reviewer, input.idempotencyKey, requestHash(input), stored.id, JSON.stringify(result), now]);
  }
  return result;
}

/** Reviews, oldest first, optionally of one document. */
export async function listReviews(db: Db, q: ReviewQuery = {}): Promise<ReviewPage> {
  const { limit, offset } = pageSize(q.limit, q.offset);
  if (q.documentId === undefined) {
    const [t] = await db.read<{ n: number }>('SELECT count(*) AS n FROM reviews');
    return { total: t!.n, items: (await db.read<ReviewRow>(`${SELECT} ORDER BY r.id LIMIT $1 OFFSET $2`, [limit, offset])).map(toReview) };
  }
  const [t] = await db.read<{ n: number }>('SELECT count(*) AS n FROM reviews r JOIN documents d ON d.seq = r.doc_seq WHERE d.id = $1', [q.documentId]);
  return { total: t!.n, items: (await db.read<ReviewRow>(`${SELECT} WHERE d.id = $1 ORDER BY r.id LIMIT $2 OFFSET $3`, [q.documentId, limit, offset])).map(toReview) };
}

/** The latest review of every reviewed item; max(id) is the latest because ids only grow. */
export async function currentReviews(db: Db): Promise<Review[]> {
  const rows = await db.read<ReviewRow>(`${SELECT} WHERE r.id IN (SELECT max(id) FROM reviews GROUP BY doc_seq, item_key) ORDER BY r.id`);
  return rows.map(toReview);
}
