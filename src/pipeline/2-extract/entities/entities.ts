/** People, organisations and places named in a report, each mention with its exact span. */
import type { Span } from '../../../domain/types.js';
import { splitSentences } from '../../../nlp/sentences.js';
import { candidate, candidatesOf } from './candidates.js';
import type { Candidate } from './cues.js';
import { contextCue, isAcronym, isDemonym, ownCue, stronger } from './cues.js';
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
  /** Characters wink-nlp may tag when the rules cannot decide; default a twentieth of the body, 0 turns tagging off. */
  posBudget?: number;
}

// Endings a name takes in its nationality word ("Dravik" → "Dravikian"): a name with one is a place.
const DEMONYM_ENDINGS = ['i', 'is', 'ian', 'ians', 'ese'];

/** True when the document uses a nationality word made from `name`. */
function hasDemonym(name: string, capitals: ReadonlySet<string>): boolean {
  if (DEMONYM_ENDINGS.some((e) => capitals.has(name + e))) return true;
  return /[ao]$/.test(name) && (capitals.has(`${name}n`) || capitals.has(`${name}ns`) || capitals.has(`${name.slice(0, -1)}ian`));
}

/** The candidate before `i` that an acronym at `i` abbreviates ("Ihlas News Agency (IHA)"), matched by first letter. */
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
  const capitals = new Set(words.map((w) => w.text));
  const midSentence = new Set(words.filter((w) => !w.initial).map((w) => w.text));
  const shapes = sentenceShapes(text, sentences, words);
  const pos = new PosTagger(text, sentences, options.posBudget ?? Math.round(end / 20));
  const sentenceOf = (c: Candidate) => c.words[0]!.sentence;
  const headline = (c: Candidate) => shapes.headline[sentenceOf(c)] === 1;

  // Pass 1: each candidate's own words ("Ministry", a country, an acronym, "-stan").
  const kept: Candidate[] = [];
  const places = new Set<string>();
  for (const run of buildRuns(text, words)) {
    for (const c of candidatesOf(text, run)) {
      const sp = sentences[sentenceOf(c)]!;
      if (shapes.caps[sentenceOf(c)]) continue;
      // "1. EVENT": a heading in capitals, not an acronym.
      if (c.words.length === 1 && isAcronym(c.words[0]!) && !/\p{Ll}/u.test(text.slice(sp.start, sp.end))) continue;
      c.cue = ownCue(c);
      if (!c.cue && c.words.length === 1 && hasDemonym(c.text, capitals)) c.cue = { kind: 'place', strength: 2 };
      // A capitalised opener is a name only if the report capitalises it elsewhere too.
      if (c.words.length === 1 && c.words[0]!.initial && !c.cue && !c.titled && !midSentence.has(c.text)) continue;
      if (c.cue?.kind === 'place') places.add(c.text);
      kept.push(c);
    }
  }
  // Pass 2: the words around each mention; the strongest reading of a name holds for the whole report.
  const doc = new Map<string, NonNullable<Candidate['cue']>>();
  for (let i = 0; i < kept.length; i++) {
    let c = kept[i]!;
    const s = sentenceOf(c);
    if (headline(c) || c.words.length === 1 && isDemonym(c.text, places)) continue;
    const { start, end: to } = sentences[s]!;
    c.cue = stronger(c.cue, contextCue(text, c, start, to, places));
    const first = c.words[0]!;
    // "Residents Council member …": when nothing else decides, wink says whether the opener is a proper noun.
    if (!c.cue && first.initial && c.words.length > 1 && !midSentence.has(first.text)) {
      const tag = pos.posAt(s, first.start);
      if (tag !== undefined && tag !== 'PROPN') {
        c = kept[i] = candidate(text, c.words.slice(1));
        c.cue = stronger(ownCue(c), contextCue(text, c, start, to, places));
      }
    }
    const full = expansion(text, kept, i);
    if (full?.cue) c.cue = { kind: full.cue.kind, strength: 3 };
    if (c.cue) doc.set(c.text, stronger(doc.get(c.text), c.cue)!);
  }
  // Pass 3: names no rule decided: parts of known names, a known place before a name, lists, then wink.
  const out = decideAll({ text, sentences, doc, places, pos }, kept, headline);
  return out.sort((a, b) => a.span.start - b.span.start);
}
