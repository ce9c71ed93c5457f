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
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c !== '“' && c !== '"') continue;
    const close = c === '“' ? '”' : '"';
    // A quote runs at most a few paragraphs; a missing close mark must not swallow the report.
    const limit = Math.min(end, i + 4000);
    const j = text.indexOf(close, i + 1);
    if (j < 0 || j >= limit) continue;
    out.push({ inner: { start: i + 1, end: j }, outer: { start: i, end: j + 1 } });
    i = j;
  }
  return out;
}

/** The quote whose inside holds offset `p`, if any. */
export function quoteAt(quotes: QuoteSpan[], p: number): QuoteSpan | undefined {
  // Quotes are few per report; a linear scan is cheaper than an index.
  return quotes.find((q) => q.inner.start <= p && p < q.inner.end);
}
