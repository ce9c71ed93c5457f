/** Cuts runs into name candidates: possessives, sentence openers, titles, event words and acronyms come off. */
import type { Candidate } from './cues.js';
import { isAcronym } from './cues.js';
import { EVENT_WORDS, NOT_NAME_ENDS, ORDINALS, ORG_WORDS, PLACE_WORDS, SENTENCE_STARTERS, TITLES } from './lexicon.js';
import type { Run } from './runs.js';
import type { Word } from './words.js';

/** A candidate built from `words` (text taken from the source, so spans stay exact). */
export function candidate(text: string, words: Word[], extra: Partial<Candidate> = {}): Candidate {
  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  return { words, start, end, text: text.slice(start, end), cue: null, ...extra };
}

const isHead = (w: Word) => ORG_WORDS.has(w.text) || PLACE_WORDS.has(w.text);

/** "Azerbaijan's Prosecutor General's Office" → "Azerbaijan" + "Prosecutor General's Office". */
function splitPossessives(run: Run): Word[][] {
  const out: Word[][] = [];
  let piece: Word[] = [];
  run.forEach((w, i) => {
    piece.push(w);
    // A possessive inside a name keeps only a single head word after it ("General's Office").
    const keep = i === run.length - 2 && isHead(run[i + 1]!);
    if (w.possessive && !keep) {
      out.push(piece);
      piece = [];
    }
  });
  if (piece.length) out.push(piece);
  return out;
}

/** "Human Rights Watch (HRW) Photo" style mixtures: acronyms stand alone unless a head word binds them. */
function splitAcronyms(ws: Word[]): Word[][] {
  if (ws.length < 2 || !ws.some(isAcronym) || ws.some(isHead)) return [ws];
  const out: Word[][] = [];
  let piece: Word[] = [];
  for (const w of ws) {
    if (isAcronym(w)) {
      if (piece.length) out.push(piece);
      out.push([w]);
      piece = [];
    } else piece.push(w);
  }
  if (piece.length) out.push(piece);
  return out;
}

/** Turns one piece into at most one candidate after taking off openers, titles and event words. */
function trim(text: string, piece: Word[]): Candidate | null {
  let ws = piece;
  // "The Karabakh Parliament", "However Novak": the opener is an ordinary word.
  if (ws[0]!.initial && SENTENCE_STARTERS.has(ws[0]!.text.toLowerCase())) ws = ws.slice(1);
  // "The UN Security Council" mid-sentence; but "The Hague" keeps its article.
  else if (ws[0]!.text === 'The' && ws.length > 2) ws = ws.slice(1);
  // "Khojaly Massacre Memorial", "Geneva Conventions": a memorial or a treaty is not a place or body.
  while (ws.length && NOT_NAME_ENDS.has(ws[ws.length - 1]!.text)) ws = ws.slice(0, -1);
  let event = false;
  // "Second Karabakh War", "Dravik Massacre": the rest names where it happened.
  if (ws.length > 1 && EVENT_WORDS.has(ws[ws.length - 1]!.text)) {
    ws = ws.slice(0, -1);
    while (ws.length && ORDINALS.has(ws[0]!.text)) ws = ws.slice(1);
    event = true;
  }
  if (!ws.length) return null;
  // "Foreign Minister Lale Demir", "Dr. Jana Novak": the name follows the last title.
  let t = -1;
  ws.forEach((w, i) => { if (TITLES.has(w.text)) t = i; });
  if (t >= 0 && !ws.some(isHead)) {
    if (t === ws.length - 1) return null;
    if (!ws.slice(t + 1).some(isAcronym)) return candidate(text, ws.slice(t + 1), { titled: true });
  }
  return candidate(text, ws, event ? { event: true } : {});
}

/** Every candidate a run yields, in text order. */
export function candidatesOf(text: string, run: Run): Candidate[] {
  const out: Candidate[] = [];
  for (const piece of splitPossessives(run)) {
    for (const part of splitAcronyms(piece)) {
      const c = trim(text, part);
      if (c) out.push(c);
    }
  }
  return out;
}
