/** Test helpers: build counts from fixture text (excluded from the build like every *.case.ts). */
import type { Attribution, Count, DateMention, Measure, Span } from '../../domain/types.js';
import type { ReportInput } from './types.js';

/** Span of the `nth` occurrence of `quote` in `text`; throws so a broken fixture fails loudly. */
export function spanOf(text: string, quote: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fixture: "${quote}" (#${nth}) not in text`);
  }
  return { start: at, end: at + quote.length };
}

/** The sentence around a span: from after the previous . ! ? or line break to the next one. */
export function sentenceAround(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start--;
  while (start < span.start && /\s/.test(text[start]!)) start++;
  let end = span.end;
  while (end < text.length && !/[.!?\n]/.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return { start, end };
}

/** Options of a fixture count; measure, min and max are the ones that matter most. */
export interface CountSpec {
  measure?: Measure;
  group?: string;
  unit?: 'people' | 'families';
  subject?: string;
  min: number | null;
  max: number | null;
  approximate?: boolean;
  attribution?: Attribution | null;
  nth?: number;
  partOf?: number;
}

/** A Count for the `nth` occurrence of `quote` in `text`. */
export function countAt(text: string, quote: string, spec: CountSpec): Count {
  const span = spanOf(text, quote, spec.nth ?? 0);
  const count: Count = {
    measure: spec.measure ?? 'killed',
    group: spec.group ?? 'all',
    unit: spec.unit ?? 'people',
    subject: spec.subject ?? 'people',
    min: spec.min,
    max: spec.max,
    approximate: spec.approximate ?? false,
    attribution: spec.attribution ?? null,
    span,
    quote,
    sentence: sentenceAround(text, span),
  };
  if (spec.partOf !== undefined) count.partOf = spec.partOf;
  return count;
}

/** An attribution "according to SOURCE". */
export function according(source: string, kind?: 'official' | 'unofficial'): Attribution {
  return kind === undefined ? { text: `according to ${source}`, source } : { text: `according to ${source}`, source, kind };
}

/** A DateMention for the `nth` occurrence of `quote`. */
export function dateAt(text: string, quote: string, value: string, nth = 0): DateMention {
  return { value, span: spanOf(text, quote, nth), quote };
}

/** A report with the given counts (built by `build` from its own text) and published date. */
export function report(id: string, text: string, published: string | undefined, build: (t: string) => Count[] = () => []): ReportInput {
  return { id, text, meta: published === undefined ? {} : { published }, counts: build(text) };
}
