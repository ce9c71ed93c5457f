/** API types of documents (listing, the reader view) and search. Imports only its sibling API files. */
import type { Count, DateMention, DocumentFormat, DocumentLabels, DocumentMeta, Span } from './values.js';
import type { AuditEntry, Review } from './review.js';

/** Query of `GET /api/documents`. */
export interface DocumentListQuery {
  /** Exact publisher. */
  publisher?: string;
  /** Case-insensitive substring of name or title. */
  q?: string;
  /** 1–1000, default 50. */
  limit?: number;
  offset?: number;
  /** Include versions superseded by a later one of the same path. */
  all?: boolean;
}

/** What every view of a stored document says of it (the schema's `base`). */
export interface DocumentBase {
  id: string;
  sha256: string;
  /** The file name. */
  name: string;
  /** As given to `ingest` when that was relative (no "." or ".." steps); the file name alone when it was absolute. */
  path: string;
  format: DocumentFormat;
  meta: DocumentMeta;
  byteLength: number;
  ingestedAt: string;
  version: number;
  superseded: boolean;
}

/** A document in a listing. */
export interface DocumentSummary extends DocumentBase {
  /** Number of counts extracted. */
  counts: number;
  /** Number of dates extracted. */
  dates: number;
}

/** `GET /api/documents`. */
export interface DocumentList {
  total: number;
  limit: number;
  offset: number;
  items: DocumentSummary[];
}

/** A document with its text. */
export interface DocumentInfo extends DocumentBase {
  /** The text every span points into. Untrusted: render it as text, never as HTML. */
  text: string;
  /** For PDFs: where each page starts in `text`; null otherwise. */
  pageStarts: number[] | null;
}

/** Where an extracted item stands after its latest review. */
export type ReviewStatus = 'extracted' | 'confirmed' | 'rejected' | 'corrected';

/** An extracted count with its reviews. */
export interface CountItem {
  /** Position in the extraction. */
  index: number;
  /** Review key (`count:start-end:measure`). */
  key: string;
  /** As extracted; never changed by a review. */
  extracted: Count;
  status: ReviewStatus;
  /** What reconciliation uses: the extracted count, a corrected copy, or null when rejected. */
  value: Count | null;
  /** Every review of it, oldest first. */
  reviews: Review[];
  /** The figure it counts towards, or null. */
  figureId: string | null;
}

/** An extracted date with its reviews. */
export interface DateItem {
  index: number;
  /** Review key (`date:start-end:value`). */
  key: string;
  extracted: DateMention;
  status: ReviewStatus;
  value: DateMention | null;
  reviews: Review[];
}

/** A passage this document shares with another. */
export interface SharedSpan {
  /** The other document's id. */
  other: string;
  /** Where the passage stands in this document. */
  span: Span;
  /** Where it stands in the other. */
  otherSpan: Span;
  words: number;
}

/** A name of a reconciled entity where it occurs in the text. */
export interface EntityMention {
  canonical: string;
  name: string;
  span: Span;
}

/** A direct quotation: `span` covers the words inside the marks. */
export interface QuoteItem {
  span: Span;
  /** Who the report says speaks; `span` is where the text names them, when it does. */
  speaker: { text: string; span: Span | null } | null;
}

/** A footnote marker, the note it points to, and the counts of the sentence it ends. */
export interface CitationItem {
  label: string;
  span: Span;
  /** The note's text and where it stands, or null when no note carries the label. */
  entry: { text: string; span: Span } | null;
  /** Indices of the counts in the marked sentence. */
  counts: number[];
}

/** The source group a document belongs to. */
export interface SourceGroup {
  /** The group's id: its earliest report. */
  id: string;
  documents: string[];
}

/** `GET /api/documents/:id`: the text and every extraction with its spans and reviews. */
export interface DocumentDetail {
  document: DocumentInfo;
  counts: CountItem[];
  dates: DateItem[];
  /** Reviews whose item is no longer in the extraction (re-extracted since). */
  orphanReviews: Review[];
  /** Null when the document is not in the record (a superseded version). */
  sourceGroup: SourceGroup | null;
  shared: SharedSpan[];
  entities: EntityMention[];
  quotes: QuoteItem[];
  citations: CitationItem[];
  documents: DocumentLabels;
  /** For a report added by its address: the address asked, the one the bytes came from, and when (ISO 8601). */
  fetched: { url: string; finalUrl: string; fetchedAt: string } | null;
  /** The metadata as extracted, when a curator edited it (`document.meta` is then the edited one); else null. */
  extractedMeta: DocumentMeta | null;
  /** Who edited the metadata last, when and why; null when nobody did. */
  metaEdit: { by: string; at: string; reason: string } | null;
}

/** Body of `PUT /api/documents/:id/meta`: each field given replaces the extracted value (null or "": none). */
export interface MetaEditRequest {
  publisher?: string | null;
  author?: string | null;
  published?: string | null;
  /** Why: it goes into the audit log. */
  reason: string;
}

/** What a metadata edit did: the metadata shown now, the extracted metadata (unchanged), its audit entry. */
export interface MetaEditResponse {
  meta: DocumentMeta;
  extracted: DocumentMeta;
  audit: AuditEntry;
}

/** Query of `POST /api/documents/upload` (the body is the file's bytes). */
export interface UploadQuery {
  /** The file's name, or its path inside an uploaded folder. */
  name: string;
}

/** Body of `POST /api/documents/fetch`. */
export interface AddUrlRequest {
  /** An http(s) address. */
  url: string;
}

/** What adding one report did: stored (`added`, `new-version`) or already there (`skipped`, with why). */
export interface AddedReport {
  status: 'added' | 'new-version' | 'skipped';
  reason: string | null;
  document: DocumentSummary;
}

/** Query of `GET /api/search`. */
export interface SearchQuery {
  /** Words, "phrases", prefix*, AND/OR/NOT, title:/text:. */
  q: string;
  /** 1–200, default 20. */
  limit?: number;
}

/** A piece of a snippet: plain text or a match. Render `text` as text. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** One search hit. */
export interface SearchHit {
  documentId: string;
  name: string;
  title: string | null;
  score: number;
  snippet: SnippetPart[];
}

/** `GET /api/search`. */
export interface SearchResponse {
  query: string;
  items: SearchHit[];
  /** The query matched more reports than are ranked; the hits are among the most recent. */
  capped: boolean;
}
