/** Direct quotes: the quoted span and where it ends, so a speaker named after it covers it all. */
import type { Span } from '../../../domain/types.js';

/** A quoted passage: the span inside the marks, and the span of the marks themselves. */
export interface QuoteSpan {
  inner: Span;
  outer: Span;
}

/** Finds “curly” and "straight" quoted passages up to `end`; unbalanced marks are ignored. */
export function findQuotes(text: string, end = text.length): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // The next close mark of each kind, remembered so that many unclosed marks cost one scan.
  const next: Record<string, number> = { '”': -1, '"': -1 };
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c !== '“' && c !== '"') continue;
    const close = c === '“' ? '”' : '"';
    if (next[close]! !== Infinity && next[close]! <= i) {
      const k = text.indexOf(close, i + 1);
      next[close] = k < 0 ? Infinity : k;
    }
    const j = next[close]!;
    // A quote runs at most a few paragraphs; a missing close mark must not swallow the report.
    if (j === Infinity || j >= Math.min(end, i + 4000)) continue;
    out.push({ inner: { start: i + 1, end: j }, outer: { start: i, end: j + 1 } });
    i = j;
  }
  return out;
}

/** The quote whose inside holds offset `p`, if any. */
export function quoteAt(quotes: QuoteSpan[], p: number): QuoteSpan | undefined {
  // Quotes are sorted and do not overlap: binary search for the last one starting at or before p.
  let lo = 0;
  let hi = quotes.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.inner.start <= p) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const q = best >= 0 ? quotes[best]! : undefined;
  return q && p < q.inner.end ? q : undefined;
}
