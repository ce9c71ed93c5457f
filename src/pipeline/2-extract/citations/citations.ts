/** Footnote markers linked to their notes or bibliography entries, each marker with the sentence it ends. */
import type { Span } from '../../../domain/types.js';
import { splitSentences } from '../../../nlp/sentences.js';
import { findMarkers } from './markers.js';
import { findNotes } from './notes.js';
import type { CitationMarker, Citations } from './types.js';

/** Options for `findCitations`. */
export interface CitationOptions {
  /** Sentence spans of the body, when the caller has them already. */
  sentences?: readonly Span[];
  /** Where the body ends; markers are read before it (default: the first notes heading, else the whole text). */
  end?: number;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/** Index of the sentence holding offset `p` (the last one starting at or before it), or -1. */
function sentenceAt(sentences: readonly Span[], p: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= p) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/**
 * The sentence a marker at `span` ends: "…orphaned.[1] The next" → the sentence up to the marker; a marker that
 * opens a sentence ("… orphaned. [1] The …" split there) belongs to the one before.
 */
function endedSentence(text: string, sentences: readonly Span[], span: Span): Span {
  const i = sentenceAt(sentences, span.start);
  if (i < 0) return { start: span.start, end: span.end };
  const s = sentences[i]!;
  if (span.start >= s.end) return s;
  if (span.start === s.start && i > 0) return sentences[i - 1]!;
  let p = span.start - 1;
  while (p > s.start && CLOSERS.has(text[p]!)) p--;
  // After a full stop the sentence ended at the marker, even if the splitter ran on past it ("died.^[2] The");
  // so did it before a capital ("… the Korsk region^[3] Then, …", a stop left out).
  let n = span.end;
  while (n < s.end && text[n] === ' ') n++;
  if (span.end < s.end && ('.!?'.includes(text[p]!) || (n > span.end && /\p{Lu}/u.test(text[n] ?? '')))) return { start: s.start, end: span.end };
  return s;
}

/** Finds footnote markers and notes entries in `text` and links each marker to the entry with its label. */
export function findCitations(text: string, options: CitationOptions = {}): Citations {
  const notes = findNotes(text);
  const end = Math.min(options.end ?? text.length, notes.start ?? text.length);
  const sentences = options.sentences ?? splitSentences(text, 0, end);
  const byLabel = new Map<string, number>();
  notes.entries.forEach((e, i) => {
    if (e.label !== null && !byLabel.has(e.label)) byLabel.set(e.label, i);
  });
  const markers: CitationMarker[] = findMarkers(text, end, new Set(byLabel.keys()), notes.start !== null).map((m) => ({
    label: m.label,
    span: m.span,
    sentence: endedSentence(text, sentences, m.span),
    entry: byLabel.get(m.label) ?? null,
  }));
  return { markers, entries: notes.entries };
}
