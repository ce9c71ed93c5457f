/** Every date mention of a sentence, as EDTF: rules first, chrono-node for what they miss. */
import * as chrono from 'chrono-node';
import type { DateMention, Span } from '../../../domain/types.js';
import type { EdtfParts } from '../../../nlp/edtf.js';
import { edtf, isValidDay } from '../../../nlp/edtf.js';
import { absoluteDates } from './rules.js';
import { bareYears } from './years.js';
import { relativeDates } from './relative.js';

/** State carried from sentence to sentence: the year the text last named, for "on February 26". */
export interface DateContext {
  published?: EdtfParts;
  lastYear?: number;
}

const MONTH_WORD = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s/g;

/** Dates chrono-node finds that the rules did not, kept only when year and month are stated. */
function chronoDates(text: string, taken: (s: number, e: number) => boolean): { value: string; start: number; end: number }[] {
  // chrono-node is the slow path: only for a month name that no rule has read.
  const months = [...text.matchAll(MONTH_WORD)];
  if (!months.some((m) => !taken(m.index!, m.index! + m[0].length))) return [];
  const out: { value: string; start: number; end: number }[] = [];
  for (const r of chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const s = r.start;
    if (r.end || !s.isCertain('year') || !s.isCertain('month')) continue;
    if (taken(r.index, r.index + r.text.length)) continue;
    const y = s.get('year')!;
    const m = s.get('month')!;
    const d = s.isCertain('day') ? s.get('day')! : undefined;
    if (d !== undefined && !isValidDay(y, m, d)) continue;
    out.push({ value: edtf(y, m, d), start: r.index, end: r.index + r.text.length });
  }
  return out;
}

/** Finds the dates in `text.slice(span.start, span.end)`; offsets returned are document offsets. */
export function findDates(text: string, span: Span, ctx: DateContext): DateMention[] {
  const s = text.slice(span.start, span.end);
  const hits: { value: string; start: number; end: number; relative?: boolean }[] = [];
  const taken = (a: number, b: number) => hits.some((h) => a < h.end && h.start < b);
  for (const h of absoluteDates(s)) {
    if (h.needsYear) {
      const y = ctx.lastYear ?? ctx.published?.year;
      const value = y === undefined ? null : h.needsYear(y);
      if (value === null) continue;
      hits.push({ value, start: h.start, end: h.end });
    } else {
      hits.push(h);
    }
  }
  for (const h of chronoDates(s, taken)) hits.push(h);
  for (const h of bareYears(s)) if (!taken(h.start, h.end)) hits.push(h);
  if (ctx.published) {
    for (const h of relativeDates(s, ctx.published)) if (!taken(h.start, h.end)) hits.push({ ...h, relative: true });
  }
  hits.sort((a, b) => a.start - b.start);
  for (const h of hits) {
    const y = /^(\d{4})/.exec(h.value);
    if (y && !h.relative) ctx.lastYear = Number(y[1]);
  }
  return hits.map((h) => {
    const start = span.start + h.start;
    const end = span.start + h.end;
    const m: DateMention = { value: h.value, span: { start, end }, quote: text.slice(start, end) };
    if (h.relative) m.relative = true;
    return m;
  });
}
