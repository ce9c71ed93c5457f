/** Types of curators' reviews, the audit log and API tokens, as the Store speaks them. */
import type { Count, DateMention, Measure, Span } from '../domain/types.js';

/** What a review is about: one extracted count or one extracted date. */
export type ReviewKind = 'count' | 'date';

/** What a curator did: the extraction is right, is wrong, or is wrong and should read otherwise. */
export type ReviewAction = 'confirm' | 'reject' | 'correct';

/** The fields of a count a curator may correct; the rest (span, quote, attribution) stay as extracted. */
export interface CountCorrection {
  measure?: Measure;
  group?: string;
  unit?: 'people' | 'families';
  subject?: string;
  min?: number | null;
  max?: number | null;
  approximate?: boolean;
}

/** A corrected date: its EDTF value. */
export interface DateCorrection {
  value: string;
}

/** One review action to store. */
export interface ReviewInput {
  documentId: string;
  kind: ReviewKind;
  /** The extracted item's span, as stored. */
  span: Span;
  /**
   * The extracted item's measure (counts) or EDTF value (dates), as stored. Needed only when
   * several items of the kind share the span; the store fills it in otherwise.
   */
  item?: string;
  action: ReviewAction;
  /** Required for `correct`, absent otherwise. */
  corrected?: CountCorrection | DateCorrection | null;
  reason: string;
  /** Who reviewed (a token's name). */
  reviewer: string;
  /**
   * The client's Idempotency-Key: a second review with the same key from the same reviewer is
   * not stored again but answered with the first one (`replayed`); with another request, E_CONFLICT.
   */
  idempotencyKey?: string;
}

/** A stored review action. Reviews are never changed: a later review of the same item supersedes it. */
export interface Review {
  id: number;
  documentId: string;
  kind: ReviewKind;
  span: Span;
  /** The extracted measure (counts) or value (dates) the review is keyed by. */
  item: string;
  /** `kind:start-end:item`: the same for every review of one item, and stable across re-extraction. */
  key: string;
  action: ReviewAction;
  corrected: CountCorrection | DateCorrection | null;
  reason: string;
  reviewer: string;
  /** ISO 8601. */
  createdAt: string;
}

/** Where an item stands after its latest review: the value reconciliation uses (null when rejected). */
export interface ReviewState {
  status: 'extracted' | 'confirmed' | 'rejected' | 'corrected';
  value: Count | DateMention | null;
}

/** One entry of the append-only audit log. */
export interface AuditEntry {
  id: number;
  /** ISO 8601. */
  at: string;
  who: string;
  /** `review.confirm`, `review.reject`, `review.correct`, `token.create`, `token.revoke`, … */
  action: string;
  /** What changed: `doc:<id>#count:<start>-<end>:<measure>`, `token:<id>`, … */
  target: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** An audit entry to append. */
export interface AuditInput {
  who: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** A review stored together with the audit entry that records it. */
export interface ReviewResult {
  review: Review;
  audit: AuditEntry;
  /** True when an Idempotency-Key matched an earlier review, which this is: nothing new was stored. */
  replayed?: boolean;
}

/** Filters and paging for `listReviews` (oldest first). */
export interface ReviewQuery {
  documentId?: string;
  /** 1–1000, default 100. */
  limit?: number;
  offset?: number;
}

/** One page of reviews. */
export interface ReviewPage {
  total: number;
  items: Review[];
}

/** Filters and paging for `listAudit` (newest first). */
export interface AuditQuery {
  /** Entries whose target starts with this (`doc:<id>` for everything about one document). */
  target?: string;
  /** 1–1000, default 100. */
  limit?: number;
  offset?: number;
}

/** One page of audit entries. */
export interface AuditPage {
  total: number;
  items: AuditEntry[];
}

/** An API token as listed: never the token itself. */
export interface TokenInfo {
  id: number;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A token just created: the only time its secret is seen. */
export interface CreatedToken extends TokenInfo {
  token: string;
}

/** Who a valid token belongs to. */
export interface TokenOwner {
  id: number;
  name: string;
}
