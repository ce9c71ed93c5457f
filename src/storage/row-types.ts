/** Types of what a report yields besides counts and dates, and of reconciled state kept as rows. */
import type { DocumentMeta, Extraction } from '../domain/types.js';

/** A text's source signature: normalised word offsets, shingle hashes and LSH band keys. */
export interface SourceSignature {
  /** Hash of the whole text, so an id indexed twice with different texts is caught. */
  fingerprint: number;
  starts: Int32Array;
  ends: Int32Array;
  shingles: Int32Array;
  /** Distinct LSH bucket keys as pairs of int32 halves: [k1, k2, k1, k2, …]. */
  bandKeys: Int32Array;
}

/** What ingest computes once per report besides its extraction, stored with it in its transaction. */
export interface Derived {
  /** Named JSON parts: entities, quotes, citations, event mentions, dated sentences, count facts. */
  parts: Readonly<Record<string, unknown>>;
  signature: SourceSignature;
}

/** A current document as reconciliation reads it: no text, its extraction and the parts asked for. */
export interface StoredDerived {
  id: string;
  /** Ingestion order: a number that only grows, never reused (a stable position). */
  order: number;
  name: string;
  /** Version number at its path (1, 2, …): a version above 1 has made an earlier one no longer current. */
  version: number;
  meta: DocumentMeta;
  extraction: Extraction;
  /** The parts asked for that are stored (absent ones are missing: derive them again). */
  parts: Record<string, unknown>;
}

/** Which documents `allDerived` reads, and whether with their extraction. */
export interface DerivedQuery {
  /** Only these current documents (superseded and unknown ids are left out); given in ingestion order, they come in it. */
  ids?: readonly string[];
  /** Only documents after this ingestion order (`StoredDerived.order`): those stored since. */
  after?: number;
  /** False: no counts or dates (an empty extraction), for a listing of the reports and their parts. */
  extraction?: boolean;
}

/** One row of a named set of reconciled state. */
export interface RowInput {
  /** Unique within the set. */
  key: string;
  /** What the set is grouped by (a figure's event, a mention's figure value, a pair's first report). */
  group?: string | null;
  /** A second index (a check's status, a pair's second report). */
  tag?: string | null;
  /** Position when listed (default 0; ties by key). */
  ord?: number;
  /** A range the row covers (ISO days of a timeline entry), for range queries. */
  lo?: string | null;
  hi?: string | null;
  data: unknown;
}

/** A change to one set, applied in order with the others in one transaction. */
export interface RowChange {
  set: string;
  /**
   * Rows removed first: the whole set, or those of some groups, tags or keys. `replace`: the set
   * becomes exactly `rows`, and only rows that differ from those stored are written.
   */
  clear?: 'all' | 'replace' | { groups: readonly string[] } | { tags: readonly string[] } | { keys: readonly string[] };
  /** Rows written after (a key already present is replaced). */
  rows?: readonly RowInput[];
}

/**
 * A change to a set of links: which stored reports have a word, an event, a date value. A link
 * is a pair (group, report) with no data, kept in one index (by group, then by when the report
 * came) where a row costs four or five: at 100k bench reports 1.8M of them, 18 a report. The
 * writer says which links go (it knows what it wrote: a report's stored events, its date values).
 */
export interface LinkChange {
  /** The link set's name. */
  links: string;
  /** The whole set removed first. */
  clear?: 'all';
  /** Links removed, as [group, report] (one not stored is no error). */
  remove?: ReadonlyArray<readonly [string, string]>;
  /** Links added after, as [group, report] (one already stored stays; a report not stored is an E_NOT_FOUND error). */
  add?: ReadonlyArray<readonly [string, string]>;
}

/** What one transaction of the reconciled state applies, in order. */
export type Change = RowChange | LinkChange;

/** Whether a change is to a link set. */
export const isLinkChange = (c: Change): c is LinkChange => 'links' in c;

/** Which rows of a set to read; they come ordered by `ord`, then key. */
export interface RowQuery {
  key?: string;
  keys?: readonly string[];
  group?: string;
  /** Rows of any of these groups. */
  groups?: readonly string[];
  tag?: string;
  /** Rows of any of these tags. */
  tags?: readonly string[];
  /** Rows whose `hi` is at or after this (ISO day). */
  hiFrom?: string;
  /** Rows whose `lo` is at or before this. */
  loTo?: string;
  /** At most this many (default all). */
  limit?: number;
  offset?: number;
}

/** A stored row. */
export interface StoredRow<T = unknown> {
  key: string;
  group: string | null;
  tag: string | null;
  ord: number;
  lo: string | null;
  hi: string | null;
  data: T;
}

/** An earlier report that shares LSH buckets with a new one, with its signature for verifying the pair. */
export interface SourceCandidate {
  id: string;
  /** Buckets shared. */
  shared: number;
  signature: SourceSignature;
}
