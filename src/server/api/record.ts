/** API types of the reconciled record: figures, checks, events, timeline, entities, sources, exports. Imports only its sibling API files. */
import type { Count, DateMention, DocumentLabel, DocumentLabels, Measure, Span } from './values.js';
import type { ReviewStatus, SourceGroup } from './documents.js';
import type { AuditEntry } from './review.js';

/** What a figure is about. */
export interface FigureKey {
  event: string;
  measure: Measure;
  group: string;
  unit: 'people' | 'families';
}

/** `official` / `unofficial` as attributed, or `none`. */
export type DataKind = 'official' | 'unofficial' | 'none';

/** Why a figure's values diverge. */
export type DivergenceKind = 'attribution' | 'time' | 'source';

/** A figure's verdict, always with its reason. */
export type Verdict =
  | { status: 'consistent'; reason: string }
  /** Counts that could not be placed in an incident: listed, never compared with each other. */
  | { status: 'unplaced'; reason: string }
  | { status: 'diverging'; kind: DivergenceKind; reason: string; pairs: Array<[number, number]> };

/** One distinct value of a figure. */
export interface FigureValueSummary {
  min: number | null;
  max: number | null;
  label: string;
  approximate: boolean;
  /** Distinct attribution sources, most used first. */
  attributions: string[];
  /** Mentions in the reports' own voice. */
  unattributed: number;
  kinds: DataKind[];
  /** Report ids: in a listing, the first `reports` of them when the query limits them. */
  reports: string[];
  /** How many reports state the value. */
  reportCount: number;
  /** Independent sources behind the value. */
  independent: number;
  /** Indices of values whose ranges overlap this one. */
  compatibleWith: number[];
  /** "613 killed, according to official data (4 reports, 2 independent)". */
  phrase: string;
  /** Number of mentions. */
  mentions: number;
}

/** A figure in a listing. */
export interface FigureSummary {
  /** Stable while the figure's key is the same. */
  id: string;
  key: FigureKey;
  eventLabel: string;
  /** Ranked by independent support; the first `values` of them when the query limits them. */
  values: FigureValueSummary[];
  /** How many distinct values the figure has in all. */
  valueCount: number;
  verdict: Verdict;
}

/** Query of `GET /api/figures`. */
export interface FigureListQuery {
  /** Event key or part of its label. */
  event?: string;
  measure?: Measure;
  /** Include population and other counts. */
  all?: boolean;
  /** At most this many values per figure (1–1000; default all). */
  values?: number;
  /** At most this many report ids per value (0–1000; default all; `reportCount` says how many). */
  reports?: number;
  /** Only values stated by this class of source (and the figures with any). */
  kind?: 'official' | 'unofficial' | 'named' | 'unattributed';
  /** Only values stated by reports of this publisher (as curated). */
  publisher?: string;
  /** Only values stated by reports dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  /** … on or before this day. */
  to?: string;
  /** A page of the figures that pass: at most this many (1–1000; default 200). */
  limit?: number;
  offset?: number;
}

/** `GET /api/figures`. */
export interface FigureList {
  builtAt: string;
  /** How many figures pass the query, on every page. */
  total: number;
  items: FigureSummary[];
  /** The reports of the values listed: title, publisher and date (as curated). */
  documents: DocumentLabels;
}

/** One mention of a figure's value, in its context. */
export interface Mention {
  document: DocumentLabel;
  /** Id of the document's source group. */
  sourceGroup: string;
  /** The count as reconciled (with a review applied). */
  count: Count;
  status: ReviewStatus;
  /** The sentence stating it. */
  sentence: { span: Span; text: string };
  /** Where the count's words stand within `sentence.text`. */
  highlight: Span;
}

/** Query of `GET /api/figures/:id`. */
export interface FigureDetailQuery {
  /** Mentions shown per value, 1–5000, default 200; each value's `mentions` is the total. */
  evidence?: number;
}

/** A figure's value with its evidence. */
export interface FigureValueDetail extends FigureValueSummary {
  /** The first mentions (see FigureDetailQuery); `mentions` counts them all. */
  evidence: Mention[];
}

/** A count of a report, as the record points at it. */
export interface CountRef {
  doc: string;
  /** Index among the counts reconciliation used. */
  index: number;
  count: Count;
}

/** A span in a named report. */
export interface DocSpan {
  doc: string;
  span: Span;
}

/** One consistency finding. */
export interface CheckView {
  kind: 'subgroup-exceeds-total' | 'subgroups-exceed-total' | 'joint-vs-parts' | 'contradiction';
  status: 'problem' | 'agrees';
  event: string;
  measure: Measure;
  reason: string;
  counts: CountRef[];
  spans: DocSpan[];
  /** Figures it touches. */
  figureIds: string[];
}

/** `GET /api/figures/:id`: every mention in context and the checks touching it. */
export interface FigureDetail {
  builtAt: string;
  id: string;
  key: FigureKey;
  eventLabel: string;
  verdict: Verdict;
  values: FigureValueDetail[];
  checks: CheckView[];
}

/** An event the counts were grouped under. */
export interface EventView {
  key: string;
  label: string;
  counts: number;
  reports: number;
  /** Casualty figures of the event. */
  figures: number;
}

/** `GET /api/events`. */
export interface EventList {
  builtAt: string;
  documents: number;
  items: EventView[];
}

/** `GET /api/checks` query. */
export interface CheckListQuery {
  event?: string;
  status?: 'problem' | 'agrees';
  /** At most this many items (default: all); 0 asks only for `total`. */
  limit?: number;
  offset?: number;
}

/** `GET /api/checks`. */
export interface CheckList {
  builtAt: string;
  /** How many checks match, whatever `limit` and `offset` keep. */
  total: number;
  items: CheckView[];
  documents: DocumentLabels;
}

/** One report's statement of a timeline entry. */
export interface TimelineStatement {
  doc: string;
  date: DateMention;
  sentence: Span;
  sentenceText: string;
}

/** One dated happening, over every report that states it. */
export interface TimelineEntry {
  /** EDTF as stated. */
  value: string;
  /** First and last ISO day it covers; null when open or unreadable. */
  start: string | null;
  end: string | null;
  sentenceText: string;
  statements: TimelineStatement[];
  reports: string[];
  counts: CountRef[];
  entities: string[];
}

/** A report's own publication date. */
export interface PublicationEntry {
  doc: string;
  value: string;
  start: string | null;
  end: string | null;
  mentions: DateMention[];
}

/** Query of `GET /api/timeline` (pages the entries that pass the filters). */
export interface TimelineQuery {
  /** 1–5000, default 1000. */
  limit?: number;
  offset?: number;
  /** An incident's key, or words of its label: entries with a count in it (without counts, stated by a report with counts in it). */
  event?: string;
  /** Only statements by reports of this publisher. */
  publisher?: string;
  /** Only statements by reports published within from–to (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Only entries with a count stated by this class of source. */
  kind?: 'official' | 'unofficial' | 'named' | 'unattributed';
}

/** `GET /api/timeline`. */
export interface Timeline {
  builtAt: string;
  /** The entries of this page, in chronological order. */
  entries: TimelineEntry[];
  /** How many entries pass the filters, in all. */
  total: number;
  limit: number;
  offset: number;
  /** First and last day any dated entry covers (over all pages), for drawing one axis. */
  range: { start: string; end: string } | null;
  /** Publication dates, in order: at most 1000 of them. */
  publications: PublicationEntry[];
  publicationCount: number;
  documents: DocumentLabels;
}

/** A link between two spellings. */
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
  names: Array<{ name: string; count: number }>;
  links: AliasLink[];
}

/** `GET /api/entities`. */
export interface EntityList {
  builtAt: string;
  items: EntityCluster[];
  /** Curators' merges and splits, latest first. */
  decisions: EntityDecisionView[];
}

/** A curator's decision on entities: `name`'s entity merged into `into`'s, or the spelling `name` split from `from`. */
export interface EntityDecisionView {
  decision: 'merge' | 'split';
  name: string;
  into?: string;
  from?: string;
  by: string;
  at: string;
  reason: string;
}

/** Body of `POST /api/entities/merge`: the entity with the spelling `name` joins the one with `into`. */
export interface EntityMergeRequest {
  name: string;
  into: string;
  reason: string;
}

/** Body of `POST /api/entities/split`: the spelling `name` leaves its entity and stands alone. */
export interface EntitySplitRequest {
  name: string;
  reason: string;
}

/** What a merge or split did: the decision, its audit entry, the entity `name` is in now, how many entities there are. */
export interface EntityDecisionResponse {
  decision: EntityDecisionView;
  audit: AuditEntry;
  entity: EntityCluster;
  entities: number;
}

/** One side of a shared passage, with its words. */
export interface PassageSide {
  doc: string;
  span: Span;
  /** Untrusted document text: render as text. */
  text: string;
}

/** A run of words two reports share. */
export interface PassageView {
  words: number;
  a: PassageSide;
  b: PassageSide;
}

/** Two reports that share text. */
export interface SourcePairView {
  a: string;
  b: string;
  containmentA: number;
  containmentB: number;
  passages: PassageView[];
}

/** Query of `GET /api/sources` (pages the pairs). */
export interface SourcesQuery {
  /** 1–500, default 100. */
  limit?: number;
  offset?: number;
}

/** `GET /api/sources`: groups, and pairs with their passages. */
export interface SourcesView {
  builtAt: string;
  groups: SourceGroup[];
  pairs: { total: number; items: SourcePairView[] };
  /** Pairs that might be one source, for review. */
  possible: SourcePairView[];
  /** Pairs a curator decided, latest first. */
  decisions: SourceDecisionView[];
  documents: DocumentLabels;
}

/** A curator's decision on a pair of reports. */
export interface SourceDecisionView {
  a: string;
  b: string;
  decision: 'same' | 'independent';
  by: string;
  at: string;
  reason: string;
}

/** Body of `POST /api/sources/decisions`. */
export interface SourceDecisionRequest {
  a: string;
  b: string;
  decision: 'same' | 'independent';
  reason: string;
}

/** What a decision did: the decision, its audit entry, the number of independent sources now. */
export interface SourceDecisionResponse {
  decision: SourceDecisionView;
  audit: AuditEntry;
  sourceGroups: number;
}

/** `GET /api/export/figures.json`. */
export interface FiguresExport {
  builtAt: string;
  figures: FigureDetail[];
  documents: DocumentLabels;
}
