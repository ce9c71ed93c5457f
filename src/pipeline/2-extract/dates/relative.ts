/** Relative dates ("last year", "on Monday", "a day earlier"), resolved against the report's own date. */
import { WEEKDAYS, edtf, edtfOfDate } from '../../../nlp/edtf.js';
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
    String.raw`\b(?<dayoff>a|one|two|three)\s+days?\s+(?<dir>earlier|before|later|after)\b`,
    String.raw`\bthe\s+(?<prevday>previous|following|next)\s+day\b`,
    String.raw`\b(?<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?<agounit>days?|weeks?|months?|years?)\s+ago\b`,
    String.raw`\b(?<wdmod>last\s+|this\s+|on\s+|past\s+)?(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
  ].join('|'),
  'gi',
);

function dayOf(p: EdtfParts): Date | null {
  return p.month !== undefined && p.day !== undefined ? new Date(Date.UTC(p.year, p.month - 1, p.day)) : null;
}

/** Resolves one match against the report's date; null when that date is not precise enough. */
function resolve(g: Record<string, string | undefined>, pub: EdtfParts): string | null {
  const d = dayOf(pub);
  const shift = (days: number) => (d ? edtfOfDate(new Date(d.getTime() + days * DAY_MS)) : null);
  if (g.ydm) return shift(g.ydm.toLowerCase() === 'today' ? 0 : g.ydm.toLowerCase() === 'yesterday' ? -1 : -2);
  const unit = (g.unit ?? g.unit2)?.toLowerCase();
  if (unit) {
    const mod = (g.lastunit ?? 'this').toLowerCase();
    const delta = mod === 'last' ? -1 : mod === 'next' ? 1 : 0;
    if (mod === 'past') return null; // "the past year" is a stretch ending now, not a point
    if (unit === 'year') return edtf(pub.year + delta);
    if (unit === 'month' && pub.month !== undefined) {
      const m0 = pub.year * 12 + (pub.month - 1) + delta;
      return edtf(Math.floor(m0 / 12), (m0 % 12) + 1);
    }
    return null; // weeks have no plain EDTF value
  }
  if (g.dayoff) {
    const n = NUM[g.dayoff.toLowerCase()] ?? 1;
    return shift(/earlier|before/i.test(g.dir!) ? -n : n);
  }
  if (g.prevday) return shift(g.prevday.toLowerCase() === 'previous' ? -1 : 1);
  if (g.agounit) {
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
    if (!d || (g.wdmod ?? '').toLowerCase().startsWith('this')) return null;
    // Reports speak of the past: the latest such weekday on or before the report's date.
    const want = WEEKDAYS[g.wd.toLowerCase()]!;
    let back = (d.getUTCDay() - want + 7) % 7;
    if (back === 0 && /last/i.test(g.wdmod ?? '')) back = 7;
    return shift(-back);
  }
  return null;
}

/** Finds relative dates in `text` and resolves them against `published` (EDTF parts). */
export function relativeDates(text: string, published: EdtfParts): RelativeHit[] {
  const out: RelativeHit[] = [];
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    const g = m.groups ?? {};
    // Weekday names are capitalised; "monday" in lower case is not trusted.
    if (g.wd && !/^[A-Z]/.test(g.wd)) continue;
    // "at least 25 years ago" is a bound, not a point in time.
    if (g.agounit && /\b(?:at\s+least|more\s+than|over|nearly|almost|up\s+to|less\s+than|within)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const value = resolve(g, published);
    if (value) out.push({ value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
