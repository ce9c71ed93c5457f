/** Absolute date rules: each pattern carries the phrase it handles and maps it to EDTF. */
import { MONTHS, edtf, isValidDay } from '../../../nlp/edtf.js';

/** A date found by a rule: EDTF value and offsets within the searched text. */
export interface RuleHit {
  value: string;
  start: number;
  end: number;
  /** Set when the value still needs a year from context ("on February 26"): builds it from one. */
  needsYear?: (year: number) => string | null;
}

const MONTH = String.raw`(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(?<day>[0-3]?\d)(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?<year>1[0-9]\d\d|20\d\d)`;

type Rule = { re: RegExp; map: (g: Record<string, string>) => string | null | { needsYear: (year: number) => string | null } };

const ORDINAL_DAYS: Record<string, number> = Object.fromEntries(
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth',
    'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first', 'twenty-second',
    'twenty-third', 'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh', 'twenty-eighth', 'twenty-ninth', 'thirtieth',
    'thirty-first'].map((w, i) => [w, i + 1]),
);
const ORDINAL_WORD = String.raw`(?<oday>${Object.keys(ORDINAL_DAYS).sort((a, b) => b.length - a.length).join('|')})`;
const MONTH2 = MONTH.replace('?<mon>', '?<mon2>');

/** A day of a month in a year, as EDTF, or null when there is no such day. */
const dayOf = (y: number, m: number, d: number) => (isValidDay(y, m, d) ? edtf(y, m, d) : null);
/** An interval of two days of one month. */
const days = (y: number, m: number, a: number, b: number) => {
  const x = dayOf(y, m, a);
  const z = dayOf(y, m, b);
  return x && z && a < b ? `${x}/${z}` : null;
};

const month = (g: Record<string, string>) => MONTHS[g.mon!.toLowerCase().replace('.', '')]!;
const day = (g: Record<string, string>, k = 'day') => {
  const y = Number(g.year);
  const m = month(g);
  const d = Number(g[k]);
  return isValidDay(y, m, d) ? edtf(y, m, d) : null;
};

const rules: Rule[] = [
  // "25-26 February 1992"
  { re: new RegExp(String.raw`\b(?<d1>[0-3]?\d)\s?[-–]\s?(?<d2>[0-3]?\d)\s+${MONTH},?\s+${YEAR}\b`, 'g'),
    map: (g) => { const a = day(g, 'd1'); const b = day(g, 'd2'); return a && b && a < b ? `${a}/${b}` : null; } },
  // "February 25-26, 1992"
  { re: new RegExp(String.raw`\b${MONTH}\s+(?<d1>[0-3]?\d)\s?[-–]\s?(?<d2>[0-3]?\d),?\s+${YEAR}\b`, 'g'),
    map: (g) => { const a = day(g, 'd1'); const b = day(g, 'd2'); return a && b && a < b ? `${a}/${b}` : null; } },
  // "between 15 and 17 June 2023", "from 15 to 17 June" (the year may come from context)
  { re: new RegExp(String.raw`\b(?:between|from)\s+(?<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:and|to|until)\s+(?<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+${YEAR})?\b`, 'gi'),
    map: (g) => {
      const m = month(g);
      const [a, b] = [Number(g.d1), Number(g.d2)];
      return g.year ? days(Number(g.year), m, a, b) : { needsYear: (y: number) => days(y, m, a, b) };
    } },
  // "between 1 September and 12 October 2025", "1 September - 12 October 2025": days of two months
  { re: new RegExp(String.raw`\b(?:(?:between|from)\s+)?(?<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+${MONTH}\s*(?:and|to|until|[-–—])\s*(?<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+${MONTH2},?\s+${YEAR}\b`, 'g'),
    map: (g) => {
      const y = Number(g.year);
      const a = dayOf(y, month(g), Number(g.d1));
      const b = dayOf(y, MONTHS[g.mon2!.toLowerCase().replace('.', '')]!, Number(g.d2));
      return a && b && a < b ? `${a}/${b}` : null;
    } },
  // "between May and September 2016", "from May to September 2016", "May–September 2016"
  { re: new RegExp(String.raw`\b(?:(?:between|from)\s+)?${MONTH}\s*(?:and|to|until|[-–])\s*${MONTH2},?\s+${YEAR}\b`, 'gi'),
    map: (g) => {
      const a = month(g);
      const b = MONTHS[g.mon2!.toLowerCase().replace('.', '')]!;
      return a < b ? `${edtf(Number(g.year), a)}/${edtf(Number(g.year), b)}` : null;
    } },
  // "the fifth of September 2010"
  { re: new RegExp(String.raw`\b(?:the\s+)?${ORDINAL_WORD}\s+of\s+${MONTH},?\s+${YEAR}\b`, 'gi'),
    map: (g) => dayOf(Number(g.year), month(g), ORDINAL_DAYS[g.oday!.toLowerCase()]!) },
  // "26 February 1992", "26th of February, 1992"
  { re: new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH},?\s+${YEAR}\b`, 'g'), map: (g) => day(g) },
  // "February 26, 1992", "Feb. 26, 2024"
  { re: new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'g'), map: (g) => day(g) },
  // "1992-02-26"
  { re: /\b(?<year>1[0-9]\d\d|20\d\d)-(?<m>[01]\d)-(?<day>[0-3]\d)\b/g,
    map: (g) => (isValidDay(Number(g.year), Number(g.m), Number(g.day)) ? edtf(Number(g.year), Number(g.m), Number(g.day)) : null) },
  // "26.02.1992" (day first, as in most of the world)
  { re: /\b(?<day>[0-3]?\d)\.(?<m>[01]?\d)\.(?<year>1[0-9]\d\d|20\d\d)\b/g,
    map: (g) => (isValidDay(Number(g.year), Number(g.m), Number(g.day)) ? edtf(Number(g.year), Number(g.m), Number(g.day)) : null) },
  // "the last days of 1991", "the final days of 1991", "the end of 1993" → December
  { re: /\b(?:the\s+)?(?:(?:last|final|closing|dying)\s+(?:few\s+)?(?:days|weeks|months?)|end)\s+of\s+(?<year>1[0-9]\d\d|20\d\d)\b/gi,
    map: (g) => edtf(Number(g.year), 12) },
  // "the beginning of 1992", "the first days of 1992" → January
  { re: /\b(?:the\s+)?(?:(?:first|opening)\s+(?:few\s+)?(?:days|weeks)|beginning|start)\s+of\s+(?<year>1[0-9]\d\d|20\d\d)\b/gi,
    map: (g) => edtf(Number(g.year), 1) },
  // "summer 1992", "the winter of 1993" → EDTF seasons 21–24
  { re: /\b(?:the\s+)?(?<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?<year>1[0-9]\d\d|20\d\d)\b/gi,
    map: (g) => `${g.year}-${({ spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 } as Record<string, number>)[g.season!.toLowerCase()]}` },
  // "November, 1991", "September 2023"
  { re: new RegExp(String.raw`\b${MONTH},?\s+${YEAR}\b`, 'g'), map: (g) => edtf(Number(g.year), month(g)) },
  // "the early 1990s", "the second half of the 1980s", "the 1990s" → 199X
  { re: /\b(?:the\s+)?(?:(?:early|late|mid)[-\s]?|(?:first|second|latter)\s+half\s+of\s+the\s+)?(?<dec>1[0-9]\d|20\d)0s\b/gi,
    map: (g) => `${g.dec}X` },
  // "1992–1994", "1992-94"
  { re: /(?<![\d.,/-])(?<y1>1[5-9]\d\d|20\d\d)\s?[-–]\s?(?<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\d/-]|[.,]\d)/g,
    map: (g) => { const a = Number(g.y1); const b = g.y2!.length === 2 ? Math.floor(a / 100) * 100 + Number(g.y2) : Number(g.y2); return b > a && b - a < 100 ? `${a}/${b}` : null; } },
  // "between 1985 and 1988", "from 1985 to 1988": one interval of years
  { re: /\b(?:[Bb]etween|[Ff]rom)\s+(?<y1>1[5-9]\d\d|20\d\d)\s+(?:and|to|until|till)\s+(?<y2>1[5-9]\d\d|20\d\d)(?![\d/-]|[.,]\d|\s+(?:people|persons|civilians|deaths|cases))/g,
    map: (g) => (Number(g.y2) > Number(g.y1) && Number(g.y2) - Number(g.y1) < 100 ? `${g.y1}/${g.y2}` : null) },
  // "03/17/2019" (month first: 17 cannot be a month), "17/03/2019" (day first, likewise); "03/04/2019" could be either and is left unread
  { re: /(?<![\d/.])(?<a>[0-3]?\d)\/(?<b>[0-3]?\d)\/(?<year>1[0-9]\d\d|20\d\d)\b/g,
    map: (g) => {
      const [a, b, y] = [Number(g.a), Number(g.b), Number(g.year)];
      if (a > 12 && b <= 12) return dayOf(y, b, a);
      if (b > 12 && a <= 12) return dayOf(y, a, b);
      return null;
    } },
  // "on 26–27 December", "December 26–27" (the year comes from context)
  { re: new RegExp(String.raw`\b(?<d1>[0-3]?\d)\s?[-–]\s?(?<d2>[0-3]?\d)\s+${MONTH}\b(?!,?\s*\d)`, 'g'),
    map: (g) => { const m = month(g); const [a, b] = [Number(g.d1), Number(g.d2)]; return { needsYear: (y: number) => days(y, m, a, b) }; } },
  { re: new RegExp(String.raw`\b${MONTH}\s+(?<d1>[0-3]?\d)\s?[-–]\s?(?<d2>[0-3]?\d)\b(?!,?\s*\d)`, 'g'),
    map: (g) => { const m = month(g); const [a, b] = [Number(g.d1), Number(g.d2)]; return { needsYear: (y: number) => days(y, m, a, b) }; } },
  // "between 24 December and 13 January" (the year from context; a later month before an earlier one crosses the new year)
  { re: new RegExp(String.raw`\b(?:[Bb]etween|[Ff]rom)\s+(?<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+${MONTH}\s+(?:and|to|until|till)\s+(?<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+${MONTH2}\b(?!,?\s*\d)`, 'g'),
    map: (g) => {
      const [m1, m2] = [month(g), MONTHS[g.mon2!.toLowerCase().replace('.', '')]!];
      const [d1, d2] = [Number(g.d1), Number(g.d2)];
      return { needsYear: (y: number) => {
        const a = dayOf(y, m1, d1);
        const b = dayOf(m2 < m1 ? y + 1 : y, m2, d2);
        return a && b && (m2 !== m1 || d2 > d1) ? `${a}/${b}` : null;
      } };
    } },
  // "Christmas Day", "on New Year's Eve" (the year comes from context)
  { re: /\b(?<h>Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve))\b/g,
    map: (g) => {
      const [m, d] = ({ 'christmas day': [12, 25], 'christmas eve': [12, 24], "new year's day": [1, 1], "new year's eve": [12, 31] } as Record<string, [number, number]>)[g.h!.toLowerCase().replace('’', "'").replace(/\s+/g, ' ')]!;
      return { needsYear: (y: number) => dayOf(y, m, d) };
    } },
  // "on February 26", "26 February" (the year comes from context)
  { re: new RegExp(String.raw`\b${MONTH}\s+${DAY}\b(?!,?\s*\d)`, 'g'), map: (g) => ({ needsYear: (y: number) => dayOf(y, month(g), Number(g.day)) }) },
  { re: new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}\b(?!,?\s*\d)`, 'g'), map: (g) => ({ needsYear: (y: number) => dayOf(y, month(g), Number(g.day)) }) },
  // "in April", "published in September" (the year comes from context; the preposition keeps "May" the verb out)
  { re: new RegExp(String.raw`\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-)\s*(?:early\s+|late\s+|mid-)?${MONTH}\b(?!\s*\d)`, 'g'), map: (g) => ({ needsYear: (y: number) => edtf(y, month(g)) }) },
];

// Cheap gates: a rule with a month name keeps only a capitalised one ("Feb"), so it needs one; every other rule needs a four-digit year.
const MONTH_START = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const FOUR_DIGITS = /\d{4}/;
const namesMonth = rules.map((r) => r.re.source.includes('(?<mon>'));
const HOLIDAY = /Christmas|New Year/;
const namesHoliday = rules.map((r) => r.re.source.includes('(?<h>'));

/** Runs the absolute rules over `text`; earlier rules win where matches overlap. */
export function absoluteDates(text: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const taken = (s: number, e: number) => hits.some((h) => s < h.end && h.start < e);
  const hasMonth = MONTH_START.test(text);
  const hasYear = FOUR_DIGITS.test(text);
  for (let n = 0; n < rules.length; n++) {
    if (!(namesMonth[n] ? hasMonth : namesHoliday[n] ? HOLIDAY.test(text) : hasYear)) continue;
    const r = rules[n]!;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      const g = (m.groups ?? {}) as Record<string, string>;
      // Month names are capitalised in running text; "may" and "march" in lower case are verbs.
      if ((g.mon && !/^[A-Z]/.test(g.mon)) || (g.mon2 && !/^[A-Z]/.test(g.mon2))) continue;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (taken(start, end)) continue;
      const v = r.map(g);
      if (v === null) continue;
      if (typeof v === 'string') hits.push({ value: v, start, end });
      else if (v.needsYear(2000) !== null) hits.push({ value: '', start, end, needsYear: v.needsYear });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
