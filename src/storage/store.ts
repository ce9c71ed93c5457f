/** The storage interface every backend implements; callers see only this file. */
import type { AppError } from '../domain/errors.js';
import type { DocumentMeta, Extraction, ReportDocument } from '../domain/types.js';
import type {
  AuditEntry, AuditInput, AuditPage, AuditQuery, CreatedToken, Review, ReviewInput, ReviewPage, ReviewQuery,
  ReviewResult, TokenInfo, TokenOwner,
} from './review-types.js';

import type { Change, Derived, DerivedQuery, RowQuery, SourceCandidate, SourceSignature, StoredDerived, StoredRow } from './row-types.js';

export type * from './review-types.js';
export type * from './row-types.js';

/** One report to store: the document, what was extracted from it, and its original bytes. */
export interface ReportInput {
  doc: ReportDocument;
  extraction: Extraction;
  original: Uint8Array;
  /** What ingest derived from it besides counts and dates (see pipeline/run/derive.ts). */
  derived?: Derived;
}

/** What storing one report did. */
export interface AddResult {
  /** `skipped`: these bytes were already stored; `new-version`: same path, different bytes. */
  status: 'added' | 'skipped' | 'new-version';
  /** The stored document's id (for `skipped`, the one already present). */
  id: string;
  /** Why, when skipped ("already ingested"). */
  reason?: string;
  /** Version number at the document's path (1 for the first). Absent when skipped. */
  version?: number;
}

/** What storing one report of a batch did: as `AddResult`, or failed with a reason. */
export type BatchResult = AddResult | { status: 'failed'; id: string; path: string; error: AppError };

/** A stored report: the document as given plus what the store knows about it. */
export interface StoredDocument extends ReportDocument {
  /** ISO 8601 time the report was stored. */
  ingestedAt: string;
  /** Version number at its path (1, 2, …). */
  version: number;
  /** True when a later version of the same path exists. */
  superseded: boolean;
}

/** A document in a listing: everything but the text and page starts, plus extraction sizes. */
export interface DocumentSummary {
  id: string;
  sha256: string;
  name: string;
  path: string;
  format: ReportDocument['format'];
  meta: DocumentMeta;
  byteLength: number;
  ingestedAt: string;
  version: number;
  superseded: boolean;
  /** Number of counts stored for it. */
  counts: number;
  /** Number of dates stored for it. */
  dates: number;
}

/** Filters and paging for `listDocuments`; documents come in ingestion order. */
export interface ListOptions {
  /** Page size, 1–1000 (default 50). */
  limit?: number;
  /** Items to skip (default 0). */
  offset?: number;
  /** Exact publisher. */
  publisher?: string;
  /** Case-insensitive substring of the name, path or title. */
  q?: string;
  /** Let `q` match the stored path too (default true); false for readers who must not probe the folders it names. */
  qMatchesPath?: boolean;
  /** Leave out documents that a later version of the same path supersedes. */
  currentOnly?: boolean;
}

/** One page of documents, with the number that match in all. */
export interface DocumentPage {
  total: number;
  items: DocumentSummary[];
}

/** A version of a path: which document it was and when it arrived. */
export interface VersionEntry {
  path: string;
  version: number;
  documentId: string;
  ingestedAt: string;
}

/** Options for `search`. */
export interface SearchOptions {
  /** Hits to return, 1–200 (default 20). */
  limit?: number;
}

/** One search hit. */
export interface SearchHit {
  documentId: string;
  name: string;
  title: string | null;
  /** bm25 relevance: higher is better (the negated SQLite value, so backends agree). */
  score: number;
  /** Text around the matches; matches sit between `SNIPPET_OPEN` and `SNIPPET_CLOSE` (snippet.ts). */
  snippet: string;
}

/** Search hits, best first. */
export interface SearchResult {
  items: SearchHit[];
  /**
   * True when the query matched more documents than the store ranks (a very common term):
   * the hits are then the best among the most recently ingested candidates.
   */
  capped: boolean;
}

/** A stored text, as `allTexts` yields it for re-extraction. */
export interface StoredText {
  id: string;
  text: string;
  /** For resolving relative dates (its `published`). */
  meta: DocumentMeta;
}

/** A current document with what reconciliation reads of it. */
export interface StoredExtraction {
  id: string;
  name: string;
  meta: DocumentMeta;
  text: string;
  extraction: Extraction;
}

/** Sizes of what is stored. */
export interface StoreStats {
  documents: number;
  /** Distinct paths (a path with three versions counts once). */
  paths: number;
  counts: number;
  dates: number;
  /** Sum of the original byte lengths. */
  bytes: number;
  /** Highest migration applied. */
  schemaVersion: number;
}

/**
 * The evidence store. Every write is one transaction: a report is stored with all its
 * extractions or not at all. Nothing stored is ever altered except by `replaceExtraction`.
 */
export interface Store {
  /** Store one report (skips bytes already stored; same path with new bytes → new version). */
  addReport(doc: ReportDocument, extraction: Extraction, original: Uint8Array): Promise<AddResult>;
  /** Store many reports in one transaction; one bad report fails alone, the others are kept. */
  addReports(batch: readonly ReportInput[]): Promise<BatchResult[]>;
  /** True when a report with these original bytes is stored. */
  hasSha256(sha256: string): Promise<boolean>;
  /** Resolve what a user typed (id, unique id prefix, sha256, name or path) to an id; null if none. */
  resolveId(ref: string): Promise<string | null>;
  /** A stored document with its text, or null. */
  getDocument(id: string): Promise<StoredDocument | null>;
  /** The original bytes, byte for byte, or null. */
  getOriginal(id: string): Promise<Uint8Array | null>;
  /** A page of documents with their metadata. */
  listDocuments(options?: ListOptions): Promise<DocumentPage>;
  /** Listing items of the given documents, in ingestion order (unknown ids left out; counts and dates 0). */
  getSummaries(ids: readonly string[]): Promise<DocumentSummary[]>;
  /** Every version stored for a path, oldest first. */
  listVersions(path: string): Promise<VersionEntry[]>;
  /** The stored extraction, in the order given, spans exactly as given; null if no such document. */
  getExtraction(id: string): Promise<Extraction | null>;
  /** Replace a document's extraction (after an extractor upgrade), in one transaction. */
  replaceExtraction(id: string, extraction: Extraction): Promise<void>;
  /** Every stored text in ingestion order; safe to call `replaceExtraction` while iterating. */
  allTexts(): AsyncIterable<StoredText>;
  /** Full-text search (words, "phrases", prefix*, AND/OR/NOT, title:/text:), best first. */
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  /** Sizes of what is stored. */
  stats(): Promise<StoreStats>;
  /** Every current (not superseded) document with its text and extraction, in ingestion order. */
  allExtractions(): AsyncIterable<StoredExtraction>;
  /** A named JSON record kept by a later stage (reconciliation state), or null. */
  getRecord<T = unknown>(key: string): Promise<T | null>;
  /** Writes named JSON records in one transaction (null deletes one). */
  putRecords(records: Readonly<Record<string, unknown>>): Promise<void>;
  /** Store a curator's review of one extracted item with its audit entry; the extraction is left as it is. */
  addReview(input: ReviewInput): Promise<ReviewResult>;
  /** Reviews, oldest first, optionally of one document. */
  listReviews(query?: ReviewQuery): Promise<ReviewPage>;
  /** The latest review of every reviewed item: the ones that apply now. */
  currentReviews(): Promise<Review[]>;
  /** Append an entry to the audit log (which nothing can edit or delete). */
  appendAudit(entry: AuditInput): Promise<AuditEntry>;
  /** The audit log, newest first. */
  listAudit(query?: AuditQuery): Promise<AuditPage>;
  /** Create an API token (E_CONFLICT when an active one has the name); the secret is returned once, only its sha256 is stored. */
  createToken(name: string, by?: string): Promise<CreatedToken>;
  /** Who a token belongs to, or null when it is unknown or revoked. */
  verifyToken(token: string): Promise<TokenOwner | null>;
  /** Every token, without secrets. */
  listTokens(): Promise<TokenInfo[]>;
  /** Revoke a token; false when no active token has that id. `by` is audited. */
  revokeToken(id: number, by?: string): Promise<boolean>;
  /** Replace a document's derived parts and signature (re-extraction, or reports stored without them). */
  putDerived(id: string, derived: Derived): Promise<void>;
  /** Every current document (or those of `query.ids`) with its extraction and the named derived parts, in ingestion order; no texts. */
  allDerived(parts: readonly string[], query?: DerivedQuery): AsyncIterable<StoredDerived>;
  /** Named derived parts of some documents (documents without them are left out). */
  getParts(ids: readonly string[], parts: readonly string[]): Promise<Map<string, Record<string, unknown>>>;
  /** Current documents stored without derived parts, in ingestion order (reports stored before they existed); only those after ingestion order `after` when given. */
  underived(limit: number, after?: number): Promise<string[]>;
  /** Documents whose signature has not been compared with earlier ones yet, in ingestion order (those at or before ingestion order `upTo`, when given). */
  unpaired(limit: number, upTo?: number): Promise<string[]>;
  /**
   * Earlier documents sharing LSH buckets with `id` (the `perBucket` most recent of each bucket):
   * the `max` sharing the most (the most recent on ties), oldest first, with their signatures.
   */
  sourceCandidates(id: string, perBucket: number, max: number): Promise<SourceCandidate[]>;
  /**
   * The candidates `sourceCandidates` gives, for several documents at once and without their
   * signatures (read them with getSignatures): a backend may look all their keys up in key order,
   * one pass over its index rather than one seek a key in report order.
   */
  sourceCandidateIds(ids: readonly string[], perBucket: number, max: number): Promise<Map<string, Array<{ id: string; shared: number }>>>;
  /** Stored signatures of some documents. */
  getSignatures(ids: readonly string[]): Promise<Map<string, SourceSignature>>;
  /** Forgets which documents were compared, with the row changes that drop their pairs, so all are compared again (`reconcile --full`). */
  resetSources(changes: readonly Change[]): Promise<void>;
  /** Marks documents as compared, with the row changes their pairs make, in one transaction. */
  markPaired(ids: readonly string[], changes: readonly Change[]): Promise<void>;
  /** Applies changes to the reconciled rows in one transaction. */
  putRows(changes: readonly Change[]): Promise<void>;
  /** Rows of a set, ordered by `ord` then key. */
  getRows<T = unknown>(set: string, query?: RowQuery): Promise<Array<StoredRow<T>>>;
  /** How many rows of a set match (limit and offset ignored). */
  countRows(set: string, query?: RowQuery): Promise<number>;
  /** Links of a set as [group, report], ordered by group, then by the reports' ingestion order: those of some groups, or all. */
  getLinks(set: string, groups?: readonly string[]): Promise<Array<[string, string]>>;
  /** Release the database; the store must not be used afterwards. */
  close(): Promise<void>;
}

/** Makes a fresh, empty store: what the shared test suite needs from a backend. */
export type StoreFactory = () => Promise<Store>;
