/** What makes a candidate a person, an organisation or a place: its own words first, then the words around it. */
import type { EntityKind } from './types.js';
import { COUNTRIES } from './countries.js';
import {
  IRREGULAR_DEMONYMS, NOT_ACRONYMS, NOT_PLACE_BEFORE_TO, ORG_NOUNS, ORG_PAIRS, ORG_WORDS, PERSON_VERBS, PLACE_NOUNS, PLACE_OF,
  PLACE_PREPOSITIONS, PLACE_WORDS, ROLE_NOUNS,
} from './lexicon.js';
import type { Word } from './words.js';

/** A kind with how sure the rule is: 3 the name's own words, 2 a close phrase, 1 a preposition or a bare verb. */
export interface Cue {
  kind: EntityKind;
  strength: 1 | 2 | 3;
}

/** A name candidate: some words of one run, and what the rules made of it so far. */
export interface Candidate {
  words: Word[];
  start: number;
  end: number;
  text: string;
  cue: Cue | null;
  /** The candidate came from "X Massacre" / "X War": X is where it happened. */
  event?: boolean;
  /** The candidate came from the words after a title ("Ambassador Lale Demir"). */
  titled?: boolean;
}

const ROMAN = /^[IVXLCDM]+$/;
// After these an apposition describes the place, not a person: "at Sorn, my brother among them".
const AFTER_PLACE = new Set(['in', 'at', 'near', 'into', 'from']);
// Lower-case nouns after a name that make it where something happened: "the Dravik massacre".
const EVENT_NOUNS = new Set(['massacre', 'massacres', 'killings', 'genocide', 'tragedy', 'siege', 'pogrom', 'bombing', 'attack', 'offensive', 'uprising', 'earthquake', 'floods', 'shelling', 'occupation', 'evacuation']);

/** True for a short all-capitals word that reads as an acronym ("OSCE", "ICRC", "U.N."), not a numeral. */
export function isAcronym(w: Word): boolean {
  return w.caps && w.text.replace(/\./g, '').length <= 6 && !ROMAN.test(w.text) && !NOT_ACRONYMS.has(w.text);
}

// Nationality endings, longest first: "Iran-ian", "Armenia-n", "Azerbaijan-i", "Japan-ese".
const DEMONYM_SUFFIXES = ['ians', 'eans', 'ian', 'ean', 'ans', 'ese', 'ish', 'an', 'is', 'ns', 'i', 'n'];
// Answers per set of known places, since one report asks about the same words many times.
const DEMONYMS = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();

/** True when `word` is a nationality or language derived from a place ("Azerbaijani", "Armenian", "Turkish"). */
export function isDemonym(word: string, places: ReadonlySet<string>): boolean {
  let memo = DEMONYMS.get(places);
  if (!memo) DEMONYMS.set(places, memo = new Map());
  let yes = memo.get(word);
  if (yes === undefined) memo.set(word, yes = demonym(word, places));
  return yes;
}

function demonym(word: string, places: ReadonlySet<string>): boolean {
  if (IRREGULAR_DEMONYMS.has(word)) return true;
  for (const suffix of DEMONYM_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const base = word.slice(0, -suffix.length);
    // "Canad-ian" (Canada), "Ind-ian" (India), "Mexic-an" (Mexico)
    for (const p of [base, `${base}a`, `${base}ia`, `${base}o`]) if (COUNTRIES.has(p) || places.has(p)) return true;
  }
  return false;
}

/** True for "Red Cross" and the like, whose second word alone names nothing. */
function isOrgPair(a: string, b: string): boolean {
  for (const [x, y] of ORG_PAIRS) if (a === x && b === y) return true;
  return false;
}

/** Organisation when words [from, to) hold an organisation word, else place for a place word. */
function headKind(ws: readonly Word[], from: number, to: number): EntityKind | null {
  let place = false;
  for (let i = from; i < to; i++) {
    const t = ws[i]!.text;
    if (ORG_WORDS.has(t) || (i > 0 && isOrgPair(ws[i - 1]!.text, t))) return 'organisation';
    if (PLACE_WORDS.has(t)) place = true;
  }
  return place ? 'place' : null;
}

/** The kind the candidate's own words give: an organisation or place head word, a country, an acronym, a suffix. */
export function ownCue(c: Candidate): Cue | null {
  if (c.titled) return { kind: 'person', strength: 3 };
  if (COUNTRIES.has(c.text)) return { kind: 'place', strength: 3 };
  const ws = c.words;
  // The head part comes before "of"/"for": "Ministry of … of the Republic of X" is a ministry, "City Council" a council.
  let cut = ws.length;
  for (let i = 1; i < ws.length; i++) if (ws[i]!.start - ws[i - 1]!.tail > 3) { cut = i; break; }
  const head = headKind(ws, 0, cut) ?? headKind(ws, cut, ws.length);
  if (head && ws.length > 1) return { kind: head, strength: 3 };
  if (ws.length === 1 && isAcronym(ws[0]!)) return { kind: 'organisation', strength: 3 };
  // "Kazakhstan", "Jalalabad", "Kaliningrad"
  if (ws.length === 1 && /\p{Ll}(?:stan|abad|grad)$/u.test(c.text) && c.text.length >= 6) return { kind: 'place', strength: 3 };
  if (c.event) return { kind: 'place', strength: 2 };
  return null;
}

/** The word before `at` on the same line (letters only), or '' when punctuation stands between. */
function wordBefore(text: string, at: number, floor: number): { word: string; start: number } {
  let p = at;
  while (p > floor && text[p - 1] === ' ') p--;
  const end = p;
  while (p > floor && /[\p{L}\p{M}'’-]/u.test(text[p - 1]!)) p--;
  return { word: text.slice(p, end), start: p };
}

/** The kind the words around the candidate give, within its sentence `[from, to)`. */
export function contextCue(text: string, c: Candidate, from: number, to: number, places: ReadonlySet<string>): Cue | null {
  const last = c.words[c.words.length - 1]!;
  const n = c.words.length;
  const after = text.slice(c.end, Math.min(to, c.end + 48));
  const single = n === 1 ? c.text : null;
  const demonym = single !== null && isDemonym(single, places);
  const prev = wordBefore(text, c.start, from);
  const prevLower = prev.word.toLowerCase();
  // "the researcher, Thomas de Waal": a role noun, a comma, then the name.
  if (prev.word === '' && text[prev.start - 1] === ',' && n <= 4 && !demonym && ROLE_NOUNS.has(wordBefore(text, prev.start - 1, from).word)) return { kind: 'person', strength: 2 };
  // A capitalised word before the candidate only counts when it opens the sentence ("In Ambrin, …").
  const prevOk = prev.word !== '' && (prev.word === prevLower || prev.start === from);
  if (prevOk) {
    // "…,” said Lale Demir", "the historian Petra Valdis"
    if ((prevLower === 'said' || prevLower === 'says' || ROLE_NOUNS.has(prevLower)) && n <= 4 && !demonym) return { kind: 'person', strength: 2 };
    // "the capital Baku"
    if (prevLower === 'capital' && !demonym) return { kind: 'place', strength: 2 };
    // "the town of Khojaly", "the capital of Ankara"
    if (prevLower === 'of') {
      const before = wordBefore(text, prev.start, from).word;
      if (PLACE_OF.has(before) && !demonym) return { kind: 'place', strength: 2 };
    }
  }
  if (!last.possessive) {
    // "Şücayet Hüseyinova, a relative of …", "Lale Demir, the ministry's spokeswoman", "Baku, the capital", "Ilse Mardin is a journalist"
    const appo = (after[0] === ',' || after.startsWith(' is ') || after.startsWith(' was ')) && /^(?:,|\s+(?:is|was))\s+(?:(?:a|an|the|his|her|their|its|my|our)\s+)?([\p{Ll}'’-]+)(?:\s+([\p{Ll}'’-]+))?(?:\s+([\p{Ll}'’-]+))?/u.exec(after);
    if (appo && !demonym && !AFTER_PLACE.has(prevLower)) {
      for (const noun of [appo[1], appo[2], appo[3]]) {
        // "the ministry's spokeswoman": a possessive modifies the noun after it.
        if (noun === undefined || /['’]s?$/.test(noun)) continue;
        if (noun === 'whose' || noun === 'which' || noun === 'where' || noun === 'when') break;
        if (noun === 'who' && n <= 4) return { kind: 'person', strength: 2 };
        if (ROLE_NOUNS.has(noun) && n <= 4) return { kind: 'person', strength: 2 };
        if (ORG_NOUNS.has(noun)) return { kind: 'organisation', strength: 2 };
        if (PLACE_NOUNS.has(noun)) return { kind: 'place', strength: 2 };
      }
    }
    const next = /^\s+([\p{Ll}]+)\b/u.exec(after)?.[1];
    if (next !== undefined) {
      // "Mezahir Ebilov who was killed", "Petra Valdis said"
      if ((next === 'who' || PERSON_VERBS.has(next)) && !isAcronym(last) && n <= 4) return { kind: 'person', strength: n >= 2 ? 2 : 1 };
      // "the Karabakh region", "the Dravik massacre"
      if (!demonym && (PLACE_NOUNS.has(next) || EVENT_NOUNS.has(next)) && n <= 3) return { kind: 'place', strength: 2 };
    }
  }
  // "in Ambrin", "from Tessaly", but not "according to Valdis" or "in Valdis's view"
  if (prevOk && PLACE_PREPOSITIONS.has(prevLower) && !demonym && !last.possessive) {
    const before = prevLower === 'to' ? wordBefore(text, prev.start, from).word.toLowerCase() : '';
    if (!NOT_PLACE_BEFORE_TO.has(before)) return { kind: 'place', strength: 1 };
  }
  return null;
}

/** The stronger of two cues; on a tie the first stands, so the earliest reading of a name wins. */
export function stronger(a: Cue | null | undefined, b: Cue | null | undefined): Cue | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return b.strength > a.strength ? b : a;
}
