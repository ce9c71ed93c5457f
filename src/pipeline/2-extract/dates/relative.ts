/** Relative dates ("last year", "on Monday", "a day earlier"), resolved against the report's own date or the narrative's last day. */
import { WEEKDAYS, edtf, edtfOfDate, parseEdtf } from '../../../nlp/edtf.js';
import type { EdtfParts } from '../../../nlp/edtf.js';

/** A relative date resolved to EDTF, with offsets within the searched text. */
export interface RelativeHit {
  value: string;
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const NUM: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const RE = new RegExp(
  [
    String.raw`\b(?<ydm>yesterday|today|the day before yesterday)\b`,
    String.raw`\b(?<lastunit>last|this|next|past)\s+(?<unit>year|month|week)\b`,
    String.raw`\b(?<earlier>earlier|later)\s+this\s+(?<unit2>year|month)\b`,
    String.raw`\b(?<dayoff>a|one|two|three|four|five|six|seven|eight|nine|ten|\d)\s+days?\s+(?<dir>earlier|before|later|after)\b`,
    String.raw`\bthe\s+(?<prevday>previous|following|next)\s+(?:day|morning|afternoon|evening|night)\b`,
    String.raw`\b(?<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?<agounit>days?|weeks?|months?|years?)\s+ago\b`,
    String.raw`\b(?<wdmod>last\s+|this\s+|on\s+|past\s+|next\s+|until\s+|till\s+|by\s+)?(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
  ].join('|'),
  'gi',
);

// "will resume on Tuesday", "are due to meet on Friday": a future verb just before the weekday.
// "The curfew lasted until Tuesday", "had registered by Saturday": a past verb before "until" or "by".
// Every pattern above names a day ("yesterday", "Monday", "days"), a year, month or week, or a part of a day: the cheap gate.
const TIME_WORD = /day|year|month|week|morning|afternoon|evening|night/i;

const PAST_BEFORE = /\b(?:had|has|have|was|were|did|[a-z]+ed(?:\s+[a-z]+){0,2})\s+$/i;
const FUTURE_BEFORE = /\b(?:will|shall|would|due\s+to|expected\s+to|scheduled\s+to|set\s+to|plans?\s+to|planned\s+for|postponed\s+(?:to|until))\s+(?:[\p{L}-]+\s+){0,4}?(?:on\s+)?$/iu;

/** The dates a match is resolved against: the report's own and the narrative's last stated day. */
export interface Anchors {
  published?: EdtfParts;
  /** The day the text last stated before `offset`; null if none, or if a coarser date ("in 1992") came after it. */
  lastDay: (offset: number) => Date | null;
}

function dayOf(p: EdtfParts | undefined): Date | null {
  return p && p.month !== undefined && p.day !== undefined ? new Date(Date.UTC(p.year, p.month - 1, p.day)) : null;
}

const shiftOf = (d: Date | null, days: number) => (d ? edtfOfDate(new Date(d.getTime() + days * DAY_MS)) : null);

/** Resolves one match; null when its anchor is not known precisely enough. */
function resolve(g: Record<string, string | undefined>, a: Anchors, at: number, text: string, end: number): string | null {
  const pub = a.published;
  const d = dayOf(pub);
  const shift = (days: number) => shiftOf(d, days);
  if (g.ydm) return shift(g.ydm.toLowerCase() === 'today' ? 0 : g.ydm.toLowerCase() === 'yesterday' ? -1 : -2);
  const unit = (g.unit ?? g.unit2)?.toLowerCase();
  if (unit) {
    if (!pub) return null;
    const mod = (g.lastunit ?? 'this').toLowerCase();
    const delta = mod === 'last' ? -1 : mod === 'next' ? 1 : 0;
    if (mod === 'past') return null; // "the past year" is a stretch ending now, not a point
    if (unit === 'year') return edtf(pub.year + delta);
    if (unit === 'month' && pub.month !== undefined) {
      const m0 = pub.year * 12 + (pub.month - 1) + delta;
      return edtf(Math.floor(m0 / 12), (m0 % 12) + 1);
    }
    // "last week": the calendar week (Monday to Sunday) before the report's; "next week" the one after.
    if (unit === 'week' && d && delta !== 0) {
      const monday = (d.getUTCDay() + 6) % 7;
      const from = shiftOf(d, -monday + 7 * delta);
      const to = shiftOf(d, -monday + 7 * delta + 6);
      return from && to ? `${from}/${to}` : null;
    }
    return null; // "this week" is a stretch still running
  }
  // "a day earlier", "the following afternoon": counted from the day the narrative last stood on,
  // else from the report's date.
  // "It was the spring of 2016 … The next morning": a narrative moving forward from a day it has
  // not stated is not counted from the report's date, which would put it after the report.
  const narrative = (forward: boolean) => a.lastDay(at) ?? (forward ? null : d);
  if (g.dayoff) {
    // "three days after the earthquake": counted from an event whose date is not given here.
    if (/^(?:after|before)$/i.test(g.dir!) && /^\s+(?!that\b|then\b)[\p{L}\p{N}]/iu.test(text.slice(end))) return null;
    const n = NUM[g.dayoff.toLowerCase()] ?? Number(g.dayoff);
    const back = /earlier|before/i.test(g.dir!);
    return shiftOf(narrative(!back), back ? -n : n);
  }
  if (g.prevday) return shiftOf(narrative(g.prevday.toLowerCase() !== 'previous'), g.prevday.toLowerCase() === 'previous' ? -1 : 1);
  if (g.agounit) {
    if (!pub) return null;
    const n = /^\d/.test(g.n!) ? Number(g.n) : NUM[g.n!.toLowerCase()] ?? 1;
    const u = g.agounit.toLowerCase().replace(/s$/, '');
    if (u === 'year') return edtf(pub.year - n);
    if (u === 'month' && pub.month !== undefined) {
      const m0 = pub.year * 12 + (pub.month - 1) - n;
      return edtf(Math.floor(m0 / 12), (m0 % 12) + 1);
    }
    return shift(-(u === 'week' ? 7 * n : n));
  }
  if (g.wd) {
    const mod = (g.wdmod ?? '').toLowerCase().trim();
    if (!d || mod === 'this') return null;
    const want = WEEKDAYS[g.wd.toLowerCase()]!;
    // "until Tuesday", "by Friday", "next Monday", "will meet on Sunday": the first such weekday after the report's date.
    const possessive = /^['’]s\b/.test(text.slice(end));
    const before = text.slice(Math.max(0, at - 60), at);
    const past = /^(?:until|till|by)$/.test(mod) && (/\b(?:had|has|have|was|were|did)\b/i.test(before) || PAST_BEFORE.test(before)) && !FUTURE_BEFORE.test(before.replace(/\s*$/, ' '));
    if (!possessive && !past && (/^(?:next|until|till|by)$/.test(mod) || FUTURE_BEFORE.test(before))) {
      return shift((want - d.getUTCDay() + 7) % 7 || 7);
    }
    if (mod === 'next') return null;
    // Otherwise reports speak of the past: the latest such weekday on or before the report's date.
    let back = (d.getUTCDay() - want + 7) % 7;
    if (back === 0 && mod === 'last') back = 7;
    return shift(-back);
  }
  return null;
}

/** Finds relative dates in `text` and resolves them against the report's date and the narrative's last day. */
export function relativeDates(text: string, anchors: Anchors): RelativeHit[] {
  const out: RelativeHit[] = [];
  if (!TIME_WORD.test(text)) return out;
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    const g = m.groups ?? {};
    // Weekday names are capitalised; "monday" in lower case is not trusted.
    if (g.wd && !/^[A-Z]/.test(g.wd)) continue;
    // "at least 25 years ago" is a bound, not a point in time.
    if (g.agounit && /\b(?:at\s+least|more\s+than|over|nearly|almost|up\s+to|less\s+than|within)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const end = m.index + m[0].length;
    const value = resolve(g, anchors, m.index, text, end);
    if (value) out.push({ value, start: m.index, end });
  }
  return out;
}

/**
 * A relative date resolved again against a report's corrected date (EDTF, as a curator gave it):
 * only when its words alone, against the date it was extracted with, give its stored value, so
 * that it was counted from the report's date ("last year", "on Monday") and not from a day the
 * narrative stated ("a day earlier"), nor read from its sentence ("will meet on Friday"). The new
 * value; null when the corrected date is too coarse for it ("yesterday" in a report dated only
 * by its year); undefined when it was not counted from the report's date and stays as it is.
 */
export function redate(date: { value: string; quote: string }, extractedWith: string | undefined, corrected: string | undefined): string | null | undefined {
  const alone = (published: string | undefined): string | null => {
    const parts = published === undefined ? null : parseEdtf(published);
    const hits = relativeDates(date.quote, { published: parts ?? undefined, lastDay: () => null });
    return hits.length === 1 && hits[0]!.start === 0 && hits[0]!.end === date.quote.length ? hits[0]!.value : null;
  };
  if (alone(extractedWith) !== date.value) return undefined;
  return alone(corrected);
}
