/** Gives each count the attribution its sentence, its quote or its speaker's earlier sentence supplies. */
import type { Attribution, Span } from '../../../domain/types.js';
import type { Found } from './patterns.js';
import { findAttributions } from './patterns.js';
import type { QuoteSpan } from './quotes.js';
import { quoteAt } from './quotes.js';

const HINT = /\b(?:according|said|says|told|reported|reports|stated|states|noted|notes|added|adds|announced|claimed|claims|estimated|estimates|confirmed|declared|wrote|recorded|documented|indicated|revealed|per|citing|quoting|official|figures|data|statistics|tally|toll|shows)\b/i;

/** Tracks speakers through a report, so that "it added" finds the statement it continues. */
export class AttributionTracker {
  private lastSpeaker: Attribution | null = null;
  private carry: Attribution | null = null;
  private readonly bySentence = new Map<number, Found[]>();

  constructor(private readonly text: string, private readonly quotes: QuoteSpan[]) {}

  /** Reads a sentence's attributions (resolving pronouns) and remembers its explicit speakers. */
  read(span: Span): Found[] {
    const s = this.text.slice(span.start, span.end);
    if (!HINT.test(s)) {
      this.bySentence.set(span.start, []);
      return [];
    }
    const found = findAttributions(s).map((f) => ({ ...f, start: f.start + span.start, end: f.end + span.start }));
    for (const f of found) {
      if (f.pronoun) {
        if (this.lastSpeaker) f.attribution = { ...f.attribution, source: this.lastSpeaker.source, kind: this.lastSpeaker.kind };
        if (!f.attribution.kind) delete f.attribution.kind;
      } else {
        this.lastSpeaker = f.attribution;
      }
      f.attribution.span = { start: f.start, end: f.end };
    }
    this.bySentence.set(span.start, found);
    return found;
  }

  /** Sets what the sentence after `span` inherits: a statement that ends with a colon ("The ministry said:"). */
  endSentence(span: Span, found: Found[]): void {
    const tail = this.text.slice(Math.max(span.start, span.end - 2), span.end);
    this.carry = found.length && /:\s*$/.test(tail) ? found[found.length - 1]!.attribution : null;
  }

  /** The attribution for a count at `at` in sentence `span`, or null for the report's own voice. */
  attributionFor(at: Span, span: Span, found: Found[], carried: Attribution | null): Attribution | null {
    const q = quoteAt(this.quotes, at.start);
    if (q) {
      const speaker = this.quoteSpeaker(q, found);
      if (speaker) return speaker;
    }
    if (found.length) return nearest(this.text, at, span, found).attribution;
    return carried;
  }

  /** What the previous sentence passed on (see endSentence). */
  carried(): Attribution | null {
    return this.carry;
  }

  /** The speaker named right after a quote closes (or right before it opens). */
  private quoteSpeaker(q: QuoteSpan, found: Found[]): Attribution | null {
    const near = (f: Found) => (f.start >= q.outer.end && f.start - q.outer.end < 80) || (f.end <= q.outer.start && q.outer.start - f.end < 20);
    const local = found.find(near);
    if (local) return local.attribution;
    for (const list of this.bySentence.values()) {
      const f = list.find(near);
      if (f) return f.attribution;
    }
    return null;
  }
}

/** The attribution nearest a count: first in its own `;` clause, else anywhere in the sentence. */
function nearest(text: string, at: Span, span: Span, found: Found[]): Found {
  const clauseOf = (p: number) => {
    let n = 0;
    for (let i = span.start; i < p; i++) if (text[i] === ';') n++;
    return n;
  };
  const c = clauseOf(at.start);
  const same = found.filter((f) => clauseOf(f.start) === c);
  const pool = same.length ? same : found;
  let best = pool[0]!;
  let dist = Infinity;
  for (const f of pool) {
    const d = f.end <= at.start ? at.start - f.end : f.start - at.end;
    if (d < dist) { dist = d; best = f; }
  }
  return best;
}
