/** Types of the reconcile stage: plain data in, plain data out, so storage can keep any of it. */
import type { Count, DateMention, DocumentMeta, Measure, Span } from '../../domain/types.js';

/** One report as reconcile sees it: its text, metadata and what was extracted from it. */
export interface ReportInput {
  id: string;
  text: string;
  meta: DocumentMeta;
  counts: Count[];
  dates?: DateMention[];
}

/** A span in a named report. */
export interface DocSpan {
  doc: string;
  span: Span;
}

/** One count and where it comes from. */
export interface CountRef {
  /** Report id. */
  doc: string;
  /** Index of the count in its report's `counts`. */
  index: number;
  count: Count;
  /** The count's sentence trimmed to its first and last word (see `wordCore`); else `count.sentence`. */
  core?: Span;
  /** What the count counts beyond measure and group (see `countedWhat`); missing: none. */
  what?: CountWhat;
}

/** A count's qualifier and scope; a missing field means none. */
export interface CountWhat {
  /** "lost both parents", "seriously injured", "identified", …; several joined by ", ". */
  qualifier?: string;
  /** `part` for a subset of the whole that names no narrower group; else a place inside the incident, as written. */
  scope?: string;
  /**
   * The count stated as a figure before a revision ("rose from 300", "corrected from 3,214"),
   * after it ("to 412", "corrected to 2,314"), or as a figure that has risen or fallen ("the toll
   * rose to 61", "a higher figure than first reported"). Not part of the figure's key: it orders
   * the figure's values in time.
   */
  revision?: 'earlier' | 'later' | 'risen' | 'fallen';
  /** The time the figure speaks of, as EDTF, when its sentence says ("as of Tuesday", "by 3 May 2019"). Not part of the key: it orders values in time. */
  asOf?: string;
}

/** A count with the event it was assigned to, and why. */
export interface EventCount extends CountRef {
  event: string;
  eventLabel: string;
  eventReason: string;
}

// ---- sources ----

/** One side of a shared passage. */
export interface PassageSide {
  doc: string;
  /** From the first shared word's first character to the last shared word's last character. */
  span: Span;
  /** Index of the first shared word among the report's normalised words. */
  firstWord: number;
}

/** A run of words two reports share, with exact spans in both. */
export interface SharedPassage {
  /** Side in the earlier-indexed report. */
  a: PassageSide;
  /** Side in the later-indexed report. */
  b: PassageSide;
  /** Number of words in the run (the same in both). */
  words: number;
}

/** Two reports that share text: their passages and how much of each the sharing covers. */
export interface SourcePair {
  /** The earlier-indexed report. */
  a: string;
  /** The later-indexed report. */
  b: string;
  /** Share of `a`'s shingles that lie in passages shared with `b` (0..1). */
  containmentA: number;
  /** Share of `b`'s shingles that lie in passages shared with `a` (0..1). */
  containmentB: number;
  passages: SharedPassage[];
}

/** Tuning of shingling, MinHash and LSH; every default is deterministic. */
export interface SourceOptions {
  /** Words per shingle. */
  shingle: number;
  /** Shingles per MinHash window; windows overlap by half so partial copies are found. */
  window: number;
  /** LSH bands per window signature. */
  bands: number;
  /** Signature rows per band (bands × rows MinHash functions in all). */
  rows: number;
  /** Seed of the MinHash functions. */
  seed: number;
  /** Shortest run of shared words kept as a passage. */
  minWords: number;
  /** Positions remembered per repeated shingle, so boilerplate cannot blow up verification. */
  maxPositions: number;
  /**
   * Most recent reports a bucket offers as candidates. A bucket this full is boilerplate or a
   * story reprinted everywhere; the recent copies suffice, since groups and passages chain.
   */
  maxBucket: number;
}

/** How a pair's containment is judged against the thresholds. */
export interface SourceThresholds {
  /** At or above: one source as a whole. */
  high: number;
  /** At or above (and below `high`): possibly one source, for review. */
  low: number;
  /** `min` of the two containments (both mostly copies) or `max` (either mostly a copy). */
  measure: 'min' | 'max';
}

/** How one pair was judged. */
export type PairJudgement = 'same' | 'possibly-same' | 'distinct';

/** Source groups after union-find over the `same` pairs. */
export interface SourceGroupsResult {
  /** Each group's reports, earliest-indexed first; the group's id is its first report. */
  groups: string[][];
  /** Report id → group id. */
  groupOf: Record<string, string>;
  /** Pairs between the thresholds, to be shown for review. */
  possible: SourcePair[];
}

/** Why two counts are, or are not, one source. */
export interface SameSourceAnswer {
  same: boolean;
  reason: 'same report' | 'same source group' | 'shared passage' | 'independent';
  passage?: SharedPassage;
}

// ---- figures ----

/** What a figure is about. */
export interface FigureKey {
  event: string;
  measure: Measure;
  group: string;
  unit: 'people' | 'families';
  /** What is counted beyond measure and group ("lost both parents"); absent for none. */
  qualifier?: string;
  /** `part` (a subset of the whole figure) or a place inside the incident; absent for none. */
  scope?: string;
}

/** `official` / `unofficial` as the count's attribution says, or `none`. */
export type DataKind = 'official' | 'unofficial' | 'none';

/** One distinct (min, max) range of a figure and everything that supports it. */
export interface FigureValue {
  min: number | null;
  max: number | null;
  /** "613", "hundreds", "more than 1,000". */
  label: string;
  approximate: boolean;
  counts: CountRef[];
  /** Distinct attribution sources, most used first; own-voice counts are not listed. */
  attributions: string[];
  /** Counts stated in the report's own voice. */
  unattributed: number;
  kinds: DataKind[];
  /** Distinct reports, in input order. */
  reports: string[];
  /** Independent sources: reports joined when they are one source group or share the sentence. */
  independent: number;
  /** Indices (in `Figure.values`) of values whose ranges overlap this one. */
  compatibleWith: number[];
  /** "613 killed, according to official data (4 reports, 2 independent)". */
  phrase: string;
}

/** Why a figure's values diverge. */
export type DivergenceKind = 'attribution' | 'time' | 'source';

/** The figure's verdict, always with its reason. */
export type Verdict =
  | { status: 'consistent'; reason: string }
  /** Counts that could not be placed in an incident: listed, never compared with each other. */
  | { status: 'unplaced'; reason: string }
  | { status: 'diverging'; kind: DivergenceKind; reason: string; pairs: Array<[number, number]> };

/** The reconciled view of one quantity for one event. */
export interface Figure {
  key: FigureKey;
  eventLabel: string;
  /** What the figure counts, in words: "orphaned · children · lost both parents" (see `figureName`). */
  label?: string;
  /** For a subset (`scope: part`), the key of the figure it is a part of, when the record has it. */
  partOf?: FigureKey;
  /** Ranked by independent support, then reports, then counts; never a pick of the "true" one. */
  values: FigureValue[];
  verdict: Verdict;
}

// ---- checks ----

/** What a consistency check looked at. */
export type CheckKind = 'subgroup-exceeds-total' | 'subgroups-exceed-total' | 'joint-vs-parts' | 'contradiction';

/** One finding, pointing at every span involved. */
export interface CheckResult {
  kind: CheckKind;
  /** `problem` when the numbers cannot both hold; `agrees` for a joint figure that fits its parts. */
  status: 'problem' | 'agrees';
  event: string;
  measure: Measure;
  reason: string;
  counts: CountRef[];
  spans: DocSpan[];
}

// ---- timeline ----

/** A dated sentence: one date mention with the sentence it stands in. */
export interface DatedSentence {
  doc: string;
  date: DateMention;
  sentence: Span;
  sentenceText: string;
  counts?: CountRef[];
  entities?: string[];
}

/** One report's statement of a timeline entry. */
export interface TimelineStatement {
  doc: string;
  date: DateMention;
  sentence: Span;
  sentenceText: string;
}

/** One dated happening, merged over every report that states it. */
export interface TimelineEntry {
  /** EDTF as stated. */
  value: string;
  /** ISO days the value covers (`199X` → 1990-01-01..1999-12-31); null when not EDTF we read. */
  start: string | null;
  end: string | null;
  /** The first statement's sentence. */
  sentenceText: string;
  statements: TimelineStatement[];
  /** Reports stating it, in order of addition. */
  reports: string[];
  counts: CountRef[];
  entities: string[];
}

/** A report's own publication date, kept apart from event dates. */
export interface PublicationEntry {
  doc: string;
  value: string;
  start: string | null;
  end: string | null;
  /** Mentions in the text that only restate the publication date (datelines). */
  mentions: DateMention[];
}

// ---- entities ----

/** One link between two names, and why they were joined. */
export interface AliasLink {
  a: string;
  b: string;
  why: 'same folded spelling' | 'edit distance' | 'exonym' | 'merged by a curator';
  distance?: number;
}

/** A canonical name and its other spellings. */
export interface EntityCluster {
  canonical: string;
  aliases: string[];
  /** Every spelling with how often it was seen. */
  names: Array<{ name: string; count: number }>;
  links: AliasLink[];
}
