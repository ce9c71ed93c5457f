/** Capitalised words with exact offsets, each knowing its sentence and whether it opens one. */
import type { Span } from '../../../domain/types.js';

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
}

// A capitalised word: letters, marks and digits joined by inner apostrophes or hyphens ("Nagorno-Karabakh",
// "O'Neill", "Bağcı"), or dotted capitals ("U.S."). One branch, starting with a capital, keeps the scan fast;
// each repetition starts with a character the one before cannot match, so matching is linear.
const CAP = /\p{Lu}(?:\.(?:\p{Lu}\.)+|[\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*)/gu;
const ARTICLE = /(?:^|[^\p{L}])(?:al|el)-$/u;
const LETTER = /[\p{L}\p{M}\p{N}_]/u;

/** True for a letter, mark, digit or underscore; ASCII is decided without a regular expression. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return LETTER.test(text[i]!);
}
const UPPER = /^[\p{Lu}\p{N}.&-]+$/u;
// What may stand between a sentence's start and its first word: quotes, brackets, bullets, dashes.
const OPENERS = new Set([' ', '\t', '\n', '\r', '"', '“', '‘', "'", '(', '[', '«', '*', '#', '-', '–', '—', '•', '>']);
const OPEN_QUOTES = new Set(['"', '“', '‘', '«']);

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
  CAP.lastIndex = 0;
  const body = end === text.length ? text : text.slice(0, end);
  for (let m = CAP.exec(body); m; m = CAP.exec(body)) {
    let start = m.index;
    // "al-Assad": an Arabic article belongs to the name.
    const article = start > 2 && text[start - 1] === '-' && ARTICLE.test(text.slice(Math.max(0, start - 4), start));
    // "iPhone", "anti-Armenian": a capital inside a word does not start a name.
    if (!article && start > 0 && (isWordChar(text, start - 1) || (text[start - 1] === '-' && start > 1 && isWordChar(text, start - 2)))) continue;
    if (article) start -= 3;
    while (s < sentences.length && sentences[s]!.end <= start) s++;
    if (s >= sentences.length) break;
    if (sentences[s]!.start > start) continue;
    let raw = text.slice(start, m.index + m[0].length);
    // No name is this long: a stretch of letters without spaces is not prose.
    if (raw.length > 60) continue;
    // "US$ 4.2 million" is a currency.
    if (text[start + raw.length] === '$') continue;
    let possessive = false;
    const n = raw.length;
    if (n > 3 && raw[n - 1] === 's' && apostrophe(raw[n - 2])) { raw = raw.slice(0, -2); possessive = true; }
    else if (raw[n - 1] === 's' && apostrophe(text[start + n]) && !(start + n + 1 < text.length && isWordChar(text, start + n + 1))) possessive = true;
    out.push({
      start, end: start + raw.length, text: raw, sentence: s,
      initial: opens(text, sentences[s]!.start, start),
      caps: raw.length > 1 && !isLower(raw.charCodeAt(1)) && UPPER.test(raw) && /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(raw),
      possessive, tail: m.index + m[0].length,
    });
  }
  return out;
}
