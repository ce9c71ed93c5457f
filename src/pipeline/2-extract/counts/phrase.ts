/** The noun phrase a quantity counts: "613 [Azerbaijani civilians]", "150 [of whom]", "hundreds [of civilians]". */
import type { Measure } from '../../../domain/types.js';
import type { Token } from '../../../nlp/tokens.js';
import { isCapitalized, posOf } from '../../../nlp/tokens.js';
import { GROUP_MODIFIERS, HEAD_MEASURES, MODIFIER_MEASURES, NON_PEOPLE, PEOPLE_NOUNS, POST_CUES, PRE_CUES, STATUS_MEASURES } from './lexicon.js';

// Verbs the lexicons know, whatever a tagger thinks of them ("90 lost one").
const CUE_VERBS = new Set([...POST_CUES, ...PRE_CUES].map((c) => c.words[0]!));

/** What follows a quantity: whether it counts people, who, and in which group and unit. */
export interface NounPhrase {
  kind: 'people' | 'none' | 'things';
  /** Token index one past the phrase. */
  end: number;
  /** Token index of the head noun, when found. */
  head: number | null;
  group: string;
  unit: 'people' | 'families';
  /** Token range of the words that say who is counted. */
  subjectFrom: number;
  subjectTo: number;
  /** The measure the head noun itself names ("300 casualties") or an adjective before it ("212 wounded patients"). */
  headMeasure?: Measure;
  /** The measure a status noun suggests ("prisoners"), used when no verb says more. */
  statusMeasure?: Measure;
  /** For "150 of the 1,275 Azerbaijanis": token where the inner quantity starts. */
  partitiveInner?: number;
}

// Words that end a noun phrase before its head was found ("613 were killed").
const PHRASE_STOPS = new Set([
  'were', 'was', 'are', 'is', 'be', 'been', 'have', 'has', 'had', 'will', 'would', 'could', 'may', 'might', 'remain', 'remains',
  'in', 'on', 'at', 'by', 'from', 'with', 'without', 'into', 'for', 'to', 'who', 'that', 'which', 'whose', 'and', 'or', 'but',
  'as', 'than', 'since', 'after', 'before', 'during', 'while', 'when', 'where', 'of', 'the', 'a', 'an', 'this', 'these', 'those',
]);
const PEOPLE_SUFFIX = /(?:ers|ists|ians|ees|ants|ents|men|women|folk)$/;

/** Group and unit named by the head (and, for "elderly individuals", its modifiers). */
function groupOf(tokens: Token[], from: number, head: number): { group: string; unit: 'people' | 'families' } {
  const w = tokens[head]!.lower;
  const unit = w === 'families' || w === 'family' || w === 'households' ? 'families' : 'people';
  let group = PEOPLE_NOUNS.get(w) ?? 'all';
  if (group === 'all') {
    for (let k = from; k < head; k++) {
      const g = GROUP_MODIFIERS.get(tokens[k]!.lower);
      if (g) group = g;
    }
  }
  return { group, unit };
}

/** True when token `k` can be the head of a counted people phrase. */
function isPeopleHead(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (PEOPLE_NOUNS.has(t.lower)) return true;
  // Demonyms and other capitalised plurals: "1,275 Azerbaijanis", "150 Azerbaijan Turks".
  if (isCapitalized(t) && /[a-z]s$/.test(t.text) && t.text.length > 3 && !NON_PEOPLE.has(t.lower)) {
    const next = tokens[k + 1];
    return !(next && PEOPLE_NOUNS.has(next.lower));
  }
  return PEOPLE_SUFFIX.test(t.lower) && !NON_PEOPLE.has(t.lower) && !isCapitalized(t) && posOf(tokens, k) === 'NOUN';
}

/** Extends a head over "women and children", "brothers and sisters": the last head index and joined group. */
function joinHeads(tokens: Token[], from: number, head: number): { last: number; group: string } {
  let { group } = groupOf(tokens, from, head);
  let last = head;
  for (;;) {
    const c = tokens[last + 1]?.lower;
    if (c !== 'and' && c !== 'or' && c !== '&') break;
    let k = last + 2;
    if (tokens[k] && GROUP_MODIFIERS.has(tokens[k]!.lower) && tokens[k + 1] && PEOPLE_NOUNS.has(tokens[k + 1]!.lower)) k++;
    if (!tokens[k] || !PEOPLE_NOUNS.has(tokens[k]!.lower) || tokens[k]!.lower === 'others' || tokens[k]!.lower === 'more') break;
    // "killed 42 people and injured 96": a verb, not a second noun.
    // ("boys at Srebrenica" is a place: "at" opens a hedge only as "at least" or "at most".)
    const after = tokens[k + 1];
    if (after && (/^\d|^(?:some|about|more|over|nearly|dozens|hundreds|thousands)$/i.test(after.text) || (after.lower === 'at' && /^(?:least|most)$/.test(tokens[k + 2]?.lower ?? '')))) break;
    const g = groupOf(tokens, last + 2, k).group;
    if (g !== 'all' && group !== 'all' && !group.split('+').includes(g)) group = `${group}+${g}`;
    else if (group === 'all' && g !== 'all') group = g;
    last = k;
  }
  return { last, group };
}

/** Reads the phrase after a quantity that ends at token `after` (vague quantities take "of"). */
export function readNounPhrase(tokens: Token[], after: number, vague: boolean): NounPhrase {
  let j = after;
  const none: NounPhrase = { kind: 'none', end: after, head: null, group: 'all', unit: 'people', subjectFrom: after, subjectTo: after };
  if (tokens[j]?.lower === 'of') {
    const k = j + 1;
    const w = tokens[k]?.lower;
    if (w === 'whom' || w === 'them' || w === 'those' || w === 'these' || w === 'us') {
      return { kind: 'people', end: k + 1, head: k, group: 'all', unit: 'people', subjectFrom: j, subjectTo: k + 1 };
    }
    if (!vague) {
      // "150 of the 1,275 Azerbaijanis": the caller resolves the inner quantity.
      let d = k;
      if (w === 'the' || w === 'our' || w === 'their') d++;
      if (tokens[d] && /^\d|^(?:hundreds|thousands|dozens)$/i.test(tokens[d]!.text)) {
        return { ...none, kind: 'people', partitiveInner: d };
      }
      if (w === 'the' || w === 'our' || w === 'their') j = k + 1;
      else return none;
    } else {
      j = k;
    }
  }
  // 480,000 “excess deaths”: a quoted noun.
  if (tokens[j] && /^["“‘']$/.test(tokens[j]!.text) && tokens[j]!.start === (tokens[j - 1]?.end ?? -1) + 1) j++;
  const from = j;
  for (let k = j; k < Math.min(tokens.length, j + 5); k++) {
    const t = tokens[k]!;
    // "11 confirmed deaths", "two aid workers", "3 security force members": a modifier before a people noun.
    const ahead = tokens[k + 1] && PEOPLE_NOUNS.has(tokens[k + 1]!.lower) ? 1 : tokens[k + 2] && PEOPLE_NOUNS.has(tokens[k + 2]!.lower) && /^[a-z]+$/.test(tokens[k + 1]!.text) ? 2 : 0;
    if (ahead && /^[a-z][a-z-]+$/.test(t.text) && !PHRASE_STOPS.has(t.lower) && !CUE_VERBS.has(t.lower) && !NON_PEOPLE.has(t.lower) && !PEOPLE_NOUNS.has(t.lower) && !/^(?:others?|more|were|and|or)$/.test(tokens[k + 1]!.lower) && !(ahead === 2 && (PHRASE_STOPS.has(tokens[k + 1]!.lower) || CUE_VERBS.has(tokens[k + 1]!.lower)))) continue;
    if (isPeopleHead(tokens, k) && tokens[k + 1] && PEOPLE_NOUNS.has(tokens[k + 1]!.lower) && !GROUP_MODIFIERS.has(tokens[k + 1]!.lower)) {
      continue; // "civilian casualties", "elderly people", "family members": the later noun is the head
    }
    if (isPeopleHead(tokens, k)) {
      const { last, group } = joinHeads(tokens, from, k);
      const { unit } = groupOf(tokens, from, k);
      let headMeasure = HEAD_MEASURES.get(t.lower);
      for (let m = from; m < k && !headMeasure; m++) headMeasure = MODIFIER_MEASURES.get(tokens[m]!.lower);
      const statusMeasure = STATUS_MEASURES.get(t.lower);
      return { kind: 'people', end: last + 1, head: k, group, unit, subjectFrom: from, subjectTo: last + 1, headMeasure, statusMeasure };
    }
    if (NON_PEOPLE.has(t.lower)) return { ...none, kind: 'things', end: k + 1 };
    if (t.lower === 'elderly' && !(tokens[k + 1] && (PEOPLE_NOUNS.has(tokens[k + 1]!.lower)))) {
      return { kind: 'people', end: k + 1, head: k, group: 'elderly', unit: 'people', subjectFrom: from, subjectTo: k + 1 };
    }
    // "130 male and 51 female": the adjective stands for its noun.
    if ((t.lower === 'male' || t.lower === 'female') && !(tokens[k + 1] && (PEOPLE_NOUNS.has(tokens[k + 1]!.lower) || isCapitalized(tokens[k + 1])))) {
      return { kind: 'people', end: k + 1, head: k, group: t.lower === 'male' ? 'men' : 'women', unit: 'people', subjectFrom: from, subjectTo: k + 1 };
    }
    // "four badly mutilated corpses": an adverb of manner before the adjective it modifies.
    if (/^[a-z]{3,}ly$/.test(t.lower) && t.lower !== 'only' && t.lower !== 'early' && tokens[k + 1]) {
      const w = tokens[k + 1]!.lower;
      if (/^[a-z]+(?:ed|en)$/.test(w) && (!CUE_VERBS.has(w) || PEOPLE_NOUNS.has(tokens[k + 2]?.lower ?? ''))) { k++; continue; }
      // "30 severely wounded people": the adverb is skipped, the adjective names the measure.
      if (MODIFIER_MEASURES.has(w) && tokens[k + 2] && PEOPLE_NOUNS.has(tokens[k + 2]!.lower)) continue;
    }
    if (PHRASE_STOPS.has(t.lower) || /^[^\p{L}\p{N}]$/u.test(t.text)) return none;
    if (/^\d/.test(t.text)) return none;
    if (CUE_VERBS.has(t.lower) && !(MODIFIER_MEASURES.has(t.lower) && tokens[k + 1] && PEOPLE_NOUNS.has(tokens[k + 1]!.lower))) return none;
    if (isCapitalized(t) || GROUP_MODIFIERS.has(t.lower) || MODIFIER_MEASURES.has(t.lower)) continue;
    const pos = posOf(tokens, k);
    if (pos === 'VERB' || pos === 'AUX' || pos === 'ADP' || pos === 'ADV') return none;
    if (pos === 'NOUN') return { ...none, kind: 'things', end: k + 1 };
  }
  return none;
}
