/**
 * The reconciled record: kept as rows in named sets (SETS), assembled whole by `loadRecord` for
 * the readers that still take it whole.
 */
import type { Count, DateMention, Span } from '../../domain/types.js';
import type { CitationEntry, CitationMarker, EntityKind, Quote } from '../2-extract/extras.js';
import { createHash } from 'node:crypto';
import type { CheckResult, EntityCluster, Figure, FigureKey, PublicationEntry, SourcePair, TimelineEntry } from '../3-reconcile/types.js';

/** The row sets reconciliation writes (see storage/row-types.ts). */
export const SETS = {
  /** key `built`: BuildInfo. */
  info: 'info',
  /** key: event key; ord: its first count's ingestion position; EventRow. */
  events: 'events',
  /** key: figure id; group: event; tag: measure; ord: its event's, then its place in it; FigureRow (a head when valueCount is set). */
  figures: 'figures',
  /** key: figure id; group: event; the whole values of a figure whose `figures` row is a head (FigureRow.valueCount). */
  figureValues: 'figure-values',
  /** key: figure id, value, mention; group: figure id; tag: figure id and value (padded); a CountRef. */
  mentions: 'mentions',
  /** key: event and report id; group: event; tag: report id; each count's place and its figure's id (CountFigures). */
  countFigure: 'count-figure',
  /** key: event and position; group: event; tag: status; CheckRow. */
  checks: 'checks',
  /** key: figure id and check key; group: figure id; tag: event; the check's key. */
  figureChecks: 'figure-checks',
  /** key: entry position; group: its date value without uncertainty marks; lo, hi: its days; TimelineEntry. */
  timeline: 'timeline',
  /** key: a date value without uncertainty marks; lo, hi: the days its entries cover; its number of entries. */
  timelineValues: 'timeline-values',
  /** key: report id; the date values (as `timeline-values`) its statements stand under: what a change to it rebuilds. */
  datedValues: 'dated-values',
  /** key: position by date; tag: report id; PublicationEntry. */
  publications: 'publications',
  /** key: canonical name; EntityCluster. */
  entities: 'entities',
  /** key: a spelling; group and data: its canonical name. */
  entityNames: 'entity-names',
  /** key: canonical name; its kind and first mentions. */
  entityMentions: 'entity-mentions',
  /** key: the group's id (its first report); the group's reports, earliest first. */
  groups: 'groups',
  /** key: report id; group and data: its source group's id. */
  docGroup: 'doc-group',
  /** key: a b; group: a; tag: b; the SourcePair, packed (PackedPair: see pairOf). Written as reports are compared, never rebuilt. */
  pairs: 'pairs',
  /** key: an event whose figures a stretch of a first build left to the last (see `reconcile`). */
  eventsOwed: 'events-owed',
  /** key: a date value whose timeline entries a stretch of a first build left to the last. */
  timelineOwed: 'timeline-owed',
  /** key: a b; a pair between the thresholds, for review. */
  possible: 'possible',
  /** key: report id; group: its first event; the events of its counts in extraction order (assignments). */
  assign: 'assign',
  /** key: `m` and an event mention's name, key, label, tier, comparison, or `e` and an entity spelling; its count and first place (see tallies.ts). */
  nameTally: 'name-tally',
  /** key: an entity spelling; its first mentions (see tallies.ts). */
  nameMentions: 'name-mentions',
  /** key: `m` or `e` (the kind's links are found), or the kind and two folded keys, a < b; group: the kind; the keys' edit distance (see Tallies.typoLinks). */
  nameLinks: 'name-links',
  /** Links (event, report id): the reports with a count assigned to the event. */
  eventDocs: 'event-docs',
  /** Links (date value, report id): the reports with a statement under the value. */
  valueDocs: 'value-docs',
  /** key: what is counted (`pairs`: the next pair's position); a number. */
  counters: 'counters',
  /** key: report id; data: when the curator's edit of its metadata that the build applied was made. */
  metaApplied: 'meta-applied',
  /** Links (a folded name or year word, report id): which reports a changed event name can touch. */
  keyDocs: 'key-docs',
  /** key `order`: the word frequencies that fix the timeline index's word order (see timeline-index.ts). */
  timelineOrder: 'timeline-order',
  /** Links (date value and word, report id): the report that made an entry with a statement indexed under the word (see timeline-index.ts). */
  entryWords: 'entry-words',
} as const;

/** The sets of SETS kept as links (`Store.getLinks`), not rows. */
export const LINK_SETS: ReadonlySet<string> = new Set([SETS.eventDocs, SETS.valueDocs, SETS.keyDocs, SETS.entryWords]);

/** Record key of the assignment context: what changed in it since tells which reports to assign again. */
export const ASSIGN_CONTEXT_KEY = 'assign-context';

/**
 * The version of the rows' layout and of the rules that assign counts to incidents. A store
 * built under another is rebuilt whole once, its counts assigned again (its pairs are kept).
 * 3: mention rows keep a count and where it is, not its event and sentence core.
 * 4: name tallies, the reports of each event and of each date value, so a build reads only what it touches.
 */
export const RECORD_LAYOUT = 4;

/** What the `info` set's `built` row holds. */
export interface BuildInfo {
  builtAt: string;
  /** RECORD_LAYOUT when built (absent before layout 2). */
  layout?: number;
  /** The highest ingestion order among the reports it covered: reports above it are new. */
  lastOrder?: number;
  documents: number;
  /** Reviews stored when it was built (reviews are append-only, so the number is a version). */
  reviews: number;
  /** First and last day any dated timeline entry covers. */
  timelineRange?: { start: string; end: string } | null;
  /** Number of publication dates. */
  publications?: number;
  /** What the entity clusters were made with besides the names (curators' decisions, exonyms): a build that changes neither those nor the names keeps them. */
  entityBasis?: string;
  /** How the name tallies' rows are laid out (TALLY_LAYOUT in tallies.ts; absent: before layout 2). */
  tallyLayout?: number;
  /** How figure rows are laid out (FIGURE_LAYOUT in record-rows.ts; absent: every row whole). */
  figureLayout?: number;
}

/** A figure as stored: its id, and its values without their counts, each with its number of mentions. */
export interface FigureRow extends Omit<Figure, 'values'> {
  id: string;
  values: Array<Omit<Figure['values'][number], 'counts'> & {
    mentions: number;
    /** On a head row whose value lists more reports than it keeps: how many the value has. */
    reportCount?: number;
  }>;
  /**
   * Present on a head row, whose values or reports were cut to what a listing shows: how many
   * values the figure has. Its whole values are the `figure-values` row of the same key.
   */
  valueCount?: number;
}

/** Values a figure's head row keeps (a listing's first, best supported), and report ids per value. */
export const HEAD_VALUES = 8;
export const HEAD_REPORTS = 5;

/**
 * A figure's row as stored, and its whole values when the row is only their head: a listing
 * of large figures (a million reports' top figures have hundreds of values, each naming
 * hundreds of reports) then reads a few kilobytes per figure, not all it holds.
 */
export function figureHead(f: FigureRow): { head: FigureRow; whole?: FigureRow['values'] } {
  if (f.values.length <= HEAD_VALUES && f.values.every((v) => v.reports.length <= HEAD_REPORTS)) return { head: f };
  const values = f.values.slice(0, HEAD_VALUES).map((v) => v.reports.length <= HEAD_REPORTS ? v
    : { ...v, reports: v.reports.slice(0, HEAD_REPORTS), reportCount: v.reports.length });
  return { head: { ...f, values, valueCount: f.values.length }, whole: f.values };
}

/** A figure row made whole again from its head and its whole values. */
export function wholeFigure(head: FigureRow, values: FigureRow['values'] | undefined): FigureRow {
  if (head.valueCount === undefined) return head;
  const { valueCount: _n, ...f } = head;
  // A head whose whole values are missing (never, but a read must not invent them) stays as it is.
  return values === undefined ? head : { ...f, values };
}

/** A check as stored, with the figures it touches. */
export interface CheckRow extends CheckResult {
  figureIds: string[];
}

/** An event as stored, with its number of casualty figures. */
export interface EventRow extends EventSummary {
  figures: number;
}

/** A figure's id: a short hash of its key, stable for as long as the key is. */
export function figureId(key: FigureKey): string {
  // A qualifier or scope ("lost both parents", a subset) joins the id only when present: other ids stay as they were.
  const what = key.qualifier === undefined && key.scope === undefined ? [] : [key.qualifier ?? '', key.scope ?? ''];
  return createHash('sha256').update(JSON.stringify([key.event, key.measure, key.group, key.unit, ...what])).digest('base64url').slice(0, 16);
}

/** The key that links a count in one report to its figure and its checks. */
export function countRefKey(doc: string, count: { span: { start: number; end: number }; measure: string }): string {
  return `${doc}\n${count.span.start}-${count.span.end}\n${count.measure}`;
}

/**
 * A pair as its row stores it: the two containments, then seven numbers a passage (a's start,
 * end and first word, b's start, end and first word, the words). The reports are the row's
 * group and tag. (Written whole, a pair named its two reports five times: 300 bytes a pair.)
 */
export type PackedPair = [containmentA: number, containmentB: number, passages: number[]];

/** A pair's row (see SETS.pairs). */
export function pairRow(p: SourcePair, ord: number): { key: string; group: string; tag: string; ord: number; data: PackedPair | SourcePair } {
  const row = { key: `${p.a}\t${p.b}`, group: p.a, tag: p.b, ord };
  const nums: number[] = [];
  for (const x of p.passages) {
    // A passage in another report than the pair's (none is made so) is kept whole.
    if (x.a.doc !== p.a || x.b.doc !== p.b) return { ...row, data: p };
    nums.push(x.a.span.start, x.a.span.end, x.a.firstWord, x.b.span.start, x.b.span.end, x.b.firstWord, x.words);
  }
  return { ...row, data: [p.containmentA, p.containmentB, nums] };
}

/** A pair from its row; a row written whole (before packing) reads as it is. */
export function pairOf(row: { group: string | null; tag: string | null; data: PackedPair | SourcePair }): SourcePair {
  const d = row.data;
  if (!Array.isArray(d)) return d;
  const [a, b] = [row.group, row.tag];
  if (a === null || b === null) throw new Error('a pair row names no reports');
  const [containmentA, containmentB, nums] = d;
  const passages: SourcePair['passages'] = [];
  for (let i = 0; i + 7 <= nums.length; i += 7) {
    passages.push({
      a: { doc: a, span: { start: nums[i]!, end: nums[i + 1]! }, firstWord: nums[i + 2]! },
      b: { doc: b, span: { start: nums[i + 3]!, end: nums[i + 4]! }, firstWord: nums[i + 5]! },
      words: nums[i + 6]!,
    });
  }
  return { a, b, containmentA, containmentB, passages };
}

/** One count's stored event assignment (by extraction ordinal). */
export interface StoredAssignment {
  event: string;
  label: string;
  reason: string;
}

/** An event the counts were grouped under, and why. */
export interface EventSummary {
  key: string;
  label: string;
  counts: number;
  reports: number;
  /**
   * When it happened, as its reports' count sentences date it: the EDTF value they give most
   * (the earliest on a tie), not a publication date; absent when no such sentence is dated.
   */
  when?: string;
  /** How many count sentences give that date. */
  whenSupport?: number;
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
