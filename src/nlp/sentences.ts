/** Sentence boundaries by rule: fast (a single pass), offsets exact, abbreviations respected. */
import type { Span } from '../domain/types.js';

// Words that end with a period without ending a sentence ("Feb. 26", "U.S. states", "No. 822").
const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'st', 'sr', 'jr', 'rev', 'gov', 'sen', 'rep', 'pres',
  'no', 'nos', 'vol', 'pp', 'p', 'fig', 'art', 'para', 'ch', 'sec', 'ed', 'eds', 'cf', 'vs', 'etc', 'al', 'approx', 'est', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ',
  'e.g', 'i.e', 'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m',
]);

/** True when the period at `i` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && /[A-Za-z.]/.test(text[j - 1]!) && i - j < 12) j--;
  const word = text.slice(j, i).toLowerCase().replace(/^\.+/, '');
  if (word === '') return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter ("J. Smith") is an initial.
  return /^[a-z]$/.test(word) && /[A-Z]/.test(text[i - 1]!);
}

/** True when the line break at `i` does not end a sentence ("...the city of Shusha with\n\nan ..."). */
function isSoftBreak(text: string, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r')) p--;
  let n = i;
  while (n < text.length && /\s/.test(text[n]!)) n++;
  const prev = text[p] ?? '';
  const next = text[n] ?? '';
  return /[a-z,(]/.test(prev) && /[a-z]/.test(next);
}

/** Longest stretch treated as one sentence, in characters. */
export const MAX_SENTENCE = 1500;

/**
 * Splits text into sentence spans. A sentence ends at . ! ? (with closing quotes or brackets
 * after them) followed by white space, or at a line break that is not a soft wrap.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    // No real sentence runs this long: cut run-on text so that work per sentence stays bounded.
    if (i - start >= MAX_SENTENCE && (c === ' ' || c === ',' || c === '\n' || i - start >= MAX_SENTENCE * 2)) {
      push(i);
      continue;
    }
    if (c === '\n') {
      if (!isSoftBreak(text, i)) push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let k = i + 1;
    while (k < to && /["'”’)\]»]/.test(text[k]!)) k++;
    // Footnote markers glued to the end of a sentence: "orphaned.[1] The".
    while (k < to && text[k] === '[' && /^\[\\?\[?\d{1,3}\\?\]/.test(text.slice(k, k + 8))) {
      const close = text.indexOf(']', k);
      k = close + 1;
      while (k < to && /[\])(#]/.test(text[k]!)) k++;
    }
    if (k < to && !/\s/.test(text[k]!)) continue;
    if (c === '.' && isAbbreviation(text, i)) {
      // An abbreviation ends the sentence only before a capitalised word on a new line.
      continue;
    }
    push(k);
    i = k - 1;
  }
  push(to);
  return spans;
}
