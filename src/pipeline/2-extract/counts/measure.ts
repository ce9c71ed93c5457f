/** Which measure a counted phrase belongs to, read from the words around it. */
import type { Measure } from '../../../domain/types.js';
import type { Token } from '../../../nlp/tokens.js';
import { posOf } from '../../../nlp/tokens.js';
import type { Cue } from './lexicon.js';
import { CLAUSE_BREAKS, NEGATORS, POST_CUES, PRE_CUES, SUBJECT_CUES } from './lexicon.js';

// Cue lists indexed by their first word, so a token is checked against a few cues, not all.
const indexes = new WeakMap<Cue[], Map<string, Cue[]>>();
function byFirstWord(list: Cue[]): Map<string, Cue[]> {
  let m = indexes.get(list);
  if (!m) {
    m = new Map();
    for (const c of list) m.set(c.words[0]!, [...(m.get(c.words[0]!) ?? []), c]);
    indexes.set(list, m);
  }
  return m;
}

/** The cue whose words start at token `k`, if any (longest first as listed). */
function cueAt(tokens: Token[], k: number, list: Cue[]): Cue | null {
  const t = tokens[k];
  if (!t) return null;
  // "mass-killed", "re-displaced": a hyphenated word ending in the cue counts.
  const first = t.lower.includes('-') ? t.lower.replace(/^[a-z]+-(?=[a-z])/, '') : t.lower;
  const candidates = byFirstWord(list).get(first);
  if (!candidates) return null;
  for (const c of candidates) {
    let ok = true;
    for (let n = 1; n < c.words.length; n++) if (tokens[k + n]?.lower !== c.words[n]) { ok = false; break; }
    if (ok) return c;
  }
  return null;
}

// "taken to hospital", "took part": taking is capture only when no such words follow.
const NOT_CAPTURE = /^(?:hospital|hospitals|part|place|care|shelter|shelters|safety|refuge|evacuation|into|over|up|off|the hospital|a hospital)$/;
function takenElsewhere(tokens: Token[], k: number): boolean {
  for (let n = k + 1; n < Math.min(tokens.length, k + 6); n++) if (NOT_CAPTURE.test(tokens[n]!.lower)) return true;
  return false;
}

// Cue lists indexed by their last word, for looking backwards.
const lastIndexes = new WeakMap<Cue[], Map<string, Cue[]>>();
function byLastWord(list: Cue[]): Map<string, Cue[]> {
  let m = lastIndexes.get(list);
  if (!m) {
    m = new Map();
    for (const c of list) {
      const w = c.words[c.words.length - 1]!;
      m.set(w, [...(m.get(w) ?? []), c]);
    }
    lastIndexes.set(list, m);
  }
  return m;
}

/** The cue whose last word is token `k`, if any. */
export function cueEndingAt(tokens: Token[], k: number, list: Cue[]): Cue | null {
  const t = tokens[k];
  if (!t) return null;
  const last = t.lower.includes('-') && list.some((c) => c.words.length === 1) ? t.lower.replace(/^[a-z]+-(?=[a-z])/, '') : t.lower;
  const candidates = [...(byLastWord(list).get(last) ?? []), ...(last !== t.lower ? byLastWord(list).get(t.lower) ?? [] : [])];
  for (const c of candidates) {
    const s = k - c.words.length + 1;
    if (s < 0) continue;
    let ok = true;
    for (let n = 0; n < c.words.length; n++) {
      const t = tokens[s + n]!;
      const w = n === 0 && t.lower.includes('-') ? t.lower.replace(/^[a-z]+-(?=[a-z])/, '') : t.lower;
      if (w !== c.words[n]) { ok = false; break; }
    }
    if (ok) return c;
  }
  return null;
}

/** True when a negating word stands within three tokens before `k` ("cannot go back"). */
function negated(tokens: Token[], k: number, floor: number): boolean {
  for (let n = k - 1; n >= Math.max(floor, k - 3); n--) if (NEGATORS.has(tokens[n]!.lower)) return true;
  return false;
}

// Words skipped between a verb and its number: "seriously injured 487", "killed a further 20".
const SKIPPABLE = /^(?:[a-z]+ly|also|a|an|another|further|additional|total|of|the|some|at|least|more|than|over|about|around|nearly|almost|up|to|as|many|estimated|mass|has|have|had|is|was|now|risen|rose|climbs?|climbed|reached|reaches|stands?|stood|jumped|increased|grew|grown|put|puts|climbing|rising|rises|above|below|exceeding|could|may|might|reach|rise|climb|hit|top|exceed|from)$/;

/** A verb or noun right before the quantity: "killed 613", "the killings of hundreds", "home to 7,000". */
export function preCue(tokens: Token[], from: number, floor: number): Measure | null {
  let k = from - 1;
  for (let steps = 0; k >= floor && steps < 4; steps++, k--) {
    // "The Refugee Office registered 1,120 households": registering at a camp or refugee office is displacement.
    if ((tokens[k]!.lower === 'registered' || tokens[k]!.lower === 'registering') && inCampContext(tokens)) return 'displaced';
    const c = cueEndingAt(tokens, k, PRE_CUES);
    if (c && (c.words[0] === 'took' || c.words[0] === 'taking') && takenElsewhere(tokens, k)) return null;
    if (c) return negated(tokens, k - c.words.length + 1, floor) ? null : c.measure;
    // "evacuated the island's 337 residents": a possessive before the number.
    if (!SKIPPABLE.test(tokens[k]!.lower) && !/^[\p{L}-]+['’]s?$/u.test(tokens[k]!.lower) && !(tokens[k]!.lower === 'its' || tokens[k]!.lower === 'their')) return null;
  }
  return null;
}

// Words that place a sentence in a camp or a refugee office, where arriving or registering is displacement.
const CAMP_WORDS = /^(?:camps?|refugee|refugees|idps?|shelters?|displacement|asylum|reception|transit)$/;
function inCampContext(tokens: Token[]): boolean {
  return tokens.some((t) => CAMP_WORDS.test(t.lower));
}

const AUX = new Set(['are', 'is', 'was', 'were', 'remain', 'remains', 'remained', 'have', 'has', 'had', 'will', 'would', 'still']);
const RELATIVE = new Set(['who', 'that', 'which', 'whom']);

/** Options for the scan after a phrase: where to stop and which tokens to step over. */
export interface PostScan {
  /** Token indices that belong to this count's own breakdown (stepped over). */
  skip: Set<number>;
  /** Token indices where other counts start (the scan stops there). */
  stops: Set<number>;
  /** True for the inner count of "150 of the 1,275 …": only its own relative clause speaks for it. */
  innerOnly: boolean;
}

/**
 * The predicate after a counted phrase: "613 civilians were killed", "150 who were taken hostage
 * are still missing" (the main predicate wins over the relative clause), "766 people (164
 * families) have been able to return".
 */
export function postCue(tokens: Token[], end: number, until: number, scan: PostScan): Measure | null {
  let relative = false;
  let seenVerb = false;
  let main = false;
  let relCue: Measure | null = null;
  for (let k = end; k < until; k++) {
    const t = tokens[k]!;
    if (scan.skip.has(k)) continue;
    if (scan.stops.has(k) && k >= end) break;
    if (CLAUSE_BREAKS.has(t.lower)) break;
    if (t.lower === '(') {
      const close = tokens.findIndex((x, n) => n > k && x.lower === ')');
      if (close > 0 && close < until) { k = close; continue; }
    }
    if (k === end && RELATIVE.has(t.lower)) { relative = true; continue; }
    if (relative && !main) {
      if (AUX.has(t.lower) && seenVerb) {
        main = true;
        if (scan.innerOnly) break;
      } else if (/ed$/.test(t.lower) || AUX.has(t.lower) || posOf(tokens, k) === 'VERB') {
        seenVerb = true;
      }
    }
    let c = cueAt(tokens, k, POST_CUES);
    if (!c && (t.lower === 'taken' || t.lower === 'took') && !takenElsewhere(tokens, k)) c = { words: [t.lower], measure: 'captured' };
    // "1,300 families have been registered by the refugee office", "1,400 people had arrived" at a camp.
    if (!c && (t.lower === 'arrived' || t.lower === 'registered') && inCampContext(tokens)) c = { words: [t.lower], measure: 'displaced' };
    if (c && !negated(tokens, k, end)) {
      if (relative && !main) { relCue ??= c.measure; seenVerb = true; k += c.words.length - 1; continue; }
      return c.measure;
    }
  }
  return relCue;
}

const LINKS = /^(?:constitute[sd]?|range[sd]?|number(?:s|ed)?|total(?:s|led|ed)?|reach(?:es|ed|ing)?|rose|rise[sn]?|rising|climb(?:s|ed|ing)?|kept|above|stand[s]?|stood|is|are|was|were|belong(?:s|ed)?|amount(?:s|ed)?|exceed(?:s|ed)?|put|estimated|at|include[sd]?)$/;

/** A noun earlier in the clause that the number restates: "refugees … constitute one million persons". */
export function subjectCue(tokens: Token[], from: number, floor: number, stops: Set<number>): Measure | null {
  let linked = false;
  for (let k = from - 1; k >= floor; k--) {
    const t = tokens[k]!;
    if (CLAUSE_BREAKS.has(t.lower) || stops.has(k)) return null;
    if (LINKS.test(t.lower)) linked = true;
    const c = cueEndingAt(tokens, k, SUBJECT_CUES);
    if (c) return linked && !negated(tokens, k - c.words.length + 1, floor) ? c.measure : null;
  }
  return null;
}
