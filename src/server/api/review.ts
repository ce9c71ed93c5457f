/** API types of reviews, the audit log, tokens and stats. Imports only its sibling API files. */
import type { Count, DateMention, Measure, Span } from './values.js';
import type { ReviewStatus } from './documents.js';
import type { FigureSummary } from './record.js';

/** What a review does to an extracted item. */
export type ReviewAction = 'confirm' | 'reject' | 'correct';

/** The fields of a count a curator may correct. */
export interface CountCorrection {
  measure?: Measure;
  group?: string;
  unit?: 'people' | 'families';
  subject?: string;
  min?: number | null;
  max?: number | null;
  approximate?: boolean;
}

/** A corrected date. */
export interface DateCorrection {
  /** EDTF. */
  value: string;
}

/** A stored review. */
export interface Review {
  id: number;
  documentId: string;
  kind: 'count' | 'date';
  span: Span;
  /** The extracted measure or date value it is keyed by. */
  item: string;
  key: string;
  action: ReviewAction;
  corrected: CountCorrection | DateCorrection | null;
  reason: string;
  reviewer: string;
  createdAt: string;
}

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

/** One audit entry. `before`/`after` are ReviewStates for review actions. */
export interface AuditEntry {
  id: number;
  at: string;
  who: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  reason: string | null;
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
