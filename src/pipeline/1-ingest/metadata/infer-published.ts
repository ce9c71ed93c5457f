/** Infers when a plain-text report was published, from what its text says, never from the clock. */
import { anniversaryYear } from './anniversary.js';
import { edtfDay, findFullDates, findMonthDay, toEdtf } from './dates.js';
import type { FoundDate } from './dates.js';

/** How far a dateline may stand from the start of the text. */
const DATELINE_WINDOW = 600;

/** "Published: 26 February 2024", "Date - 2024-02-26", "Posted on Feb. 26, 2024" */
const LABEL =
  /^[ \t]*(?:(?:published|posted|dated|filed)(?!\p{L})(?:\s+on)?[ \t]*[:\-–—]?|(?:date|publication date|date published)[ \t]*[:\-–—])[ \t]*([^\n\r]{4,60})$/gimu;
/** A caption credit: "(AA Photo)", "Photo: ...", "REUTERS/Jane Doe", "Photograph by ..." */
const CAPTION = /\bphoto(?:graph)?s?\b|\bcredit\b|\bREUTERS\b/i;
/** "on Feb. 26, 2024": a date after a preposition is narrative ("On 26 February 1992, ..."), not a dateline. */
const NARRATIVE = /\b(?:on|since|until|till|from|by|before|after|in|of|between|and|to|through)\s*$/i;
/** "BAKU, Feb. 26 (Reuters) -": a dateline without a year. */
const DATELINE_NO_YEAR = /^[ \t]*\p{Lu}[\p{Lu} .'’-]*,\s*([^\n(]{3,20}?)\s*(?:\([^)\n]{1,40}\))?\s*[-–—]\s/mu;

/** What the published date was inferred from, so tests and logs can explain it. */
export type PublishedRule = 'label' | 'dateline' | 'caption' | 'dateline+anniversary' | 'anniversary';

/** An inferred publication date and the rule that found it. */
export interface InferredPublished {
  value: string;
  rule: PublishedRule;
}

function credible(d: FoundDate, now: Date, notBefore: number | undefined): boolean {
  const year = +d.value.slice(0, 4);
  if (year < 1800 || (notBefore !== undefined && year < notBefore)) return false;
  // A day of slack: a report dated in a time zone ahead of ours is not from the future.
  return Date.parse(`${d.value}T00:00:00Z`) <= now.getTime() + 86_400_000;
}

function latest(dates: FoundDate[]): FoundDate | undefined {
  return dates.reduce<FoundDate | undefined>((a, b) => (!a || b.value > a.value ? b : a), undefined);
}

/** A label's keywords anywhere: a cheap test that spares most texts the line-by-line LABEL. */
const LABEL_WORD = /published|posted|dated|filed|date/i;

function fromLabel(text: string): string | undefined {
  if (!LABEL_WORD.test(text)) return undefined;
  for (const m of text.matchAll(LABEL)) {
    // "Published: 26 February 2024, 10:32 GMT": the date, with a time after it.
    const value = toEdtf(m[1]) ?? findFullDates(m[1]).find((d) => d.index < 4)?.value;
    if (value) return value;
  }
  // "By Jane Doe | Published February 26, 2024 at 10:32": a label inside a line, near the top.
  const head = text.slice(0, 2000);
  for (const m of head.matchAll(INLINE_LABEL)) {
    const after = head.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const d = findFullDates(after).find((x) => x.index < 3);
    if (d) return d.value;
  }
  return undefined;
}

const INLINE_LABEL = /\b(?:first\s+)?(?:published|posted)(?:\s+on)?[ \t]*[:\-–—]?[ \t]*/gi;

function fromDateline(text: string, now: Date, notBefore: number | undefined): string | undefined {
  const head = text.slice(0, DATELINE_WINDOW);
  const dates = findFullDates(head).filter((d) => !NARRATIVE.test(head.slice(Math.max(0, d.index - 12), d.index)));
  return latest(dates.filter((d) => credible(d, now, notBefore)))?.value;
}

function fromCaption(text: string, now: Date, notBefore: number | undefined): string | undefined {
  // Most texts have no caption at all: then there are no lines to split.
  if (!CAPTION.test(text)) return undefined;
  const dates: FoundDate[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    if (line.length < 400 && CAPTION.test(line)) dates.push(...findFullDates(line));
  }
  return latest(dates.filter((d) => credible(d, now, notBefore)))?.value;
}

/**
 * The publication date the text states, tried in this order: a label line ("Published: ..."),
 * the latest full date in the first 600 characters that is not narrative, a dated photo caption,
 * a yearless dateline completed by an anniversary's year, the anniversary's year alone.
 */
export function inferPublished(text: string, now: Date = new Date()): InferredPublished | undefined {
  const label = fromLabel(text);
  if (label) return { value: label, rule: 'label' };
  const anniversary = anniversaryYear(text, now.getUTCFullYear());
  // A full date before the anniversary's year names the event being remembered, not the report.
  const dateline = fromDateline(text, now, anniversary);
  if (dateline) return { value: dateline, rule: 'dateline' };
  const caption = fromCaption(text, now, anniversary);
  if (caption) return { value: caption, rule: 'caption' };
  if (anniversary === undefined) return undefined;
  const m = DATELINE_NO_YEAR.exec(text.slice(0, DATELINE_WINDOW));
  const md = m ? findMonthDay(m[1]) : undefined;
  const day = md && edtfDay(anniversary, md.month, md.day);
  if (day) return { value: day, rule: 'dateline+anniversary' };
  return { value: String(anniversary), rule: 'anniversary' };
}
