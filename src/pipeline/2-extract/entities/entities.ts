/** People, organisations and places named in a report, each mention with its exact span. */
import type { Span } from '../../../domain/types.js';
import { splitSentences } from '../../../nlp/sentences.js';
import { candidatesOf } from './candidates.js';
import type { Candidate } from './cues.js';
import { addDemonymBases, contextCue, cueFor, demonymsOf, isAcronym, isDemonym, ownCue, stronger } from './cues.js';
import { decideAll } from './decide.js';
import { PosTagger } from './pos.js';
import { buildRuns } from './runs.js';
import { sentenceShapes } from './shape.js';
import type { EntityMention } from './types.js';
import { capitalisedWords } from './words.js';

/** Options for `findEntities`. */
export interface EntityOptions {
  /** Sentence spans of the text, when the caller has them already. */
  sentences?: readonly Span[];
  /** Where the body ends (back matter after it is not read). */
  end?: number;
  /** Characters wink-nlp may tag when the rules cannot decide; default a twentieth of the body (at least 300), 0: none. */
  posBudget?: number;
}

/** The candidate before `i` that an acronym at `i` abbreviates ("Eastern Relief Agency (ERA)"), matched by first letter. */
function expansion(text: string, kept: readonly Candidate[], i: number): Candidate | null {
  const c = kept[i]!;
  if (c.words.length !== 1 || !isAcronym(c.words[0]!) || text[c.start - 1] !== '(') return null;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const p = kept[j]!;
    // "Organization for Security and Co-operation in Europe (OSCE)": skip "Europe", take "Organization …".
    if (c.start - p.end > 80 || /[.;:()]/.test(text.slice(p.end, c.start - 1))) return null;
    if (p.text[0] === c.text[0]) return p;
  }
  return null;
}

/** Finds every person, organisation and place mention in `text` (up to `end`), in text order. */
export function findEntities(text: string, options: EntityOptions = {}): EntityMention[] {
  const end = options.end ?? text.length;
  const sentences = options.sentences ?? splitSentences(text, 0, end);
  const words = capitalisedWords(text, sentences, end);
  // Words capitalised inside sentences (there a capital means a name), and the places the report's
  // nationality words point to ("Velmorian" → "Velmora").
  const midSentence = new Set<string>();
  const seen = new Set<string>();
  const bases = new Set<string>();
  for (const w of words) {
    if (!w.initial) midSentence.add(w.text);
    if (!seen.has(w.text)) { seen.add(w.text); addDemonymBases(w.text, bases); }
  }
  const shapes = sentenceShapes(text, sentences, words);
  // A floor of one or two sentences lets short texts be tagged at all; the twentieth bounds long ones.
  const pos = new PosTagger(text, sentences, options.posBudget ?? Math.max(300, Math.round(end / 20)));
  const headline = (c: Candidate) => shapes.headline[c.words[0]!.sentence] === 1;

  // Pass 1: each candidate's own words ("Ministry", a country, an acronym, "-stan").
  const kept: Candidate[] = [];
  const places = new Set<string>();
  const demonyms = new Set<string>();
  const found: Candidate[] = [];
  for (const run of buildRuns(text, words)) candidatesOf(text, run, found);
  // Per sentence, once: 1 when it holds a lower-case letter, 2 when it does not.
  const hasLower = new Uint8Array(sentences.length);
  for (const c of found) {
    const s = c.words[0]!.sentence;
    if (shapes.caps[s]) continue;
    // "1. EVENT": a heading in capitals, not an acronym.
    if (c.words.length === 1 && isAcronym(c.words[0]!)) {
      if (!hasLower[s]) hasLower[s] = /\p{Ll}/u.test(text.slice(sentences[s]!.start, sentences[s]!.end)) ? 1 : 2;
      if (hasLower[s] === 2) continue;
    }
    c.cue = ownCue(c);
    if (!c.cue && c.words.length === 1 && bases.has(c.text)) c.cue = cueFor('place', 2);
    // A capitalised opener is a name only if the report capitalises it elsewhere too.
    if (c.words.length === 1 && c.words[0]!.initial && !c.cue && !c.titled && !midSentence.has(c.text)) continue;
    if (c.cue?.kind === 'place' && !places.has(c.text)) {
      places.add(c.text);
      for (const d of demonymsOf(c.text)) demonyms.add(d);
    }
    kept.push(c);
  }
  // Pass 2: the words around each mention; the strongest reading of a name holds for the whole report.
  const doc = new Map<string, NonNullable<Candidate['cue']>>();
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]!;
    const s = c.words[0]!.sentence;
    if (headline(c) || c.words.length === 1 && isDemonym(c.text, demonyms)) continue;
    const { start, end: to } = sentences[s]!;
    // The name's own words are the strongest reading; only weaker ones need the words around it.
    if (c.cue?.strength !== 3) c.cue = stronger(c.cue, contextCue(text, c, start, to, demonyms));
    const full = expansion(text, kept, i);
    if (full?.cue) c.cue = cueFor(full.cue.kind, 3);
    if (c.cue) doc.set(c.text, stronger(doc.get(c.text), c.cue)!);
  }
  // Pass 3: names no rule decided: parts of known names, a known place before a name, lists, then wink.
  const out = decideAll({ text, sentences, doc, demonyms, pos, midSentence }, kept, headline);
  return out.sort((a, b) => a.span.start - b.span.start);
}
