/** Absolute date rules: each pattern carries the phrase it handles and maps it to EDTF. */
import { MONTHS, edtf, isValidDay } from '../../../nlp/edtf.js';

/** A date found by a rule: EDTF value and offsets within the searched text. */
export interface RuleHit {
  value: string;
  start: number;
  end: number;
  /** Set when the value still needs a year from context ("on February 26"). */
  needsYear?: { month: number; day: number };
}

const MONTH = String.raw`(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(?<day>[0-3]?\d)(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?<year>1[0-9]\d\d|20\d\d)`;

type Rule = { re: RegExp; map: (g: Record<string, string>) => string | null | { needsYear: { month: number; day: number } } };

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
  // "on February 26", "26 February" (the year comes from context)
  { re: new RegExp(String.raw`\b${MONTH}\s+${DAY}\b(?!,?\s*\d)`, 'g'), map: (g) => ({ needsYear: { month: month(g), day: Number(g.day) } }) },
  { re: new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}\b(?!,?\s*\d)`, 'g'), map: (g) => ({ needsYear: { month: month(g), day: Number(g.day) } }) },
];

/** Runs the absolute rules over `text`; earlier rules win where matches overlap. */
export function absoluteDates(text: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const taken = (s: number, e: number) => hits.some((h) => s < h.end && h.start < e);
  for (const r of rules) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      const g = (m.groups ?? {}) as Record<string, string>;
      // Month names are capitalised in running text; "may" and "march" in lower case are verbs.
      if (g.mon && !/^[A-Z]/.test(g.mon)) continue;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (taken(start, end)) continue;
      const v = r.map(g);
      if (v === null) continue;
      if (typeof v === 'string') hits.push({ value: v, start, end });
      else if (isValidDay(2000, v.needsYear.month, v.needsYear.day)) hits.push({ value: '', start, end, needsYear: v.needsYear });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
