/** Capitalised words with exact offsets, each knowing its sentence and whether it opens one. */
import type { Span } from '../../../domain/types.js';
import { isWordChar } from './chars.js';
import { flagsOf } from './flags.js';

/** One capitalised word: `text` is `source.slice(start, end)`, without a possessive "'s". */
export interface Word {
  start: number;
  end: number;
  text: string;
  /** Index of its sentence in the sentence list. */
  sentence: number;
  /** True when it opens a sentence, a quotation or a clause after a colon. */
  initial: boolean;
  /** Written in capitals throughout ("OSCE", "U.N."): an acronym when short. */
  caps: boolean;
  /** Followed by "'s" / "’s" / a bare apostrophe: the name ends here. */
  possessive: boolean;
  /** End of the word as written, possessive included. */
  tail: number;
  /** Word-list bits (see flags.ts). */
  flags: number;
}

// Where a capital may stand: ASCII capitals and the blocks of Latin, Greek and Cyrillic that hold capitals. A plain
// (non-Unicode) class scans several times faster than \p{Lu}; each hit is confirmed, and its word read, by hand.
const MAYBE_CAPITAL = /[A-Z\u00C0-\u00DE\u0100-\u024F\u0370-\u03FF\u0400-\u052F\u1E00-\u1EFF]/g;
const UPPER = /\p{Lu}/u;
const ALL_UPPER = /^[\p{Lu}\p{N}.&-]+$/u;
// What may stand between a sentence's start and its first word: quotes, brackets, bullets, dashes.
const OPENERS = new Set([' ', '\t', '\n', '\r', '"', '“', '‘', "'", '(', '[', '«', '*', '#', '-', '–', '—', '•', '>']);
const OPEN_QUOTES = new Set(['"', '“', '‘', '«']);
// "al-Assad", "el-Sisi": an Arabic article joined to the name by a hyphen.
const ARTICLE = /(?:^|[^\p{L}])(?:al|el)-$/u;

/** True when the character at `i` is a capital letter. */
function isUpper(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text[i]!);
}

/**
 * End of the capitalised word starting at `i`: letters, marks and digits joined by inner apostrophes or hyphens
 * ("Guinea-Bissau", "O'Neill", "Bağlıpəyə"), or dotted capitals ("U.S."). Each character is looked at once.
 */
function wordEnd(text: string, i: number, end: number): number {
  if (text[i + 1] === '.' && i + 3 < end && isUpper(text, i + 2) && text[i + 3] === '.') {
    let j = i;
    while (j + 1 < end && isUpper(text, j) && text[j + 1] === '.') j += 2;
    return j;
  }
  let j = i + 1;
  while (j < end) {
    if (isWordChar(text, j)) j++;
    else if ((text[j] === "'" || text[j] === '’' || text[j] === '-') && j + 1 < end && isWordChar(text, j + 1)) j += 2;
    else break;
  }
  return j;
}

/** True for either apostrophe. */
function apostrophe(c: string | undefined): boolean {
  return c === "'" || c === '’';
}

/** True for an ASCII lower-case letter (the common second letter of a capitalised word). */
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** True when the word at `at` is the first of its sentence, of a quotation, or follows a colon. */
function opens(text: string, sentenceStart: number, at: number): boolean {
  let p = at - 1;
  let quoted = false;
  while (p >= sentenceStart && OPENERS.has(text[p]!)) {
    if (OPEN_QUOTES.has(text[p]!)) quoted = true;
    p--;
  }
  return p < sentenceStart || quoted || text[p] === ':';
}

/** Every capitalised word before `end`, assigned to the sentence that holds it (words outside sentences are skipped). */
export function capitalisedWords(text: string, sentences: readonly Span[], end = text.length): Word[] {
  const out: Word[] = [];
  let s = 0;
  const body = end === text.length ? text : text.slice(0, end);
  MAYBE_CAPITAL.lastIndex = 0;
  for (let m = MAYBE_CAPITAL.exec(body); m; m = MAYBE_CAPITAL.exec(body)) {
    const at = m.index;
    if (text.charCodeAt(at) >= 128 && !isUpper(text, at)) continue;
    const tail = wordEnd(text, at, end);
    MAYBE_CAPITAL.lastIndex = tail;
    let start = at;
    // "al-Assad": an Arabic article belongs to the name.
    const article = start > 2 && text[start - 1] === '-' && ARTICLE.test(text.slice(Math.max(0, start - 4), start));
    // "iPhone", "anti-Tarvosian": a capital inside a word does not start a name.
    if (!article && start > 0 && (isWordChar(text, start - 1) || (text[start - 1] === '-' && start > 1 && isWordChar(text, start - 2)))) continue;
    if (article) start -= 3;
    while (s < sentences.length && sentences[s]!.end <= start) s++;
    if (s >= sentences.length) break;
    if (sentences[s]!.start > start) continue;
    // No name is this long: a stretch of letters without spaces is not prose.
    // "US$ 4.2 million" is a currency.
    if (tail - start > 60 || text[tail] === '$') continue;
    let raw = text.slice(start, tail);
    let possessive = false;
    const n = raw.length;
    if (n > 3 && raw[n - 1] === 's' && apostrophe(raw[n - 2])) { raw = raw.slice(0, -2); possessive = true; }
    else if (raw[n - 1] === 's' && apostrophe(text[tail]) && !(tail + 1 < text.length && isWordChar(text, tail + 1))) possessive = true;
    out.push({
      start, end: start + raw.length, text: raw, sentence: s,
      initial: opens(text, sentences[s]!.start, start),
      caps: raw.length > 1 && !isLower(raw.charCodeAt(1)) && ALL_UPPER.test(raw) && /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(raw),
      possessive, tail, flags: flagsOf(raw),
    });
  }
  return out;
}
