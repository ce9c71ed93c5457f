/** What makes a candidate a person, an organisation or a place: its own words first, then the words around it. */
import { isWordChar, lowerWordEnd } from './chars.js';
import { F } from './flags.js';
import type { EntityKind } from './types.js';
import { COUNTRIES } from './countries.js';
import {
  IRREGULAR_DEMONYMS, NOT_ACRONYMS, NOT_PLACE_BEFORE_TO, ORG_NOUNS, ORG_PAIRS, PERSON_VERBS, PLACE_NOUNS, PLACE_OF,
  PLACE_PREPOSITIONS, ROLE_NOUNS,
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
  event: boolean;
  /** The candidate came from the words after a title ("Ambassador Lale Demir"). */
  titled: boolean;
}

// One frozen object per reading: cues are compared, never changed, so they are shared rather than allocated.
const CUES: Record<string, Cue> = {};
for (const kind of ['person', 'organisation', 'place'] as const) for (const strength of [1, 2, 3] as const) CUES[`${kind}${strength}`] = Object.freeze({ kind, strength });

/** The shared cue for a kind and strength. */
export function cueFor(kind: EntityKind, strength: 1 | 2 | 3): Cue {
  return CUES[`${kind}${strength}`]!;
}

const ROMAN = /^[IVXLCDM]+$/;
// After these an apposition describes the place, not a person: "at Korsk, my brother among them".
const AFTER_PLACE = new Set(['in', 'at', 'near', 'into', 'from']);
// Lower-case nouns after a name that make it where something happened: "the Belvane massacre".
const EVENT_NOUNS = new Set(['massacre', 'massacres', 'killings', 'genocide', 'tragedy', 'siege', 'pogrom', 'bombing', 'attack', 'offensive', 'uprising', 'earthquake', 'floods', 'shelling', 'occupation', 'evacuation']);

/** True for a short all-capitals word that reads as an acronym ("OSCE", "ICRC", "U.N."), not a numeral. */
export function isAcronym(w: Word): boolean {
  return w.caps && w.text.replace(/\./g, '').length <= 6 && !ROMAN.test(w.text) && !NOT_ACRONYMS.has(w.text);
}

/** The nationality words a place name makes: "Albania" → "Albanian(s)", "Iran" → "Iranian", "China" → "Chinese". */
export function demonymsOf(place: string): string[] {
  const stem = place.slice(0, -1);
  return [
    `${place}i`, `${place}is`, `${place}n`, `${place}ns`, `${place}ian`, `${place}ians`, `${place}ese`,
    // "Canad-ian", "Ind-ian", "Chin-ese", "Mexic-an"
    `${stem}ian`, `${stem}ians`, `${stem}ese`, `${stem}an`, `${stem}ans`,
  ];
}

// Nationality words of every listed country, made once.
const COUNTRY_DEMONYMS: ReadonlySet<string> = new Set([...COUNTRIES].flatMap(demonymsOf));

/** True when `word` is a nationality or language ("Pakistani", "Albanian", "Turkish"); `demonyms` holds those of the report's own places. */
export function isDemonym(word: string, demonyms: ReadonlySet<string>): boolean {
  return IRREGULAR_DEMONYMS.has(word) || COUNTRY_DEMONYMS.has(word) || demonyms.has(word);
}

/** Adds to `bases` the place names `word` could be the nationality word of ("Velmorian" → "Velmor", "Velmora"). */
export function addDemonymBases(word: string, bases: Set<string>): void {
  const n = word.length;
  const last = word[n - 1];
  // Only words ending in -i, -s, -e or -n can be nationality words; most capitalised words stop here.
  if (n < 5 || (last !== 'i' && last !== 's' && last !== 'e' && last !== 'n')) return;
  const plural = last === 's' ? 1 : 0;
  const w = plural ? word.slice(0, -1) : word;
  if (w.endsWith('i')) bases.add(w.slice(0, -1));
  else if (w.endsWith('ese')) { bases.add(w.slice(0, -3)); bases.add(`${w.slice(0, -3)}a`); }
  else if (w.endsWith('ian')) { bases.add(w.slice(0, -3)); bases.add(`${w.slice(0, -3)}a`); }
  else if (w.endsWith('an')) bases.add(`${w.slice(0, -2)}o`);
  if (w.endsWith('n') && /[ao]n$/.test(w)) bases.add(w.slice(0, -1));
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
    if (ws[i]!.flags & F.ORG || (i > 0 && isOrgPair(ws[i - 1]!.text, t))) return 'organisation';
    if (ws[i]!.flags & F.PLACE) place = true;
  }
  return place ? 'place' : null;
}

/** The kind the candidate's own words give: an organisation or place head word, a country, an acronym, a suffix. */
export function ownCue(c: Candidate): Cue | null {
  if (c.titled) return cueFor('person', 3);
  if (COUNTRIES.has(c.text)) return cueFor('place', 3);
  const ws = c.words;
  // The head part comes before "of"/"for": "Ministry of … of the Republic of X" is a ministry, "City Council" a council.
  let cut = ws.length;
  for (let i = 1; i < ws.length; i++) if (ws[i]!.start - ws[i - 1]!.tail > 3) { cut = i; break; }
  const head = headKind(ws, 0, cut) ?? headKind(ws, cut, ws.length);
  if (head && ws.length > 1) return cueFor(head, 3);
  if (ws.length === 1 && isAcronym(ws[0]!)) return cueFor('organisation', 3);
  // "Kazakhstan", "Jalalabad", "Kaliningrad"
  if (ws.length === 1 && /\p{Ll}(?:stan|abad|grad)$/u.test(c.text) && c.text.length >= 6) return cueFor('place', 3);
  if (c.event) return cueFor('place', 2);
  return null;
}

/** Start of the word that ends at `at` (after spaces), or `at` itself when punctuation stands between. */
function wordStart(text: string, at: number, floor: number): number {
  let p = at;
  while (p > floor && (isWordChar(text, p - 1) || text[p - 1] === "'" || text[p - 1] === '’' || text[p - 1] === '-')) p--;
  return p;
}

/** End of the text before `at` once spaces are skipped. */
function skipSpaces(text: string, at: number, floor: number): number {
  let p = at;
  while (p > floor && text[p - 1] === ' ') p--;
  return p;
}

/** The lower-cased word before `at` on the same line, or '' when punctuation stands between. */
function lowerBefore(text: string, at: number, floor: number): string {
  const end = skipSpaces(text, at, floor);
  return text.slice(wordStart(text, end, floor), end).toLowerCase();
}

/** The kind the words around the candidate give, within its sentence `[from, to)`; `demonyms` of the report's places. */
export function contextCue(text: string, c: Candidate, from: number, to: number, demonyms: ReadonlySet<string>): Cue | null {
  const last = c.words[c.words.length - 1]!;
  const n = c.words.length;
  const limit = Math.min(to, c.end + 48);
  // Only ", …", " is …" and " was …" need the text after the name as a string.
  const appositive = text[c.end] === ',' || text.startsWith(' is ', c.end) || text.startsWith(' was ', c.end);
  const after = appositive ? text.slice(c.end, limit) : '';
  const single = n === 1 ? c.text : null;
  const demonym = single !== null && isDemonym(single, demonyms);
  const prevEnd = skipSpaces(text, c.start, from);
  const prevStart = wordStart(text, prevEnd, from);
  const prevWord = text.slice(prevStart, prevEnd);
  const prevLower = prevWord.toLowerCase();
  // "the researcher, Anton de Vries": a role noun, a comma, then the name.
  if (prevWord === '' && text[prevEnd - 1] === ',' && n <= 4 && !demonym && ROLE_NOUNS.has(lowerBefore(text, prevEnd - 1, from))) return cueFor('person', 2);
  // A capitalised word before the candidate only counts when it opens the sentence ("In Velmora, …").
  const prevOk = prevWord !== '' && (prevWord === prevLower || prevStart === from);
  if (prevOk) {
    // "…,” said Lale Demir", "the historian Petra Valdane"
    if ((prevLower === 'said' || prevLower === 'says' || ROLE_NOUNS.has(prevLower)) && n <= 4 && !demonym) return cueFor('person', 2);
    // "the capital Tarvos"
    if (prevLower === 'capital' && !demonym) return cueFor('place', 2);
    // "the town of Belvane", "the capital of Tarvos"
    if (prevLower === 'of') {
      const before = lowerBefore(text, prevStart, from);
      if (PLACE_OF.has(before) && !demonym) return cueFor('place', 2);
    }
  }
  if (!last.possessive) {
    // "Şenol Yılmazoğlu, a relative of …", "Lale Demir, the ministry's spokeswoman", "Tarvos, the capital", "Ilse Marek is a journalist"
    const appo = appositive && /^(?:,|\s+(?:is|was))\s+(?:(?:a|an|the|his|her|their|its|my|our)\s+)?([\p{Ll}'’-]+)(?:\s+([\p{Ll}'’-]+))?(?:\s+([\p{Ll}'’-]+))?/u.exec(after);
    if (appo && !demonym && !AFTER_PLACE.has(prevLower)) {
      for (const noun of [appo[1], appo[2], appo[3]]) {
        // "the ministry's spokeswoman": a possessive modifies the noun after it.
        if (noun === undefined || /['’]s?$/.test(noun)) continue;
        if (noun === 'whose' || noun === 'which' || noun === 'where' || noun === 'when') break;
        if (noun === 'who' && n <= 4) return cueFor('person', 2);
        if (ROLE_NOUNS.has(noun) && n <= 4) return cueFor('person', 2);
        if (ORG_NOUNS.has(noun)) return cueFor('organisation', 2);
        if (PLACE_NOUNS.has(noun)) return cueFor('place', 2);
      }
    }
    const e = text[c.end] === ' ' ? lowerWordEnd(text, c.end + 1, limit) : 0;
    const next = e > c.end + 1 && !isWordChar(text, e) ? text.slice(c.end + 1, e) : undefined;
    if (next !== undefined) {
      // "Tomas Erdély who was killed", "Petra Valdane said"
      if ((next === 'who' || PERSON_VERBS.has(next)) && !isAcronym(last) && n <= 4) return cueFor('person', n >= 2 ? 2 : 1);
      // "the Korsk region", "the Belvane massacre"
      if (!demonym && (PLACE_NOUNS.has(next) || EVENT_NOUNS.has(next)) && n <= 3) return cueFor('place', 2);
    }
  }
  // "in Velmora", "from Korsk", but not "according to Valdane" or "in Valdane's view"
  if (prevOk && PLACE_PREPOSITIONS.has(prevLower) && !demonym && !last.possessive) {
    const before = prevLower === 'to' ? lowerBefore(text, prevStart, from) : '';
    if (!NOT_PLACE_BEFORE_TO.has(before)) return cueFor('place', 1);
  }
  return null;
}

/** The stronger of two cues; on a tie the first stands, so the earliest reading of a name wins. */
export function stronger(a: Cue | null | undefined, b: Cue | null | undefined): Cue | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return b.strength > a.strength ? b : a;
}
