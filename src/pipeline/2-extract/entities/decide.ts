/** The last word on each candidate: the report-wide reading of its name, known parts, known places, wink. */
import type { Span } from '../../../domain/types.js';
import { candidate } from './candidates.js';
import { COUNTRIES } from './countries.js';
import type { Candidate, Cue } from './cues.js';
import { cueFor, isDemonym, stronger } from './cues.js';
import { F, HEAD } from './flags.js';
import type { PosTagger } from './pos.js';
import type { EntityMention } from './types.js';

// "Our Ambassador in Velmora Rudi Kamp": a title, a preposition, a place, then the name.
const TITLE_BEFORE = /\b(?:Ambassador|Envoy|Consul|Representative|Minister|Governor|Mayor|Commander|Correspondent|Delegate|Bishop|Chief|Head)\s+(?:in|to|for|of|at)\s+$/;
// Between two places of one list: "Velmora, Korsk, Belvane", "Tarvos and Korsk".
const LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)$/;

/** What the report as a whole knows about its names, shared by every decision. */
export interface Knowledge {
  text: string;
  sentences: readonly Span[];
  /** The strongest reading of each name anywhere in the report. */
  doc: Map<string, Cue>;
  /** Nationality words of the report's places. */
  demonyms: ReadonlySet<string>;
  pos: PosTagger;
  /** Words the report capitalises inside sentences, where a capital means a name. */
  midSentence: ReadonlySet<string>;
}

// After a name these words start no verb, so wink is not asked: "Lale Demir of …", "Petra Valdane and …".
const NOT_VERB = new Set(['of', 'in', 'and', 'the', 'a', 'an', 'to', 'for', 'on', 'at', 'with', 'by', 'from', 'or', 'as', 'into', 'that', 'which', 'than', 'per', 'over', 'under']);

/** True when the word after offset `at` is lower-case and could be a verb ("Petra Valdane estimated"). */
function verbMayFollow(text: string, at: number): boolean {
  const m = /^ (\p{Ll}+)\b/u.exec(text.slice(at, at + 24));
  return m !== null && !NOT_VERB.has(m[1]!);
}

/** First and last words of the people named in full, so "Valdane" alone is known after "Petra Valdane". */
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
  const { text, doc, demonyms, pos } = k;
  const parts = nameParts(doc);
  const out: EntityMention[] = [];
  let last: { end: number; kind: string } | null = null;
  const emit = (c: Candidate, cue: Cue) => {
    out.push({ kind: cue.kind, text: c.text, span: { start: c.start, end: c.end }, sentence: k.sentences[c.words[0]!.sentence]! });
    last = { end: c.end, kind: cue.kind };
  };
  const known = (name: string): Cue | null => {
    const cue = doc.get(name);
    return cue && cue.strength >= 2 ? cue : COUNTRIES.has(name) ? cueFor('place', 3) : null;
  };
  const decide = (c: Candidate): void => {
    const s = c.words[0]!.sentence;
    const ws = c.words;
    // "Velmora Albanians", "Kurdish Turks": a people, not a named thing; what precedes may still be a place.
    if (ws.length > 1 && isDemonym(ws[ws.length - 1]!.text, demonyms)) return decide(candidate(text, ws.slice(0, -1)));
    let cue = stronger(doc.get(c.text), c.cue);
    // "in Velmora Rudi Kamp": a known place runs into the name after it.
    if (ws.length > 1 && (!cue || cue.strength === 1) && !known(c.text)) {
      // After "Ambassador in" even a place read once from a preposition will do.
      const titled = TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 40), c.start));
      const head = titled ? doc.get(ws[0]!.text) ?? known(ws[0]!.text) : known(ws[0]!.text);
      if (head?.kind === 'place') {
        emit(candidate(text, [ws[0]!]), head);
        const rest = candidate(text, ws.slice(1));
        if (titled) rest.cue = cueFor('person', 3);
        return decide(rest);
      }
    }
    if (ws.length === 1) {
      const t = c.text;
      // A bare "Ministry" or "General" is a word of a name, not a name.
      if (ws[0]!.flags & (HEAD | F.TITLE) || isDemonym(t, demonyms)) return;
      if (!cue && parts.has(t)) cue = cueFor('person', 2);
      // "Velmora, Korsk, Belvane": a name listed with places is a place.
      const prev: { end: number; kind: string } | null = last;
      if (!cue && prev && prev.kind === 'place' && LIST_GAP.test(text.slice(prev.end, c.start))) cue = cueFor('place', 2);
    } else if (!cue) {
      // "Commemorative Events …": an opener the report never capitalises elsewhere is an ordinary word.
      if (ws[0]!.initial && !k.midSentence.has(ws[0]!.text)) {
        const rest = candidate(text, ws.slice(1));
        if (doc.has(rest.text) || ws.length > 3) return decide(rest);
      }
      // "Petra Valdane estimated …": two proper nouns before a verb name a person; wink tells. (Three are as often
      // a body: "Displacement Tracking Matrix recorded".)
      if (ws.length === 2 && !ws.some((w) => w.caps) && verbMayFollow(text, c.end)) {
        const verb = pos.posAfter(s, c.end);
        if ((verb === 'VERB' || verb === 'AUX') && ws.every((w) => pos.posAt(s, w.start) === 'PROPN')) {
          cue = cueFor('person', 2);
          doc.set(c.text, cue);
        }
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
