/** The timeline's default span, where most of the dates fall, and a row's dated phrase. */

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** What the span needs of an entry: its days, and how many reports state it. */
export interface Dated { start: string | null; end: string | null; statements: readonly unknown[] }

/** Share of the statements the default span holds. */
const SHARE = 0.8;

/**
 * The shortest run of days holding `SHARE` of the dated statements (each entry counted once per
 * report that states it, at its middle day), padded a little; null when there are too few dates
 * or the run is most of the whole range anyway (nothing to zoom to).
 */
export function clusterSpan(entries: readonly Dated[], range: { start: string; end: string } | null): { start: string; end: string; held: number; of: number } | null {
  if (!range) return null;
  const points: number[] = [];
  for (const e of entries) {
    if (!e.start || !e.end) continue;
    const mid = (ms(e.start) + ms(e.end)) / 2;
    for (let i = 0; i < Math.max(1, e.statements.length); i++) points.push(mid);
  }
  if (points.length < 3) return null;
  points.sort((a, b) => a - b);
  const k = Math.ceil(points.length * SHARE);
  let best = 0;
  for (let i = 1; i + k - 1 < points.length; i++) if (points[i + k - 1]! - points[i]! < points[best + k - 1]! - points[best]!) best = i;
  const lo = points[best]!;
  const hi = points[best + k - 1]!;
  const pad = Math.max(DAY, (hi - lo) * 0.15);
  const start = Math.max(ms(range.start), Math.floor((lo - pad) / DAY) * DAY);
  const end = Math.min(ms(range.end), Math.ceil((hi + pad) / DAY) * DAY);
  if (end - start >= 0.6 * (ms(range.end) - ms(range.start))) return null;
  const held = entries.filter((e) => e.start && e.end && ms(e.end) >= start && ms(e.start) <= end).length;
  return { start: iso(start), end: iso(end), held, of: entries.length };
}

/** The words around a date in its sentence: "… shelling began late on 13 June and continued …" (at most `words` each side). */
export function datedPhrase(sentence: string, quote: string, words = 5): string {
  const at = sentence.indexOf(quote);
  if (at < 0 || !quote) return sentence;
  const before = sentence.slice(0, at).split(/\s+/).filter(Boolean);
  const after = sentence.slice(at + quote.length).split(/\s+/).filter(Boolean);
  const head = before.slice(-words).join(' ');
  const tail = after.slice(0, words).join(' ');
  // The date's own words keep their spacing; a word cut at the edge is marked.
  const lead = before.length > words ? '… ' : '';
  const trail = after.length > words ? ' …' : '';
  const sepB = head && /\s$/.test(sentence.slice(0, at)) ? ' ' : '';
  const sepA = tail && /^\s/.test(sentence.slice(at + quote.length)) ? ' ' : '';
  return `${lead}${head}${sepB}${quote}${sepA}${tail}${trail}`;
}
