/** Balanced quotation marks: “…”, "…", ‘…’ and '…', each pair found in one linear pass. */
import type { Span } from '../../../domain/types.js';

/** A quoted passage: the span inside the marks and the span of the marks themselves. */
export interface Marks {
  inner: Span;
  outer: Span;
}

/** Longest double-quoted passage (a few paragraphs); an unclosed mark must not swallow the report. */
export const MAX_DOUBLE = 4000;
/** Longest single-quoted passage: single marks double as apostrophes, so they are trusted over short reaches. */
export const MAX_SINGLE = 400;

const SPACE = /\s/;
const WORD = /[\p{L}\p{N}]/u;
// What may stand before an opening straight mark: nothing, space, a bracket, a dash, a colon.
const BEFORE_OPEN = /[\s([{\-–—:/]/;

/** True when the straight mark at `i` can open a quotation ("… said "we …", not 5'10"). */
function opensAt(text: string, i: number): boolean {
  const next = text[i + 1];
  return (i === 0 || BEFORE_OPEN.test(text[i - 1]!)) && next !== undefined && !SPACE.test(next);
}

/** True when the mark at `i` can close a quotation: text before it, no letter after it ("victims' " still can). */
function closesAt(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  return prev !== undefined && !SPACE.test(prev) && (next === undefined || !WORD.test(next));
}

/** Finds the next occurrence of a string at or after a position; remembers the last answer, so that a pass whose
 *  positions mostly grow scans the text about once even when the string is missing. */
class Next {
  private from = Infinity;
  private at = -1;
  constructor(private readonly text: string, private readonly what: string) {}

  /** Index of the next occurrence at or after `from`, or -1. */
  after(from: number): number {
    // The stored answer holds for any position between the query that found it and the answer itself.
    if (from >= this.from && (this.at === -1 || from <= this.at)) return this.at;
    this.from = from;
    this.at = this.text.indexOf(this.what, from);
    return this.at;
  }
}

const beyond = (k: number, limit: number) => k < 0 || k >= limit;

/**
 * Pairs marks where `open` and `close` differ (“ ” or ‘ ’): an opener pairs with the next closer unless
 * another opener comes first (then it was unbalanced). Closers that are apostrophes ("Velmora’s") are skipped.
 */
function pairCurly(text: string, end: number, open: string, close: string, max: number, out: Marks[]): void {
  const opens = new Next(text, open);
  const closes = new Next(text, close);
  let i = opens.after(0);
  while (i >= 0 && i < end) {
    const nextOpen = opens.after(i + 1);
    const limit = Math.min(end, i + max, nextOpen < 0 ? Infinity : nextOpen);
    let j = closes.after(i + 1);
    while (!beyond(j, limit) && open === '‘' && !closesAt(text, j)) j = closes.after(j + 1);
    if (!beyond(j, limit) && j > i + 1) {
      out.push({ inner: { start: i + 1, end: j }, outer: { start: i, end: j + 1 } });
      i = opens.after(j + 1);
    } else i = nextOpen;
  }
}

/** Pairs straight marks within a paragraph: an opener after space, a closer before space or punctuation. */
function pairStraight(text: string, end: number, mark: string, max: number, out: Marks[]): void {
  const marks = new Next(text, mark);
  const paragraphs = new Next(text, '\n\n');
  let i = marks.after(0);
  while (i >= 0 && i < end) {
    if (!opensAt(text, i)) { i = marks.after(i + 1); continue; }
    const para = paragraphs.after(i);
    const limit = Math.min(end, i + max, para < 0 ? Infinity : para);
    let j = marks.after(i + 1);
    // Apostrophes inside words ("don't", "humanity's") are not closers of a single-quoted passage.
    while (!beyond(j, limit) && mark === "'" && !closesAt(text, j)) j = marks.after(j + 1);
    if (!beyond(j, limit) && j > i + 1 && closesAt(text, j)) {
      out.push({ inner: { start: i + 1, end: j }, outer: { start: i, end: j + 1 } });
      i = marks.after(j + 1);
    } else i = marks.after(i + 1);
  }
}

/** Drops passages that overlap an earlier kept one (nested or crossing marks), keeping text order. */
function disjoint(found: Marks[], outside: readonly Marks[] = []): Marks[] {
  found.sort((a, b) => a.outer.start - b.outer.start);
  const kept: Marks[] = [];
  let k = 0;
  for (const q of found) {
    const last = kept[kept.length - 1];
    if (last && q.outer.start < last.outer.end) continue;
    // Single quotes inside a double-quoted passage are a quote within the quote: the outer one speaks.
    while (k < outside.length && outside[k]!.outer.end <= q.outer.start) k++;
    const o = outside[k];
    if (o && o.outer.start < q.outer.end) continue;
    kept.push(q);
  }
  return kept;
}

/** Every balanced quotation before `end`, in text order, none overlapping another. */
export function findMarks(text: string, end = text.length): Marks[] {
  const doubles: Marks[] = [];
  pairCurly(text, end, '“', '”', MAX_DOUBLE, doubles);
  pairStraight(text, end, '"', MAX_DOUBLE, doubles);
  const outer = disjoint(doubles);
  const singles: Marks[] = [];
  pairCurly(text, end, '‘', '’', MAX_SINGLE, singles);
  pairStraight(text, end, "'", MAX_SINGLE, singles);
  const inner = disjoint(singles, outer);
  return [...outer, ...inner].sort((a, b) => a.outer.start - b.outer.start);
}
