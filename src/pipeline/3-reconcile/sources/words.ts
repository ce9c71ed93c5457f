/** Normalised words with their exact character offsets, the basis of shingles and spans. */
import type { Span } from '../../../domain/types.js';

/** A text's words, lower-cased with punctuation removed, and where each stands in the text. */
export interface WordList {
  words: string[];
  /** Offset of each word's first letter or digit. */
  starts: Int32Array;
  /** Offset just after each word's last letter or digit. */
  ends: Int32Array;
}

const NOT_WORD_CHAR = /[^\p{L}\p{N}\p{M}]+/gu;
const FIRST_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LAST_WORD_CHAR = /[\p{L}\p{N}\p{M}][^\p{L}\p{N}\p{M}]*$/u;

/** The first and last letter or digit of `s` as code-unit offsets (astral letters kept whole). */
function trimOffsets(s: string): [number, number] | null {
  const first = s.search(FIRST_WORD_CHAR);
  if (first < 0) return null;
  const last = LAST_WORD_CHAR.exec(s)!;
  const cp = s.codePointAt(last.index)!;
  return [first, last.index + (cp > 0xffff ? 2 : 1)];
}

/**
 * Splits on white space, then strips punctuation inside each token ("1,275" → "1275",
 * "don't" → "dont"), so reprints that only re-punctuate or re-case still match.
 */
export function normaliseWords(text: string): WordList {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const from = i;
    // Most tokens are plain ASCII letters and digits: they skip the Unicode regexes.
    let plain = true;
    while (i < n && !isSpace(text.charCodeAt(i))) {
      if (plain && !isAsciiAlnum(text.charCodeAt(i))) plain = false;
      i++;
    }
    const token = text.slice(from, i);
    if (plain) {
      words.push(token.toLowerCase());
      starts.push(from);
      ends.push(i);
      continue;
    }
    const word = token.replace(NOT_WORD_CHAR, '').toLowerCase();
    if (word === '') continue;
    // Offsets are trimmed to letters and digits so a passage never starts on a quote mark.
    const [s, e] = trimOffsets(token)!;
    words.push(word);
    starts.push(from + s);
    ends.push(from + e);
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The characters `\s` matches in a regular expression. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A-Z, a-z, 0-9. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The normalised words of a piece of text, for comparing slices of two reports. */
export function wordsOf(text: string): string[] {
  return normaliseWords(text).words;
}

/**
 * Trims a span to its first and last letter or digit: a sentence span may carry a closing
 * period or quote mark that a shared passage (which ends on a word) does not.
 */
export function wordCore(text: string, span: Span): Span {
  const t = trimOffsets(text.slice(span.start, span.end));
  if (t === null) return { start: span.start, end: span.start };
  return { start: span.start + t[0], end: span.start + t[1] };
}
