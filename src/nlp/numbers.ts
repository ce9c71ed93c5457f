/** Reading numbers as a reader would: digits with separators, number words, vague quantities. */
import type { Token } from './tokens.js';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

/** Vague quantities and the range SCHEMA.md gives them; the longer phrase is tried first. */
export const VAGUE: ReadonlyArray<{ words: string[]; min: number; max: number }> = [
  { words: ['hundreds', 'of', 'thousands'], min: 200_000, max: 999_999 },
  { words: ['tens', 'of', 'thousands'], min: 20_000, max: 99_999 },
  { words: ['several', 'hundred', 'thousand'], min: 200_000, max: 999_999 },
  { words: ['several', 'thousand'], min: 2_000, max: 9_999 },
  { words: ['several', 'hundred'], min: 200, max: 999 },
  { words: ['several', 'dozen'], min: 24, max: 99 },
  { words: ['a', 'few', 'hundred'], min: 200, max: 999 },
  { words: ['a', 'few', 'thousand'], min: 2_000, max: 9_999 },
  { words: ['millions'], min: 2_000_000, max: 9_999_999 },
  { words: ['thousands'], min: 2_000, max: 9_999 },
  { words: ['hundreds'], min: 200, max: 999 },
  { words: ['scores'], min: 40, max: 99 },
  { words: ['dozens'], min: 24, max: 99 },
];

const NUMBER_WORDS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'dozen']);

/** True when `w` (lower case) is a number word ("six", "twenty", "hundred"). */
export function isNumberWord(w: string): boolean {
  return NUMBER_WORDS.has(w);
}

/** Value of a single word or hyphenated compound ("twenty-six" → 26), or null. */
export function wordValue(w: string): number | null {
  if (Object.hasOwn(UNITS, w)) return UNITS[w]!;
  if (Object.hasOwn(TENS, w)) return TENS[w]!;
  const m = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (m && Object.hasOwn(TENS, m[1]!) && Object.hasOwn(UNITS, m[2]!) && UNITS[m[2]!]! > 0 && UNITS[m[2]!]! < 10) return TENS[m[1]!]! + UNITS[m[2]!]!;
  return null;
}

/**
 * Value of a digit token: "1,275", "1.275" and "1 275" are thousands separators; "1.5" is a
 * decimal (only kept when a scale word follows, which the caller decides).
 */
export function digitValue(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+\.\d{1,2}$/.test(s) || /^\d+\.\d{4,}$/.test(s)) return Number(s);
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  return null;
}

/** A number read from tokens: its value and the token range [from, to) it took. */
export interface NumberRead {
  value: number;
  from: number;
  to: number;
  /** True for decimals that need a scale word to be a whole count ("1.5" alone is not). */
  fractional: boolean;
}

/** Reads the number starting at token `i` (digits, words, scale words), or null. */
export function readNumber(tokens: Token[], i: number, text?: string): NumberRead | null {
  const t = tokens[i];
  if (!t) return null;
  if (/^\d/.test(t.text)) return readDigits(tokens, i, text);
  return readWords(tokens, i);
}

function readDigits(tokens: Token[], i: number, text?: string): NumberRead | null {
  const t = tokens[i]!;
  let value = digitValue(t.text);
  if (value === null) return null;
  let to = i + 1;
  // "1 275": a space as thousands separator, only after a group of 1-3 digits.
  const next = tokens[to];
  if (text && /^\d{1,3}$/.test(t.text) && next && /^\d{3}$/.test(next.text) && /^[ \u00a0\u202f]$/.test(text.slice(t.end, next.start))) {
    const after = tokens[to + 1];
    if (!(after && /^\d/.test(after.text))) {
      value = value * 1000 + Number(next.text);
      to++;
    }
  }
  const scale = tokens[to] && Object.hasOwn(SCALES, tokens[to]!.lower) ? SCALES[tokens[to]!.lower] : undefined;
  if (scale && scale >= 1000) {
    return { value: Math.round(value * scale), from: i, to: to + 1, fractional: false };
  }
  return { value, from: i, to, fractional: !Number.isInteger(value) };
}

function readWords(tokens: Token[], i: number): NumberRead | null {
  let total = 0;
  let current = 0;
  let seen = false;
  let j = i;
  // "a hundred", "a thousand", "a dozen"
  if (tokens[j]?.lower === 'a' && tokens[j + 1] && (Object.hasOwn(SCALES, tokens[j + 1]!.lower) || tokens[j + 1]!.lower === 'dozen')) {
    current = 1;
    seen = true;
    j++;
  }
  for (; j < tokens.length; j++) {
    const w = tokens[j]!.lower;
    const v = wordValue(w);
    if (v !== null) {
      // "five six" is not 11, but "seventy four" is 74 (a tens word, then a unit, without the hyphen).
      const tens = current % 100;
      if (tens !== 0 && current > 0 && v < 100 && !(tens >= 20 && tens % 10 === 0 && v > 0 && v < 10)) break;
      current += v;
      seen = true;
      continue;
    }
    if (w === 'dozen' && seen) { current = (current || 1) * 12; continue; }
    if (Object.hasOwn(SCALES, w) && seen) {
      const s = SCALES[w]!;
      if (s === 100) current = (current || 1) * 100;
      else { total += (current || 1) * s; current = 0; }
      continue;
    }
    // "six hundred and thirteen": "and" only inside a number, before a smaller part.
    if (w === 'and' && seen && (current >= 100 || total > 0) && tokens[j + 1] && wordValue(tokens[j + 1]!.lower) !== null) continue;
    break;
  }
  if (!seen) return null;
  // A trailing "and" was not part of the number.
  let to = j;
  while (to > i && tokens[to - 1]!.lower === 'and') to--;
  return { value: total + current, from: i, to, fractional: false };
}

const VAGUE_FIRST = new Set(VAGUE.map((v) => v.words[0]!));

/** Reads a vague quantity ("hundreds", "tens of thousands") at token `i`, or null. */
export function readVague(tokens: Token[], i: number): { min: number; max: number; from: number; to: number } | null {
  if (!VAGUE_FIRST.has(tokens[i]?.lower ?? '')) return null;
  for (const v of VAGUE) {
    let ok = true;
    for (let k = 0; k < v.words.length; k++) {
      if (tokens[i + k]?.lower !== v.words[k]) { ok = false; break; }
    }
    if (ok) return { min: v.min, max: v.max, from: i, to: i + v.words.length };
  }
  return null;
}
