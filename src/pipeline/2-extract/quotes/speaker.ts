/** Who speaks a quotation: the phrase named right after it (“…,” she said) or right before it (X said: “…”). */
import type { Span } from '../../../domain/types.js';
import { isWordChar } from '../entities/chars.js';

/** A speaker phrase as written, with its span; `pronoun` when it still has to be resolved. */
export interface Named {
  text: string;
  span: Span;
  pronoun?: boolean;
}

/** Verbs that introduce direct or reported speech. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'noted', 'notes', 'wrote', 'writes',
  'explained', 'continued', 'recalled', 'asked', 'insisted', 'warned', 'declared', 'announced', 'replied', 'remembered',
  'testified', 'argued', 'concluded', 'stressed', 'emphasised', 'emphasized', 'commented', 'claimed', 'reported',
]);
// Words between a speaker and the verb: "the statement further said", "it also added".
const ADVERBS = new Set(['further', 'also', 'later', 'then', 'previously', 'again', 'has', 'had', 'have', 'once', 'now', 'separately', 'reportedly']);
// Words that end a speaker phrase read backwards: a clause or a preposition begins before them.
const STOPS = new Set([
  'that', 'which', 'who', 'whom', 'and', 'but', 'or', 'when', 'while', 'after', 'before', 'as', 'because', 'if', 'since',
  'on', 'in', 'at', 'to', 'for', 'with', 'by', 'from', 'where', 'than', 'so', 'yet', 'though', 'although', 'what',
  'is', 'was', 'are', 'were', 'be', 'been', 'not', 'this', 'these', 'there', 'here',
]);
// Words that start a speaker phrase read backwards, and end it: "a ministry statement", "the commander".
const ARTICLES = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my']);
// After an inverted verb the speaker ends before these: "said the ministry on Monday".
const AFTER_STOPS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'last', 'this', 'yesterday', 'today', 'to', 'that', 'adding', 'referring', 'according', 'who', 'which', 'and', 'but']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they']);
// Words of a phrase: letters, digits, inner apostrophes, hyphens and periods ("Dr.", "Velmora’s").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/uy;

// Words that end in a period inside a name: "Dr.", "St.", "J.".
const TITLE_DOT = /^(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Capt|Maj|Sgt|Sen|Gov|Rep|Rev|St|\p{Lu})\.$/u;

// Characters inside a word besides letters and digits: "Velmora’s", "Guinea-Bissau", "Dr.".
const INNER = new Set(["'", '’', '-', '.']);

interface Tok {
  text: string;
  start: number;
  end: number;
  /** A comma stands right before it ("its chair, Ana Roth"). */
  comma?: boolean;
}

/** Words of `text.slice(from, to)` up to the first punctuation other than a comma. */
function wordsForward(text: string, from: number, to: number, max: number): Tok[] {
  const out: Tok[] = [];
  let p = from;
  let comma = false;
  while (out.length < max) {
    while (p < to && (text[p] === ' ' || text[p] === '\u00a0')) p++;
    if (p < to && text[p] === ',') { comma = true; p++; continue; }
    WORD.lastIndex = p;
    const m = p < to ? WORD.exec(text) : null;
    if (!m || m.index + m[0].length > to) break;
    const t = m[0].replace(/\.$/, '');
    out.push(comma ? { text: t, start: p, end: p + t.length, comma } : { text: t, start: p, end: p + t.length });
    comma = false;
    p += m[0].length;
    if (t.length < m[0].length && !TITLE_DOT.test(m[0])) break;
  }
  return out;
}

/** Of "its chair, Ana Roth" or "Ana Roth, its chair", the comma-separated part that is a name; else the first. */
function namePart(toks: Tok[]): Tok[] {
  const parts: Tok[][] = [];
  for (const t of toks) {
    if (t.comma || !parts.length) parts.push([t]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts.find((p) => p.every((t) => /^\p{Lu}/u.test(t.text))) ?? parts[0] ?? [];
}

/** Builds the phrase from tokens; null when it holds no name-like words. */
function phrase(text: string, toks: Tok[]): Named | null {
  while (toks.length && ADVERBS.has(toks[toks.length - 1]!.text.toLowerCase())) toks.pop();
  if (!toks.length) return null;
  const span = { start: toks[0]!.start, end: toks[toks.length - 1]!.end };
  const said = text.slice(span.start, span.end);
  const lower = said.toLowerCase();
  if (STOPS.has(lower) || ARTICLES.has(lower)) return null;
  const named: Named = { text: said, span };
  if (PRONOUNS.has(lower)) named.pronoun = true;
  else if (lower === 'i' || lower === 'we' || lower === 'you') return null;
  return named;
}

/**
 * The speaker phrase that ends right before offset `at` (where a speech verb starts), read backwards:
 * "a Tarvos Foreign Ministry statement", "Mara Quillon, a nurse in the camp, told" → the name.
 */
export function subjectBefore(text: string, at: number, floor: number): Named | null {
  const toks: Tok[] = [];
  let p = at;
  while (toks.length < 8) {
    while (p > floor && text[p - 1] === ' ') p--;
    let q = p;
    while (q > floor && (isWordChar(text, q - 1) || INNER.has(text[q - 1]!))) q--;
    if (q === p) {
      // "X, a relative of a victim, told": jump over an apposition to the name before it.
      if (text[p - 1] === ',' && toks.length === 0) {
        const comma = text.lastIndexOf(',', p - 2);
        const inside = comma > floor ? text.slice(comma + 1, p - 1).trim() : '';
        if (/^(?:a|an|the)\s/i.test(inside) && inside.length < 80) { p = comma; continue; }
      }
      break;
    }
    const raw = text.slice(q, p);
    // "… were killed. Novak said": a full stop ends the phrase, unless it closes "Dr." or an initial.
    if (raw.endsWith('.') && !TITLE_DOT.test(raw)) break;
    const t = raw.replace(/\.$/, '');
    const lower = t.toLowerCase();
    if (STOPS.has(lower)) break;
    toks.unshift({ text: t, start: q, end: q + t.length });
    p = q;
    if (ARTICLES.has(lower)) break;
  }
  return phrase(text, toks);
}

/** The speaker named right after a quotation closing at `from`: "…,” she said", "…,” said a local official". */
export function speakerAfter(text: string, from: number, to: number): Named | null {
  let p = from;
  while (p < to && /[\s,;—–-]/.test(text[p]!) && text[p] !== '\n') p++;
  const toks = wordsForward(text, p, Math.min(to, p + 120), 10);
  const k = toks.findIndex((t) => SPEECH_VERBS.has(t.text.toLowerCase()));
  if (k === 0) {
    // "…,” said the commander on Monday."
    const rest: Tok[] = [];
    for (const t of toks.slice(1)) {
      if (AFTER_STOPS.has(t.text.toLowerCase()) || rest.length >= 7 || t.comma) break;
      rest.push(t);
    }
    return phrase(text, rest);
  }
  if (k > 0 && k <= 8) {
    // "… that the army said": the speaker starts after the last clause word.
    let first = 0;
    for (let i = 0; i < k; i++) if (STOPS.has(toks[i]!.text.toLowerCase())) first = i + 1;
    return phrase(text, namePart(toks.slice(first, k)));
  }
  // "…,” according to the ministry."
  if (toks[0]?.text.toLowerCase() === 'according' && toks[1]?.text.toLowerCase() === 'to') return phrase(text, toks.slice(2, 8));
  return null;
}

/** The speaker named right before a quotation opening at `at`: "X said: “…”", "X told reporters, “…”". */
export function speakerBefore(text: string, at: number, floor: number): Named | null {
  let p = at;
  while (p > floor && text[p - 1] === ' ') p--;
  if (text[p - 1] !== ':' && text[p - 1] !== ',') {
    // "X said that “…”"
    if (!/\sthat$/.test(text.slice(Math.max(floor, p - 5), p))) return null;
    p -= 4;
  } else p--;
  // The verb stands within a few words: "said in a statement:", "told reporters on Monday:".
  const toks = wordsBack(text, p, floor, 7);
  const k = toks.findIndex((t) => SPEECH_VERBS.has(t.text.toLowerCase()));
  return k < 0 ? null : subjectBefore(text, toks[k]!.start, floor);
}

/** Up to `max` words ending at `at`, nearest first, stopping at punctuation. */
function wordsBack(text: string, at: number, floor: number, max: number): Tok[] {
  const out: Tok[] = [];
  let p = at;
  while (out.length < max) {
    while (p > floor && text[p - 1] === ' ') p--;
    let q = p;
    while (q > floor && (isWordChar(text, q - 1) || (text[q - 1] !== '.' && INNER.has(text[q - 1]!)))) q--;
    if (q === p) break;
    out.push({ text: text.slice(q, p), start: q, end: p });
    p = q;
  }
  return out;
}
