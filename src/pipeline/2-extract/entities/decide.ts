/** The last word on each candidate: the report-wide reading of its name, known parts, known places, wink. */
import type { Span } from '../../../domain/types.js';
import { candidate } from './candidates.js';
import { COUNTRIES } from './countries.js';
import type { Candidate, Cue } from './cues.js';
import { isDemonym, stronger } from './cues.js';
import { ORG_WORDS, PLACE_WORDS, TITLES } from './lexicon.js';
import type { PosTagger } from './pos.js';
import type { EntityMention } from './types.js';

// "Turkish Ambassador in Baku Cahit Bağcı": a title, a preposition, a place, then the name.
const TITLE_BEFORE = /\b(?:Ambassador|Envoy|Consul|Representative|Minister|Governor|Mayor|Commander|Correspondent|Delegate|Bishop|Chief|Head)\s+(?:in|to|for|of|at)\s+$/;
// Between two places of one list: "Khankendi, Khojaly, Lachin", "Istanbul and Ankara".
const LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)$/;

/** What the report as a whole knows about its names, shared by every decision. */
export interface Knowledge {
  text: string;
  sentences: readonly Span[];
  /** The strongest reading of each name anywhere in the report. */
  doc: Map<string, Cue>;
  places: ReadonlySet<string>;
  pos: PosTagger;
}

/** First and last words of the people named in full, so "Valdis" alone is known after "Petra Valdis". */
function nameParts(doc: Map<string, Cue>): Set<string> {
  const parts = new Set<string>();
  for (const [name, cue] of doc) {
    if (cue.kind !== 'person' || !name.includes(' ')) continue;
    const ws = name.split(' ');
    parts.add(ws[0]!);
    parts.add(ws[ws.length - 1]!);
  }
  return parts;
}

/** Decides every candidate (in text order) and returns the mentions; headline candidates keep only known names. */
export function decideAll(k: Knowledge, kept: readonly Candidate[], headline: (c: Candidate) => boolean): EntityMention[] {
  const { text, doc, places, pos } = k;
  const parts = nameParts(doc);
  const out: EntityMention[] = [];
  let last: { end: number; kind: string } | null = null;
  const emit = (c: Candidate, cue: Cue) => {
    out.push({ kind: cue.kind, text: c.text, span: { start: c.start, end: c.end }, sentence: k.sentences[c.words[0]!.sentence]! });
    last = { end: c.end, kind: cue.kind };
  };
  const known = (name: string): Cue | null => {
    const cue = doc.get(name);
    return cue && cue.strength >= 2 ? cue : COUNTRIES.has(name) ? { kind: 'place', strength: 3 } : null;
  };
  const decide = (c: Candidate): void => {
    const s = c.words[0]!.sentence;
    const ws = c.words;
    // "Azeri Turks", "Karabakh Azerbaijanis": a people, not a named thing; what precedes may still be a place.
    if (ws.length > 1 && isDemonym(ws[ws.length - 1]!.text, places)) return decide(candidate(text, ws.slice(0, -1)));
    let cue = stronger(doc.get(c.text), c.cue);
    // "in Baku Cahit Bağcı": a known place runs into the name after it.
    const head = ws.length > 1 && (!cue || cue.strength === 1) ? known(ws[0]!.text) : null;
    if (head?.kind === 'place' && !known(c.text)) {
      emit(candidate(text, [ws[0]!]), head);
      const rest = candidate(text, ws.slice(1));
      if (TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 40), c.start))) rest.cue = { kind: 'person', strength: 3 };
      return decide(rest);
    }
    if (ws.length === 1) {
      const t = c.text;
      // A bare "Ministry" or "General" is a word of a name, not a name.
      if (ORG_WORDS.has(t) || PLACE_WORDS.has(t) || TITLES.has(t) || isDemonym(t, places)) return;
      if (!cue && parts.has(t)) cue = { kind: 'person', strength: 2 };
      // "Khankendi, Khojaly, Lachin": a name listed with places is a place.
      const prev: { end: number; kind: string } | null = last;
      if (!cue && prev && prev.kind === 'place' && LIST_GAP.test(text.slice(prev.end, c.start))) cue = { kind: 'place', strength: 2 };
    } else if (!cue && ws.length <= 3 && !ws.some((w) => w.caps)) {
      // "Petra Valdis estimated …": two or three proper nouns before a verb name a person.
      const verb = pos.posAfter(s, c.end);
      if ((verb === 'VERB' || verb === 'AUX') && ws.every((w) => pos.posAt(s, w.start) === 'PROPN')) {
        cue = { kind: 'person', strength: 2 };
        doc.set(c.text, cue);
      }
    }
    if (cue) emit(c, cue);
  };
  for (const c of kept) {
    if (!headline(c)) {
      decide(c);
      continue;
    }
    // A headline's capitals prove nothing: keep only names the body has already read.
    const ws = c.words;
    for (let i = 0; i < ws.length;) {
      let len = Math.min(4, ws.length - i);
      for (; len > 0; len--) {
        const cue = known(text.slice(ws[i]!.start, ws[i + len - 1]!.end));
        if (cue) { emit(candidate(text, ws.slice(i, i + len)), cue); break; }
      }
      i += Math.max(len, 1);
    }
  }
  return out;
}
