/** The reconciled record the store keeps (record key `reconcile`), rebuilt after each ingest and review. */
import type { Count, DateMention, Span } from '../../domain/types.js';
import type { CitationEntry, CitationMarker, EntityKind, Quote } from '../2-extract/extras.js';
import type { CheckResult, EntityCluster, Figure, PublicationEntry, SourcePair, TimelineEntry } from '../3-reconcile/types.js';

/** Record key under which `reconcile()` stores its result. */
export const RECONCILE_KEY = 'reconcile';

/**
 * Record key of when the record was built and over how many reports, written with it: what
 * a caller that needs only that reads, instead of the record (hundreds of megabytes at 100k reports).
 */
export const RECONCILE_BUILT_KEY = 'reconcile-built';

/** What `RECONCILE_BUILT_KEY` holds. */
export type ReconcileBuilt = Pick<ReconcileRecord, 'builtAt' | 'documents'>;

/** An event the counts were grouped under, and why. */
export interface EventSummary {
  key: string;
  label: string;
  counts: number;
  reports: number;
}

/** Everything no single report shows: sources, figures, checks, timeline, entities. */
export interface ReconcileRecord {
  /** ISO time it was built. */
  builtAt: string;
  /** Current documents it covers. */
  documents: number;
  events: EventSummary[];
  figures: Figure[];
  checks: CheckResult[];
  timeline: TimelineEntry[];
  publications: PublicationEntry[];
  sources: {
    /** Report ids per source group (groups of one included). */
    groups: string[][];
    groupOf: Record<string, string>;
    /** Every pair of reports that share passages, with the passages' spans in both. */
    pairs: SourcePair[];
    /** Pairs between the two thresholds: "possibly the same source", for review. */
    possible: SourcePair[];
  };
  entities: EntityCluster[];
  /** Per canonical entity name: its kind and where it is mentioned (at most 200 mentions kept). */
  entityMentions?: Record<string, { kind: EntityKind; mentions: Array<{ doc: string; span: Span }> }>;
  /** Direct quotes with their speakers. */
  quotes?: Array<Quote & { doc: string }>;
  /** Footnote markers with their notes, and the counts (indices in their report) in the sentence each marker ends. */
  citations?: Array<{ doc: string; marker: CitationMarker; entry: CitationEntry | null; counts: number[] }>;
}

/**
 * Applies curators' reviews to a report's counts before reconciling: returns, for each count,
 * the count to use (a corrected copy, or the same) or null when it was rejected. Same length.
 */
export type CountAdjuster = (docId: string, counts: readonly Count[]) => Array<Count | null>;

/** What curators' reviews do to a report's dates: null where a date was rejected. */
export type DateAdjuster = (docId: string, dates: readonly DateMention[]) => Array<DateMention | null>;
