/**
 * Words as the SQLite store's tokenizer (FTS5 unicode61, remove_diacritics 2) makes them, so that
 * both backends find the same documents: runs of letters, digits and marks, lower-cased, accents
 * removed ("Xocalí" → "xocali"; the dotless ı is a letter of its own). From them, a document's
 * tsvector (title words weight A, text words weight B) and the snippets of search hits.
 */
import { SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN } from '../snippet.js';

/** One word of a text: where it stands and its folded form. */
export interface Token {
  start: number;
  end: number;
  lexeme: string;
}

const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;
/** Longer words are left out of the index (PostgreSQL refuses lexemes above 2 KB). */
const MAX_WORD = 500;
/** PostgreSQL keeps word positions up to 16383; later ones are all 16383 (still found, not as phrases). */
const MAX_POS = 16383;
/** A tsvector holds at most 1 MB of lexemes; beyond this budget later new words are left out. */
const LEXEME_BUDGET = 900_000;
/** Positions between the title and the text, so no phrase or NEAR spans the two. */
const COLUMN_GAP = 128;

/** A word folded as the index keeps it. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFC');
}

/** The words of `text`, in order. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const lexeme = fold(m[0]);
    if (lexeme === '' || lexeme.length > MAX_WORD) continue;
    out.push({ start: m.index, end: m.index + m[0].length, lexeme });
  }
  return out;
}

/** A lexeme quoted for tsvector and tsquery input. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsvector input of a document: its title's words weight A, then its text's words weight B. */
export function documentVector(title: string | null | undefined, text: string): string {
  const positions = new Map<string, string[]>();
  let budget = LEXEME_BUDGET;
  let pos = 0;
  const add = (words: Token[], weight: 'A' | 'B') => {
    for (const w of words) {
      pos = Math.min(pos + 1, MAX_POS);
      let list = positions.get(w.lexeme);
      if (list === undefined) {
        budget -= Buffer.byteLength(w.lexeme) + 8;
        if (budget < 0) continue;
        list = [];
        positions.set(w.lexeme, list);
      }
      // Past the last position every word is at MAX_POS: keep it once per lexeme and weight.
      if (pos === MAX_POS && list.length && list[list.length - 1] === `${MAX_POS}${weight}`) continue;
      list.push(`${pos}${weight}`);
    }
  };
  add(tokenize(title ?? ''), 'A');
  pos = Math.min(pos + COLUMN_GAP, MAX_POS);
  add(tokenize(text), 'B');
  const parts: string[] = [];
  for (const [lexeme, list] of positions) parts.push(`${quoteLexeme(lexeme)}:${list.join(',')}`);
  return parts.join(' ');
}

/** A word of a query to highlight: its lexeme, and whether longer words starting with it match. */
export interface HighlightTerm {
  lexeme: string;
  prefix: boolean;
}

/** Tokens a snippet shows (as SQLite's snippet(…, 24)). */
const SNIPPET_TOKENS = 24;

const matches = (t: Token, term: HighlightTerm) => (term.prefix ? t.lexeme.startsWith(term.lexeme) : t.lexeme === term.lexeme);

/**
 * The text around the matches of `phrases` (each a sequence of words; a lone word is a phrase of
 * one), the matches between the snippet markers: the window of 24 words holding the most distinct
 * phrases (then the most matches), centred on them, with an ellipsis where text is left out.
 */
export function snippet(text: string, phrases: readonly HighlightTerm[][]): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text.length <= 200 ? text : `${text.slice(0, 200)}${SNIPPET_ELLIPSIS}`;
  // Each instance of a phrase: its first and last token and which phrase it is.
  const hits: Array<{ first: number; last: number; phrase: number }> = [];
  phrases.forEach((words, p) => {
    if (words.length === 0) return;
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (words.every((w, k) => matches(tokens[i + k]!, w))) hits.push({ first: i, last: i + words.length - 1, phrase: p });
    }
  });
  hits.sort((a, b) => a.first - b.first || a.last - b.last);
  let start = 0;
  if (hits.length) {
    let best = { score: -1, from: 0, to: 0 };
    for (let h = 0; h < hits.length; h++) {
      const limit = hits[h]!.first + SNIPPET_TOKENS;
      const inside = hits.slice(h).filter((x) => x.last < limit);
      const score = new Set(inside.map((x) => x.phrase)).size * 1000 + inside.length;
      if (score > best.score) best = { score, from: hits[h]!.first, to: Math.max(...inside.map((x) => x.last)) };
    }
    const lead = Math.floor((SNIPPET_TOKENS - (best.to - best.from + 1)) / 2);
    start = Math.max(0, Math.min(best.from - lead, tokens.length - SNIPPET_TOKENS));
  }
  const end = Math.min(tokens.length, start + SNIPPET_TOKENS);
  const from = start === 0 ? 0 : tokens[start]!.start;
  const to = end === tokens.length ? text.length : tokens[end - 1]!.end;
  // Marked ranges: whole phrase instances inside the window, overlapping ones merged.
  const ranges: Array<[number, number]> = [];
  for (const h of hits) {
    if (h.first < start || h.last >= end) continue;
    const r: [number, number] = [tokens[h.first]!.start, tokens[h.last]!.end];
    const prev = ranges[ranges.length - 1];
    if (prev && r[0] < prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else ranges.push(r);
  }
  let out = start === 0 ? '' : SNIPPET_ELLIPSIS;
  let at = from;
  for (const [a, b] of ranges) {
    out += `${text.slice(at, a)}${SNIPPET_OPEN}${text.slice(a, b)}${SNIPPET_CLOSE}`;
    at = b;
  }
  out += text.slice(at, to);
  return end === tokens.length ? out : `${out}${SNIPPET_ELLIPSIS}`;
}
