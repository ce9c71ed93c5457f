/**
 * What a report yields besides its counts and dates, computed once in the ingest worker and
 * stored with it: entities, quotes, citations, event mentions, dated sentences, per-count facts
 * and the source signature. Reconciliation reads these rows and never re-reads the text for them.
 */
import type { Count, DateMention, Extraction, Span } from '../../domain/types.js';
import type { Derived } from '../../storage/row-types.js';
import { splitSentences } from '../../nlp/sentences.js';
import { extractExtras } from '../2-extract/extras.js';
import type { EntityMention, Extras } from '../2-extract/extras.js';
import { findEventMentions, type EventMention } from '../3-reconcile/figures/events.js';
import { sentenceKind } from '../3-reconcile/figures/values.js';
import { countsWhat, type CountWhat } from '../3-reconcile/figures/what.js';
import { signatureOf } from '../3-reconcile/sources/signature.js';
import { wordCore } from '../3-reconcile/sources/words.js';
import type { DataKind } from '../3-reconcile/types.js';

/** Per count, parallel to the extraction's counts: what reconciliation needs of its sentence. */
export interface CountFact {
  /** The sentence trimmed to its first and last word (see `wordCore`). */
  core: Span;
  /** What the sentence says of the count's kind when it has no attribution. */
  kind: DataKind;
  /** Sentence breaks (";" or ".") between the sentence start and the count's start and end. */
  breaks: [number, number];
  /** What the count counts beyond measure and group (see `countedWhat`); missing in stores written before it: none. */
  what?: CountWhat;
}

/** A date with its sentence, as the timeline reads it. */
export interface DatedPart {
  date: DateMention;
  sentence: Span;
  sentenceText: string;
}

/** The parts, by name, as stored. */
export interface DerivedParts {
  entities: Extras['entities'];
  quotes: Extras['quotes'];
  citations: Extras['citations'];
  mentions: EventMention[];
  dated: DatedPart[];
  facts: CountFact[];
}

/** The names of every part. */
export const PART_NAMES = ['entities', 'quotes', 'citations', 'mentions', 'dated', 'facts'] as const;

const BREAK = /[;.]/g;
function breaksIn(text: string, from: number, to: number): number {
  if (to <= from) return 0;
  BREAK.lastIndex = 0;
  return text.slice(from, to).match(BREAK)?.length ?? 0;
}

/** The facts of one count. */
function factOf(text: string, c: Count, what: CountWhat): CountFact {
  const s = c.sentence;
  const fact: CountFact = {
    core: wordCore(text, s),
    kind: sentenceKind(text.slice(s.start, s.end)),
    breaks: [breaksIn(text, s.start, c.span.start), breaksIn(text, s.start, c.span.end)],
  };
  if (Object.keys(what).length > 0) fact.what = what;
  return fact;
}

/** The facts of every count of a report, parallel to its counts. */
function factsOf(text: string, counts: readonly Count[], dates: readonly DateMention[]): CountFact[] {
  const what = countsWhat(text, counts, dates);
  return counts.map((c, i) => factOf(text, c, what[i]!));
}

/** Dated sentences: each date with the sentence it stands in. */
function datedOf(text: string, dates: readonly DateMention[]): DatedPart[] {
  if (!dates.length) return [];
  const spans = splitSentences(text);
  // Sentences follow one another without overlapping: the one holding a date is the last that
  // starts at or before it, found by a binary search (a long report has tens of thousands).
  const ordered = spans.every((s, i) => i === 0 || spans[i - 1]!.end <= s.start);
  const holding = (d: Span): Span | undefined => {
    if (!ordered) return spans.find((s) => s.start <= d.start && d.end <= s.end);
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid]!.start <= d.start) lo = mid + 1; else hi = mid; }
    const s = spans[lo - 1];
    return s !== undefined && d.end <= s.end ? s : undefined;
  };
  return dates.map((date) => {
    const sentence = holding(date.span) ?? date.span;
    return { date, sentence, sentenceText: text.slice(sentence.start, sentence.end) };
  });
}

/**
 * Entity mentions as their part stores them: each kind and spelling once, then five numbers a
 * mention (its name's place in `names`, its span, its sentence), in the mentions' order. The
 * objects repeated every field name and the spelling for each mention: 1.2 KB of a 600-byte report.
 */
export interface PackedEntities {
  names: Array<[EntityMention['kind'], string]>;
  at: number[];
}

/** Entity mentions packed for storage (see PackedEntities). */
export function packEntities(list: readonly EntityMention[]): PackedEntities {
  const names: PackedEntities['names'] = [];
  const index = new Map<string, number>();
  const at: number[] = [];
  for (const e of list) {
    const key = `${e.kind}\u0000${e.text}`;
    let i = index.get(key);
    if (i === undefined) { index.set(key, (i = names.length)); names.push([e.kind, e.text]); }
    at.push(i, e.span.start, e.span.end, e.sentence.start, e.sentence.end);
  }
  return { names, at };
}

/** A stored entities part as mentions: packed, or a plain list as parts were stored before packing; nothing when absent. */
export function entitiesOf(part: unknown): EntityMention[] {
  if (part === undefined || part === null) return [];
  if (Array.isArray(part)) return part as EntityMention[];
  const { names, at } = part as PackedEntities;
  const out: EntityMention[] = [];
  for (let k = 0; k + 4 < at.length; k += 5) {
    const name = names[at[k]!];
    if (name === undefined) throw new Error(`a packed entities part names entry ${String(at[k])} of ${names.length}`);
    out.push({ kind: name[0], text: name[1], span: { start: at[k + 1]!, end: at[k + 2]! }, sentence: { start: at[k + 3]!, end: at[k + 4]! } });
  }
  return out;
}

/** Everything a report yields besides its extraction. Pure: the same text gives the same parts. */
export function deriveReport(text: string, extraction: Extraction): Derived {
  const extras = extractExtras(text);
  const parts: DerivedParts = {
    entities: extras.entities,
    quotes: extras.quotes,
    citations: extras.citations,
    mentions: findEventMentions(text),
    dated: datedOf(text, extraction.dates),
    facts: factsOf(text, extraction.counts, extraction.dates),
  };
  return { parts: { ...parts, entities: packEntities(parts.entities) }, signature: signatureOf(text) };
}
