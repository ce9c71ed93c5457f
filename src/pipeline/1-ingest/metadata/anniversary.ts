/**
 * Dates a report by an anniversary it marks: "the 32nd anniversary of the Khojaly massacre",
 * and elsewhere "in February 1992" → the report is from 1992 + 32 = 2024.
 */

const UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
  seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const TENTHS: Record<string, number> = {
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80,
  ninetieth: 90, hundredth: 100,
};

/** "32nd", "thirty-second", "thirtieth", "100th" as a number; undefined otherwise. */
export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const digits = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(w);
  if (digits) return +digits[1] || undefined;
  if (UNITS[w] || TENTHS[w]) return UNITS[w] ?? TENTHS[w];
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(w);
  if (compound && TENS[compound[1]] && UNITS[compound[2]] && UNITS[compound[2]] < 10) {
    return TENS[compound[1]] + UNITS[compound[2]];
  }
  return undefined;
}

/** "anniversary of the Khojaly massacre": found first, as a plain phrase, so long texts are scanned fast. */
const ANNIVERSARY = /\banniversary\s+of\s+(?:the\s+)?([^.,;:!?\n]{1,80})/gi;
const YEAR = /(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d])/g;
const MAX_YEARS_LOOKED_AT = 200;
const COMMON = new Set(['the', 'and', 'that', 'this', 'which', 'were', 'with', 'from', 'over', 'into', 'against']);

/** The sentence around `index`: from the previous sentence end or line break to the next, at most 500 characters each way. */
function sentenceAt(text: string, index: number): string {
  // Bounded both ways: this runs once per year in the text, and a report can be megabytes long.
  const from = Math.max(0, index - 500);
  const before = text.slice(from, index);
  let start = from;
  for (let i = before.length - 1; i >= 0; i--) {
    if ('.!?\n'.includes(before[i])) {
      start = from + i + 1;
      break;
    }
  }
  const after = text.slice(index, index + 500);
  const stop = after.search(/[.!?](?:\s|$)|\n/);
  return text.slice(start, stop < 0 ? index + after.length : index + stop + 1);
}

function years(s: string): number[] {
  return [...s.matchAll(YEAR)].map((m) => +m[1]);
}

/** The year the text gives for the event: in the same sentence, else in a sentence naming the event, else the only year stated. */
function eventYear(text: string, index: number, event: string, maxYear: number): number | undefined {
  const ok = (y: number): boolean => y <= maxYear;
  const same = years(sentenceAt(text, index)).filter(ok);
  if (same.length) return same[0];
  const keys = event.split(/[^\p{L}]+/u).filter((w) => w.length >= 4 && !COMMON.has(w.toLowerCase())).map((k) => k.toLowerCase());
  let looked = 0;
  for (const m of text.matchAll(YEAR)) {
    // A report states the event's year early; looking further only costs time on long texts.
    if (++looked > MAX_YEARS_LOOKED_AT) break;
    const s = sentenceAt(text, m.index).toLowerCase();
    if (ok(+m[1]) && keys.some((k) => s.includes(k))) return +m[1];
  }
  return onlyYear(text, ok);
}

/** The one year a text names, if it names exactly one; stops at the second. */
function onlyYear(text: string, ok: (y: number) => boolean): number | undefined {
  let only: number | undefined;
  for (const m of text.matchAll(YEAR)) {
    if (only !== undefined && +m[1] !== only) return undefined;
    only = +m[1];
  }
  return only !== undefined && ok(only) ? only : undefined;
}

/**
 * The year a report was written, from the first "Nth anniversary of EVENT" whose event year the
 * text states (see `eventYear`), as year + N; undefined when the text does not say enough.
 */
export function anniversaryYear(text: string, currentYear: number): number | undefined {
  for (const m of text.matchAll(ANNIVERSARY)) {
    // The ordinal is the word or two before: "32nd", "thirty-second", "thirty second", "thirtieth".
    const words = text.slice(Math.max(0, m.index - 40), m.index).trim().split(/\s+/);
    const n = ordinalValue(words.slice(-2).join(' ')) ?? ordinalValue(words[words.length - 1] ?? '');
    if (!n) continue;
    const year = eventYear(text, m.index, m[1], currentYear - n + 1);
    if (year !== undefined) return year + n;
  }
  return undefined;
}
