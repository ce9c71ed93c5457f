/** One chronology of dated happenings, merged across reports, with publication dates apart. */
import type { Span } from '../../../domain/types.js';
import { splitSentences } from '../../../nlp/sentences.js';
import { wordsOf } from '../sources/words.js';
import type { CountRef, DatedSentence, PublicationEntry, ReportInput, TimelineEntry } from '../types.js';
import { compareRanges, edtfRange } from './edtf.js';

// Words that carry no content, so two sentences are compared on what they say happened.
const STOP = new Set(('a an the and or but of in on at to for from by with as was were is are be been had has have ' +
  'that this these those it its their his her they he she we which who when where than then there after before ' +
  'said says according').split(' '));

/** The content words of a sentence, without the words of its date. */
export function contentWords(s: Pick<DatedSentence, 'date' | 'sentence' | 'sentenceText'>): Set<string> {
  const from = s.date.span.start - s.sentence.start;
  const to = s.date.span.end - s.sentence.start;
  const text = `${s.sentenceText.slice(0, Math.max(0, from))} ${s.sentenceText.slice(Math.max(0, to))}`;
  return new Set(wordsOf(text).filter((w) => !STOP.has(w)));
}

/** |a ∩ b| / |a ∪ b|; two empty sets are not similar (nothing says they are one happening). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** An EDTF value without its uncertainty marks, for matching: statements of one such value are merged together, and only with each other. */
export function plainValue(value: string): string {
  return value.replace(/[~?%]/g, '');
}

interface Held {
  entry: TimelineEntry;
  words: Set<string>[];
  order: number;
  /** `entry.reports` and `entry.entities` as sets, for membership in constant time. */
  reports: Set<string>;
  entities: Set<string>;
  /** Taken up as built before (`seed`), rather than made here. */
  seeded?: boolean;
}

interface Posting { held: Held; statement: number; pos: number; size: number }

/** Statements of one date value, and each word's statements among those whose prefix holds it. */
interface Bucket {
  held: Held[];
  /** Each posting: the statement, its word's place in the statement's words (in index order) and their number. */
  postings: Map<string, Posting[]>;
  /**
   * Each word set indexed (its words in index order, joined), and the entry holding it. A
   * statement with the words of one indexed before (a wire story's copies) scores 1 with that
   * entry, which nothing beats: it joins it without a lookup and is not indexed again.
   */
  exact: Map<string, Held>;
}

/** Jaccard of content words from which a statement joins an entry, unless a timeline is given another. */
export const SIMILARITY = 0.5;

/** Options of a timeline. */
export interface TimelineOptions {
  /** Jaccard of content words from which a statement joins an entry (default 0.5). */
  similarity?: number;
  /**
   * How often each word occurs across the statements, when known in advance: rare words are
   * then indexed first, which keeps each lookup short. Any order gives the same timeline.
   */
  frequency?: ReadonlyMap<string, number>;
  /** Compare every statement of a date with every other (the reference the index must equal; for tests). */
  scan?: boolean;
}

/**
 * A timeline built one report at a time. A date mention joins an entry with the same value
 * when its sentence's content words (date words left out) reach `similarity` Jaccard with one
 * of the entry's statements. A mention that only restates its report's publication date, in a
 * sentence with no counts (a dateline), is a publication mention, not an event.
 */
export class Timeline {
  private readonly byValue = new Map<string, Bucket>();
  private readonly held: Held[] = [];
  /** Entries a statement was added to or made (not those only seeded). */
  private readonly changed = new Set<Held>();
  private readonly pubs = new Map<string, PublicationEntry>();
  private readonly similarity: number;
  private readonly frequency: ReadonlyMap<string, number>;
  private readonly scan: boolean;

  /** An empty timeline; `similarity` defaults to 0.5. */
  constructor(options: TimelineOptions = {}) {
    this.similarity = options.similarity ?? SIMILARITY;
    this.frequency = options.frequency ?? new Map();
    // A threshold of 0 or less joins sets that share nothing, which no word index can find.
    this.scan = options.scan === true || !(this.similarity > 0);
  }

  /** Adds one report's dated sentences and its publication date (EDTF, when known). */
  addReport(doc: string, published: string | undefined, sentences: readonly DatedSentence[], options: { publicationsOnly?: boolean } = {}): void {
    const pub = published === undefined ? null : this.publication(doc, published);
    for (const s of sentences) {
      if (pub !== null && plainValue(s.date.value) === plainValue(pub.value) && (s.counts ?? []).length === 0) pub.mentions.push(s.date);
      else if (options.publicationsOnly !== true) this.addStatement(s);
    }
  }

  /**
   * Takes up an entry built before (in the order entries were made), as it stands: its
   * statements are indexed, so that statements added after it merge into it as they would
   * have had it been built here.
   */
  seed(entry: TimelineEntry): void {
    const key = plainValue(entry.value);
    let bucket = this.byValue.get(key);
    if (bucket === undefined) this.byValue.set(key, (bucket = { held: [], postings: new Map(), exact: new Map() }));
    const copy: TimelineEntry = { ...entry, statements: [...entry.statements], reports: [...entry.reports], counts: [...entry.counts], entities: [...entry.entities] };
    const held: Held = { entry: copy, words: [], order: this.held.length, reports: new Set(copy.reports), entities: new Set(copy.entities), seeded: true };
    this.held.push(held);
    bucket.held.push(held);
    for (const st of copy.statements) {
      const words = contentWords(st);
      held.words.push(words);
      if (this.scan) continue;
      this.index(bucket, this.ordered(words), held, held.words.length - 1);
    }
  }

  /** Event entries in date order (first day, then last day, then order of addition). */
  entries(): TimelineEntry[] {
    return [...this.held]
      .sort((a, b) => compareRanges(range(a.entry), range(b.entry)) || a.order - b.order)
      .map((h) => h.entry);
  }

  /** Publication dates of the reports, in date order. */
  publications(): PublicationEntry[] {
    return [...this.pubs.values()].sort((a, b) => compareRanges(range(a), range(b)));
  }

  private publication(doc: string, value: string): PublicationEntry {
    const r = edtfRange(value);
    const entry: PublicationEntry = { doc, value, start: r?.start ?? null, end: r?.end ?? null, mentions: [] };
    this.pubs.set(doc, entry);
    return entry;
  }

  private addStatement(s: DatedSentence): void {
    const key = plainValue(s.date.value);
    const words = contentWords(s);
    let bucket = this.byValue.get(key);
    if (bucket === undefined) this.byValue.set(key, (bucket = { held: [], postings: new Map(), exact: new Map() }));
    const ordered = this.scan ? null : this.ordered(words);
    const same = ordered === null ? undefined : this.sameWords(bucket, ordered);
    const best = ordered === null ? this.bestByScan(bucket, words) : same ?? this.bestByIndex(bucket, words, this.prefixOf(ordered));
    const statement = { doc: s.doc, date: s.date, sentence: s.sentence, sentenceText: s.sentenceText };
    let target: Held;
    if (best !== undefined) {
      target = best;
      best.entry.statements.push(statement);
      best.words.push(words);
      if (!best.reports.has(s.doc)) {
        best.reports.add(s.doc);
        best.entry.reports.push(s.doc);
      }
      best.entry.counts.push(...(s.counts ?? []));
      for (const e of s.entities ?? []) {
        if (best.entities.has(e)) continue;
        best.entities.add(e);
        best.entry.entities.push(e);
      }
    } else {
      const r = edtfRange(s.date.value);
      const entry: TimelineEntry = {
        value: s.date.value,
        start: r?.start ?? null,
        end: r?.end ?? null,
        sentenceText: s.sentenceText,
        statements: [statement],
        reports: [s.doc],
        counts: [...(s.counts ?? [])],
        entities: [...new Set(s.entities ?? [])],
      };
      target = { entry, words: [words], order: this.held.length, reports: new Set(entry.reports), entities: new Set(entry.entities) };
      this.held.push(target);
      bucket.held.push(target);
    }
    this.changed.add(target);
    if (ordered !== null && same === undefined) this.index(bucket, ordered, target, target.words.length - 1);
  }

  /** The entries made or added to since the timeline was made, seeded ones left as they were out (in the order made). */
  changedEntries(): TimelineEntry[] {
    return [...this.changed].sort((a, b) => a.order - b.order).map((h) => h.entry);
  }

  /** The entries made here (not seeded), in the order made. */
  madeEntries(): TimelineEntry[] {
    return this.held.filter((h) => h.seeded !== true).map((h) => h.entry);
  }

  /** The entry holding a statement of exactly these words (in index order), when one can join it. */
  private sameWords(bucket: Bucket, ordered: readonly string[]): Held | undefined {
    return ordered.length > 0 && this.similarity <= 1 ? bucket.exact.get(ordered.join('\u0000')) : undefined;
  }

  /**
   * Indexes a statement (its words in index order) under the words of its prefix, each with its
   * place; a word set the bucket has indexed already is not indexed again.
   */
  private index(bucket: Bucket, ordered: readonly string[], held: Held, statement: number): void {
    if (ordered.length === 0) return;
    const sig = ordered.join('\u0000');
    const first = bucket.exact.get(sig);
    if (first !== undefined && first.order <= held.order) return;
    bucket.exact.set(sig, held);
    const size = ordered.length;
    this.prefixOf(ordered).forEach((w, pos) => {
      const list = bucket.postings.get(w);
      const posting = { held, statement, pos, size };
      if (list === undefined) bucket.postings.set(w, [posting]);
      else list.push(posting);
    });
  }

  /** The entry whose closest statement is most similar, at or above the threshold; the earliest on a tie. */
  private bestByScan(bucket: Bucket, words: Set<string>): Held | undefined {
    let best: Held | undefined;
    let bestScore = -1;
    for (const h of bucket.held) {
      const score = Math.max(...h.words.map((w) => jaccard(w, words)));
      if (score >= this.similarity && score > bestScore) [best, bestScore] = [h, score];
    }
    return best;
  }

  /**
   * As `bestByScan`, looking only at statements that share a word of the prefixes. Sets with
   * Jaccard ≥ t share at least ⌈t·|x|⌉ words, so (words in one fixed order) their prefixes of
   * |x| − ⌈t·|x|⌉ + 1 words share one: no statement that could reach the threshold is missed.
   * And (the positional filter of PPJoin) where two statements first meet, at the i-th word of
   * one and the j-th of the other, every word they share comes at or after those places, so they
   * share at most 1 + min(|x| − i − 1, |y| − j − 1): a pair that cannot reach t by then is not
   * compared. Statements of one template ("the town of X, home to N people, was hit") meet on
   * their common words, late in the order, and are passed over unless their rare words agree.
   */
  private bestByIndex(bucket: Bucket, words: Set<string>, prefix: readonly string[]): Held | undefined {
    const seen = new Map<Held, Set<number>>();
    let best: Held | undefined;
    let bestScore = -1;
    const n = words.size;
    for (let i = 0; i < prefix.length; i++) {
      for (const { held, statement, pos, size } of bucket.postings.get(prefix[i]!) ?? []) {
        let done = seen.get(held);
        if (done === undefined) seen.set(held, (done = new Set()));
        if (done.has(statement)) continue;
        done.add(statement);
        const most = 1 + Math.min(n - i - 1, size - pos - 1);
        if (most < this.similarity * (n + size - most)) continue;
        const score = jaccard(held.words[statement]!, words);
        if (score < this.similarity) continue;
        if (score > bestScore || (score === bestScore && best !== undefined && held.order < best.order)) [best, bestScore] = [held, score];
      }
    }
    return best;
  }

  /** A set's words in index order: the rarest first, ties by spelling. */
  private ordered(words: ReadonlySet<string>): string[] {
    const f = (w: string) => this.frequency.get(w) ?? 0;
    return [...words].sort((a, b) => f(a) - f(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The words to index a set (in index order) under: its rarest, as many as the threshold requires (one spare against rounding). */
  private prefixOf(sorted: readonly string[]): readonly string[] {
    return sorted.slice(0, Math.min(sorted.length, sorted.length - Math.ceil(this.similarity * sorted.length) + 2));
  }
}

/** The day range of an entry, or null when its value was not read. */
function range(e: { start: string | null; end: string | null; value: string }) {
  return e.start === null && e.end === null && edtfRange(e.value) === null ? null : { start: e.start, end: e.end };
}

/**
 * A report's date mentions with their sentences and the counts in them. Sentence spans come
 * from the caller when known, else from the shared sentence splitter.
 */
export function datedSentences(report: Pick<ReportInput, 'id' | 'text' | 'dates'>, counts: readonly CountRef[] = [], sentences?: readonly Span[]): DatedSentence[] {
  const spans = sentences ?? splitSentences(report.text);
  return (report.dates ?? []).map((date) => {
    const sentence = spans.find((s) => s.start <= date.span.start && date.span.end <= s.end) ?? date.span;
    const inside = counts.filter((c) => c.doc === report.id && sentence.start <= c.count.span.start && c.count.span.end <= sentence.end);
    return { doc: report.id, date, sentence, sentenceText: report.text.slice(sentence.start, sentence.end), counts: inside };
  });
}

/** How often each word occurs in the statements, so that lookups go by rare words first. */
export function statementFrequency(reports: Iterable<{ sentences: ReadonlyArray<Pick<DatedSentence, 'date' | 'sentence' | 'sentenceText'>> }>): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const r of reports) for (const s of r.sentences) for (const w of contentWords(s)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  return frequency;
}

/**
 * The whole timeline in one call, reports in the order given; with `publicationsOnly`, only
 * the publications are wanted and no statement is merged.
 */
export function buildTimeline(reports: ReadonlyArray<{ doc: string; published?: string; sentences: readonly DatedSentence[] }>, options: Omit<TimelineOptions, 'frequency'> & { publicationsOnly?: boolean } = {}): { entries: TimelineEntry[]; publications: PublicationEntry[] } {
  if (options.publicationsOnly === true) {
    const t = new Timeline(options);
    for (const r of reports) t.addReport(r.doc, r.published, r.sentences, { publicationsOnly: true });
    return { entries: [], publications: t.publications() };
  }
  const t = new Timeline({ ...options, frequency: statementFrequency(reports) });
  for (const r of reports) t.addReport(r.doc, r.published, r.sentences);
  return { entries: t.entries(), publications: t.publications() };
}
