/** Word tokens with exact offsets; the unit every extraction rule reads. */

/** One token: its text, lower-cased form and offsets into the document text. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Part of speech from wink-nlp, where the sentence was tagged. */
  pos?: string;
}

// Letters and digits joined by inner hyphens, apostrophes, periods or commas:
// "1,275", "1.5", "Twenty-six", "4-5-year-old", "No.2015", "Khojaly's".
const TOKEN = /[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

const GLUED = /^(\p{Ll}{4,})(\d[\d,.]*)$/u;

/** Tokenizes `text.slice(start, end)`, keeping offsets into the whole text. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const t = m[0];
    const at = start + m.index;
    // "fatalities1 missing" (an infobox's lines run together): a lower-case word glued to a number is two tokens.
    const last = t.charCodeAt(t.length - 1);
    const glued = last >= 48 && last <= 57 && t.length > 4 ? GLUED.exec(t) : null;
    if (glued) {
      const w = glued[1]!;
      out.push({ text: w, lower: w, start: at, end: at + w.length });
      const n = t.slice(w.length);
      out.push({ text: n, lower: n, start: at + w.length, end: at + t.length });
      continue;
    }
    out.push({ text: t, lower: t.toLowerCase(), start: at, end: at + t.length });
  }
  return out;
}

/** Tokens of one sentence whose parts of speech are filled in only when a rule first asks. */
export interface SentenceTokens extends Array<Token> {
  tag?: () => void;
}

/** Part of speech of token `k`, tagging the sentence on first use (tagging is the costly step). */
export function posOf(tokens: SentenceTokens, k: number): string | undefined {
  if (tokens.tag) {
    const tag = tokens.tag;
    tokens.tag = undefined;
    tag();
  }
  return tokens[k]?.pos;
}

/** True when the token is made of digits with optional thousands separators or decimals. */
export function isNumeric(tok: Token | undefined): boolean {
  return !!tok && /^\d+(?:[.,]\d+)*$/.test(tok.text);
}

/** True when the token starts with a capital letter. */
export function isCapitalized(tok: Token | undefined): boolean {
  return !!tok && /^\p{Lu}/u.test(tok.text);
}
