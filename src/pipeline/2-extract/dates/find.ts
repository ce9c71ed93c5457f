/** Every date mention of a sentence, as EDTF: rules first, chrono-node for what they miss. */
import { createRequire } from 'node:module';
import type * as ChronoEn from 'chrono-node/en';
import type { DateMention, Span } from '../../../domain/types.js';
import type { EdtfParts } from '../../../nlp/edtf.js';
import { edtf, isValidDay } from '../../../nlp/edtf.js';
import { allMatches } from '../../../nlp/matches.js';
import { absoluteDates } from './rules.js';
import { bareYears } from './years.js';
import { relativeDates } from './relative.js';

/** State carried from sentence to sentence: the year the text last named, for "on February 26", and its last day. */
export interface DateContext {
  published?: EdtfParts;
  lastYear?: number;
  /** The last day the text stated, for "the following day" and "a day earlier". */
  lastDay?: Date;
}

const WEEKDAY_ONLY = /^(?:[Oo]n\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** The day an EDTF value names (for an interval, its last day), or null when it is coarser. */
function dayOfValue(value: string): Date | null {
  const m = /(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

const MONTH_WORD = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s/g;

// chrono-node with every locale takes a quarter of a second to load, its English alone ~50 ms:
// only English is loaded (`chrono.strict` is English's), and only when a text first needs it.
const require = createRequire(import.meta.url);
let chrono: typeof ChronoEn | undefined;

/** Dates chrono-node finds that the rules did not, kept only when year and month are stated. */
function chronoDates(text: string, taken: (s: number, e: number) => boolean): { value: string; start: number; end: number }[] {
  // chrono-node is the slow path: only for a month name that no rule has read.
  const months = allMatches(MONTH_WORD, text);
  if (!months.some((m) => !taken(m.index!, m.index! + m[0].length))) return [];
  const out: { value: string; start: number; end: number }[] = [];
  chrono ??= require('chrono-node/en') as typeof ChronoEn;
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

/** True when the sentence is a line of its own, short and without end punctuation: a headline or heading. */
function isHeadingLine(text: string, span: Span): boolean {
  if (span.end - span.start > 140 || /[.!?:;,"”)\]]$/.test(text.slice(span.end - 1, span.end))) return false;
  const before = text.lastIndexOf('\n', span.start - 1);
  if (!/^\s*$/.test(text.slice(before + 1, span.start))) return false;
  const after = text.indexOf('\n', span.end);
  return /^\s*$/.test(text.slice(span.end, after < 0 ? text.length : after));
}

/**
 * A year-less day or month in the report's own time: the year that puts it nearest the report's
 * date ("Oct. 8" in a report of 2001-04-02 is 2000-10-08; "in March" in one of 2001-11-20, 2002-03).
 */
function nearestReading(build: (year: number) => string | null, published: EdtfParts | undefined): string | null {
  if (!published) return null;
  if (published.month === undefined) return build(published.year);
  const at = Date.UTC(published.year, published.month - 1, published.day ?? 15);
  let best: string | null = null;
  let dist = Infinity;
  for (const y of [published.year - 1, published.year, published.year + 1]) {
    const v = build(y);
    const m = v && /^(\d{4})-(\d\d)(?:-(\d\d))?/.exec(v);
    if (!m) continue;
    const d = Math.abs(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 15) - at);
    if (d < dist) { dist = d; best = v; }
  }
  return best;
}

/** Finds the dates in `text.slice(span.start, span.end)` (appended to `into`, returned); offsets are document offsets. */
export function findDates(text: string, span: Span, ctx: DateContext, into: DateMention[] = []): DateMention[] {
  const s = text.slice(span.start, span.end);
  const hits: { value: string; start: number; end: number; relative?: boolean }[] = [];
  const taken = (a: number, b: number) => hits.some((h) => a < h.end && h.start < b);
  for (const h of absoluteDates(s)) {
    if (h.needsYear) {
      const value = ctx.lastYear !== undefined ? h.needsYear(ctx.lastYear) : nearestReading(h.needsYear, ctx.published);
      if (value === null) continue;
      hits.push({ value, start: h.start, end: h.end });
    } else {
      hits.push(h);
    }
  }
  for (const h of chronoDates(s, taken)) hits.push(h);
  for (const h of bareYears(s)) if (!taken(h.start, h.end)) hits.push(h);
  const stated = [...hits].sort((a, b) => a.start - b.start);
  // The narrative stands on the last date stated: a day, or (after "in 1992") no known day.
  const lastDay = (offset: number): Date | null => {
    for (let k = stated.length - 1; k >= 0; k--) if (stated[k]!.end <= offset) return dayOfValue(stated[k]!.value);
    return ctx.lastDay ?? null;
  };
  for (const h of relativeDates(s, { published: ctx.published, lastDay })) {
    if (taken(h.start, h.end)) continue;
    // "Tuesday, 14 October 2025", "the fifth of September 2010, a Sunday": the weekday names the stated day, not another.
    const next = stated.find((x) => x.start >= h.end && /^,?\s*$/.test(s.slice(h.end, x.start)));
    if (next && WEEKDAY_ONLY.test(s.slice(h.start, h.end)) && dayOfValue(next.value)) { next.start = h.start; continue; }
    if (stated.some((x) => x.end <= h.start && /^,\s+(?:a|on\s+a)\s+$/i.test(s.slice(x.end, h.start)) && dayOfValue(x.value))) continue;
    hits.push({ ...h, relative: true });
  }
  hits.sort((a, b) => a.start - b.start);
  // "Refugees recall the 1988 pogroms" over "On February 28, the town marked …": a headline's year
  // names the subject, not the time the body's year-less days fall in.
  const heading = isHeadingLine(text, span);
  for (const h of hits) {
    const y = /^(\d{4})/.exec(h.value);
    if (y && !h.relative && !heading) ctx.lastYear = Number(y[1]);
    ctx.lastDay = dayOfValue(h.value) ?? undefined;
  }
  for (const h of hits) {
    const start = span.start + h.start;
    const end = span.start + h.end;
    const m: DateMention = { value: h.value, span: { start, end }, quote: text.slice(start, end) };
    if (h.relative) m.relative = true;
    into.push(m);
  }
  return into;
}
