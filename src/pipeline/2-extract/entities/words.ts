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
}

// A capitalised word: letters, marks and digits joined by inner apostrophes or hyphens ("Nagorno-Karabakh",
// "O'Neill", "Bağcı"), dotted capitals ("U.S."), or an Arabic article before a name ("al-Assad").
// Each repetition starts with a character the one before cannot match, so matching is linear.
const CAP = /(?:\p{Lu}\.){2,}|(?:al|el|ad|ud|ul|bin|ibn)-\p{Lu}[\p{L}\p{M}\p{N}]*|\p{Lu}[\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const LETTER = /[\p{L}\p{M}\p{N}_]/u;
const UPPER = /^[\p{Lu}\p{N}.&-]+$/u;
// What may stand between a sentence's start and its first word: quotes, brackets, bullets, dashes.
const OPENERS = new Set([' ', '\t', '\n', '\r', '"', '“', '‘', "'", '(', '[', '«', '*', '#', '-', '–', '—', '•', '>']);
const OPEN_QUOTES = new Set(['"', '“', '‘', '«']);

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
    const start = m.index;
    // "iPhone", "anti-Armenian": a capital inside a word does not start a name.
    if (start > 0 && (LETTER.test(text[start - 1]!) || (text[start - 1] === '-' && start > 1 && LETTER.test(text[start - 2]!)))) continue;
    while (s < sentences.length && sentences[s]!.end <= start) s++;
    if (s >= sentences.length) break;
    if (sentences[s]!.start > start) continue;
    let raw = m[0];
    let possessive = false;
    if (/['’]s$/.test(raw) && raw.length > 3) { raw = raw.slice(0, -2); possessive = true; }
    else if ((text[start + raw.length] === '’' || text[start + raw.length] === "'") && !LETTER.test(text[start + raw.length + 1] ?? ' ') && raw.endsWith('s')) possessive = true;
    out.push({
      start, end: start + raw.length, text: raw, sentence: s,
      initial: opens(text, sentences[s]!.start, start),
      caps: raw.length > 1 && UPPER.test(raw) && /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(raw),
      possessive,
    });
  }
  return out;
}
