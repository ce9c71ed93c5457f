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
function contentWords(s: DatedSentence): Set<string> {
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

/** An EDTF value without its uncertainty marks, for matching. */
function plain(value: string): string {
  return value.replace(/[~?%]/g, '');
}

interface Held {
  entry: TimelineEntry;
  words: Set<string>[];
  order: number;
}

/**
 * A timeline built one report at a time. A date mention joins an entry with the same value
 * when its sentence's content words (date words left out) reach `similarity` Jaccard with one
 * of the entry's statements. A mention that only restates its report's publication date, in a
 * sentence with no counts (a dateline), is a publication mention, not an event.
 */
export class Timeline {
  private readonly byValue = new Map<string, Held[]>();
  private readonly held: Held[] = [];
  private readonly pubs = new Map<string, PublicationEntry>();
  private readonly similarity: number;

  /** An empty timeline; `similarity` defaults to 0.5. */
  constructor(options: { similarity?: number } = {}) {
    this.similarity = options.similarity ?? 0.5;
  }

  /** Adds one report's dated sentences and its publication date (EDTF, when known). */
  addReport(doc: string, published: string | undefined, sentences: readonly DatedSentence[]): void {
    const pub = published === undefined ? null : this.publication(doc, published);
    for (const s of sentences) {
      if (pub !== null && plain(s.date.value) === plain(pub.value) && (s.counts ?? []).length === 0) pub.mentions.push(s.date);
      else this.addStatement(s);
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
    const key = plain(s.date.value);
    const words = contentWords(s);
    const candidates = this.byValue.get(key) ?? [];
    let best: Held | undefined;
    let bestScore = -1;
    for (const h of candidates) {
      const score = Math.max(...h.words.map((w) => jaccard(w, words)));
      if (score >= this.similarity && score > bestScore) [best, bestScore] = [h, score];
    }
    const statement = { doc: s.doc, date: s.date, sentence: s.sentence, sentenceText: s.sentenceText };
    if (best !== undefined) {
      best.entry.statements.push(statement);
      best.words.push(words);
      if (!best.entry.reports.includes(s.doc)) best.entry.reports.push(s.doc);
      best.entry.counts.push(...(s.counts ?? []));
      for (const e of s.entities ?? []) if (!best.entry.entities.includes(e)) best.entry.entities.push(e);
      return;
    }
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
    const held = { entry, words: [words], order: this.held.length };
    this.held.push(held);
    this.byValue.set(key, [...candidates, held]);
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

/** The whole timeline in one call, reports in the order given. */
export function buildTimeline(reports: ReadonlyArray<{ doc: string; published?: string; sentences: readonly DatedSentence[] }>, options: { similarity?: number } = {}): { entries: TimelineEntry[]; publications: PublicationEntry[] } {
  const t = new Timeline(options);
  for (const r of reports) t.addReport(r.doc, r.published, r.sentences);
  return { entries: t.entries(), publications: t.publications() };
}
