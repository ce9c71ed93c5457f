/** Cuts runs into name candidates: possessives, sentence openers, titles, event words and acronyms come off. */
import type { Candidate } from './cues.js';
import { isAcronym } from './cues.js';
import { F, HEAD } from './flags.js';
import type { Run } from './runs.js';
import type { Word } from './words.js';

/** A candidate built from `words` (text taken from the source, so spans stay exact). */
export function candidate(text: string, words: Word[], event = false, titled = false): Candidate {
  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  // Every candidate has the same fields in the same order, so the engine keeps one shape for them.
  return { words, start, end, text: text.slice(start, end), cue: null, event, titled };
}

/** True for an organisation or place head word. */
function isHead(w: Word): boolean {
  return (w.flags & HEAD) !== 0;
}

/** "Velmora's Prosecutor General's Office" → "Velmora" + "Prosecutor General's Office". */
function splitPossessives(run: Run): Word[][] {
  const out: Word[][] = [];
  let piece: Word[] = [];
  for (let i = 0; i < run.length; i++) {
    const w = run[i]!;
    piece.push(w);
    // A possessive inside a name keeps only a single head word after it ("General's Office").
    const keep = i === run.length - 2 && isHead(run[i + 1]!);
    if (w.possessive && !keep) {
      out.push(piece);
      piece = [];
    }
  }
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
  // "The Tarvos Parliament", "However Novak": the opener is an ordinary word.
  if (ws[0]!.initial && ws[0]!.flags & F.STARTER) ws = ws.slice(1);
  // "The UN Security Council" mid-sentence; but "The Hague" keeps its article.
  else if (ws[0]!.text === 'The' && ws.length > 2) ws = ws.slice(1);
  // "Belvane Massacre Memorial", "Geneva Conventions": a memorial or a treaty is not a place or body.
  while (ws.length && ws[ws.length - 1]!.flags & F.NOT_END) ws = ws.slice(0, -1);
  let event = false;
  // "Second Tarvos War", "Belvane Massacre": the rest names where it happened.
  if (ws.length > 1 && ws[ws.length - 1]!.flags & F.EVENT) {
    ws = ws.slice(0, -1);
    while (ws.length && ws[0]!.flags & F.ORDINAL) ws = ws.slice(1);
    event = true;
  }
  if (!ws.length) return null;
  // "Foreign Minister Lale Demir", "Dr. Jana Novak": the name follows the last title.
  let t = -1;
  for (let i = 0; i < ws.length; i++) if (ws[i]!.flags & F.TITLE) t = i;
  if (t >= 0 && !ws.some(isHead)) {
    if (t === ws.length - 1) return null;
    if (!ws.slice(t + 1).some(isAcronym)) return candidate(text, ws.slice(t + 1), false, true);
  }
  return candidate(text, ws, event);
}

/** True for a word that may cut a run in pieces: a possessive or an acronym. */
function splitsRun(w: Word): boolean {
  return w.possessive || isAcronym(w);
}

/** Every candidate a run yields, in text order (appended to `out` when given). */
export function candidatesOf(text: string, run: Run, out: Candidate[] = []): Candidate[] {
  // Most runs are one plain word or name: no pieces to cut, so no arrays to build.
  if (!run.some(splitsRun)) {
    const c = trim(text, run);
    if (c) out.push(c);
    return out;
  }
  for (const piece of splitPossessives(run)) {
    for (const part of splitAcronyms(piece)) {
      const c = trim(text, part);
      if (c) out.push(c);
    }
  }
  return out;
}
