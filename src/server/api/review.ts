/** API types of reviews, the audit log, tokens and stats; a stored review and audit entry are the store's own types. */
export type { AuditEntry, CountCorrection, DateCorrection, Review, ReviewAction } from '../../storage/review-types.js';
import type { AuditEntry, CountCorrection, DateCorrection, Review, ReviewAction } from '../../storage/review-types.js';
import type { Count, DateMention, Measure, Span } from './values.js';
import type { ReviewStatus } from './documents.js';
import type { FigureSummary } from './record.js';

/** Body of `POST /api/reviews` (needs `Authorization: Bearer <token>`). */
export interface ReviewRequest {
  documentId: string;
  kind: 'count' | 'date';
  /** The extracted item's span. */
  span: Span;
  /** Counts: the extracted measure, when several counts share the span. */
  measure?: Measure;
  /** Dates: the extracted EDTF value, when several dates share the span. */
  value?: string;
  action: ReviewAction;
  /** Required for `correct`: a CountCorrection or a DateCorrection. */
  corrected?: CountCorrection | DateCorrection;
  reason: string;
}

/** A review's state before or after it, as the audit log keeps it. */
export interface ReviewState {
  status: ReviewStatus;
  value: Count | DateMention | null;
}

/** `201` of `POST /api/reviews`. */
export interface ReviewResponse {
  review: Review;
  audit: AuditEntry;
  /** The figures the item counted towards before or after the review, as now reconciled. */
  figures: FigureSummary[];
}

/** Query of `GET /api/reviews`. */
export interface ReviewListQuery {
  documentId?: string;
  limit?: number;
  offset?: number;
}

/** `GET /api/reviews` (oldest first). */
export interface ReviewList {
  total: number;
  limit: number;
  offset: number;
  items: Review[];
}

/** Query of `GET /api/audit`. */
export interface AuditListQuery {
  /** Target prefix: `doc:<id>` for everything about one document. */
  target?: string;
  limit?: number;
  offset?: number;
}

/** `GET /api/audit` (newest first). */
export interface AuditList {
  total: number;
  limit: number;
  offset: number;
  items: AuditEntry[];
}

/** `GET /api/whoami`: the token's owner. */
export interface WhoAmI {
  id: number;
  name: string;
}

/** `GET /api/meta`: what the web app needs to know of this server before it shows anything. */
export interface ServerMeta {
  /** True when the server takes no writes (`crosscheck serve --read-only`): reviews, curation and uploads are refused. */
  readOnly: boolean;
}

/** `GET /api/stats`. */
export interface StatsView {
  documents: number;
  paths: number;
  counts: number;
  dates: number;
  bytes: number;
  schemaVersion: number;
  reviews: number;
  /** When the stored record was built; null when none is stored yet. */
  builtAt: string | null;
}
