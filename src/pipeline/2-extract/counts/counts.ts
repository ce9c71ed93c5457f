/** Finds every count of people in a sentence: its bounds, group, unit, subject and measure. */
import type { Count, Measure } from '../../../domain/types.js';
import type { Token } from '../../../nlp/tokens.js';
import { isCapitalized } from '../../../nlp/tokens.js';
import { isNumberWord } from '../../../nlp/numbers.js';
import type { Quantity } from './quantity.js';
import { readQuantity } from './quantity.js';
import type { NounPhrase } from './phrase.js';
import { readNounPhrase } from './phrase.js';
import { cueEndingAt, postCue, preCue, subjectCue } from './measure.js';
import type { LineLabel } from './label.js';
import { zeroCounts } from './zero.js';
import { BREAKDOWN_OPENERS, CLAUSE_BREAKS, NON_PEOPLE, PEOPLE_NOUNS, REFERENCE_WORDS, SUBJECT_CUES } from './lexicon.js';

/** A count found in one sentence, before attribution: its `partOf` indexes this sentence's list. */
export type SentenceCount = Omit<Count, 'attribution' | 'quote' | 'sentence'>;

interface Candidate {
  q: Quantity;
  np: NounPhrase;
  /** Token one past the whole phrase (for partitives, the inner phrase's end). */
  end: number;
  host?: number;
  inner?: number;
  outer?: number;
  /** "14 children lost both parents, and 57 lost one": the count listed just before, same kind. */
  sibling?: number;
  /** "150 of whom remain missing": a part whose own predicate speaks before its host's. */
  ownFirst?: boolean;
  /** A part listed after its host's predicate ("57 were killed — 30 men, …"): its own predicate, if any, wins. */
  late?: boolean;
  measure?: Measure | null;
  /** True when the noun phrase was borrowed from the sibling before ("12 dead, hundreds still missing"). */
  borrowed?: boolean;
}

// Words after a labelled value that qualify it rather than name what it counts ("36 direct", "1,029 total").
const TALLY_WORDS = /^(?:total|direct|indirect|confirmed|reported|official|estimated|overall|combined|known|recorded|people)$/;

const STARTS = /^(?:\d|hundreds$|thousands$|dozens$|scores$|millions$|tens$|several$)/;

/** True when the quantity is a year, a reference number or otherwise not a count of anything. */
function isExcluded(tokens: Token[], q: Quantity): boolean {
  const first = tokens[q.numFrom]!;
  let p = q.numFrom - 1;
  if (p >= 0 && (tokens[p]!.lower === '.' || tokens[p]!.lower === ':')) p--;
  if (p >= 0 && REFERENCE_WORDS.has(tokens[p]!.lower)) return true;
  const next = tokens[q.to];
  if (next && (next.lower === '%' || next.lower === 'per' || next.lower === 'percent' || /^-?year/.test(next.lower))) return true;
  if (next && (next.lower === ':' || next.lower === '/') && /^\d/.test(tokens[q.to + 1]?.text ?? '')) return true; // times, fractions
  if (tokens[q.numFrom - 1]?.lower === '/' || tokens[q.numFrom - 1]?.lower === '^' || tokens[q.numFrom - 1]?.lower === '[') return true;
  // "Ada Lim, 41, and Joe Park, 29, were killed": a number set off by commas after a name is an age.
  if (tokens[q.from - 1]?.lower === ',' && q.from === q.numFrom && q.to === q.numFrom + 1 && /^\d{1,3}$/.test(first.text) && q.value < 120 && /^[,)]$/.test(next?.lower ?? '') && isCapitalized(tokens[q.from - 2])) return true;
  // "90,000 fewer deaths", "2,000 more deaths than in 2003": a difference between figures.
  if (next && (next.lower === 'fewer' || next.lower === 'less' || (next.lower === 'more' && tokens.slice(q.to + 1, q.to + 5).some((t) => t.lower === 'than')))) return true;
  // "one of the worst atrocities", "lost one": "one" is a count only when it names a person.
  if (first.lower === 'one' && q.to === q.numFrom + 1 && !PEOPLE_NOUNS.has(tokens[q.to]?.lower ?? '')) return true;
  return false;
}

/** Reads the quantities of a sentence, skipping tokens inside date mentions. */
function findCandidates(tokens: Token[], text: string, inDate: (t: Token) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (inDate(t)) continue;
    const first = t.lower;
    if (!STARTS.test(first) && !isNumberWord(first) && !/^[a-z]+-[a-z]+$/.test(first) && !(first === 'a' && isNumberWord(tokens[i + 1]?.lower ?? ''))) continue;
    const q = readQuantity(tokens, i, text);
    if (!q) continue;
    if (tokens.slice(q.numFrom, q.to).some(inDate) || isExcluded(tokens, q)) { i = q.to - 1; continue; }
    // A bare four-digit year-like number is a count only before a people noun.
    const bareYear = q.to === q.numFrom + 1 && /^\d{4}$/.test(t.text) && q.value >= 1000 && q.value <= 2100;
    const np = readNounPhrase(tokens, q.to, q.vague);
    if (bareYear && np.kind !== 'people') { i = q.to - 1; continue; }
    out.push({ q, np, end: np.end });
    i = q.to - 1;
  }
  return out;
}

/** Links partitives ("150 of the 1,275 …") and breakdowns ("613 …, including 106 women, 63 children"). */
function relate(tokens: Token[], cands: Candidate[]): void {
  const byStart = new Map(cands.map((c, n) => [c.q.numFrom, n] as const));
  for (const [n, c] of cands.entries()) {
    if (c.np.partitiveInner === undefined) continue;
    const inner = byStart.get(c.np.partitiveInner);
    if (inner === undefined) continue;
    c.inner = inner;
    cands[inner]!.outer = n;
    c.end = cands[inner]!.end;
    c.np = { ...cands[inner]!.np, subjectFrom: c.np.subjectFrom, partitiveInner: c.np.partitiveInner };
  }
  for (let n = 0; n < cands.length; n++) {
    const host = cands[n]!;
    if (host.outer !== undefined || host.np.kind === 'things') continue;
    // "killed over the two days, among them 22 women": a number of things is no count to stop at.
    let after = n + 1;
    while (after < cands.length && cands[after]!.np.kind === 'things') after++;
    const { k, late } = listStart(tokens, host.end, after < cands.length ? cands[after]!.q.from : tokens.length);
    if (k < 0) continue;
    claimList(tokens, cands, n, k, late, after);
  }
  // "nineteen women and eleven children", "14 children lost both parents, and 57 lost one"
  for (let n = 1; n < cands.length; n++) {
    const c = cands[n]!;
    const prev = cands[n - 1]!;
    if (c.host !== undefined || c.outer !== undefined || prev.outer !== undefined) continue;
    let k = prev.end;
    while (k < c.q.from && /^(?:,|and|or)$/.test(tokens[k]!.lower)) k++;
    if (k === c.q.from && k > prev.end) c.sibling = n - 1;
    else if (c.np.kind === 'none' && prev.np.kind === 'people') {
      // "…lost both parents, and 57 lost one": the noun is left out after a listed count.
      let j = c.q.from - 1;
      while (j >= 0 && /^(?:,|and|or|while|whereas)$/.test(tokens[j]!.lower)) j--;
      if (j < c.q.from - 1 && j >= prev.end) c.sibling = n - 1;
    }
    if (c.sibling !== undefined && c.np.kind === 'none') {
      c.np = { ...prev.np, end: c.np.end, subjectFrom: c.np.end, subjectTo: c.np.end, partitiveInner: undefined };
      c.borrowed = true;
    }
  }
  // "Of the 57 identified dead, 16 were women and 9 children": the counts after a leading "of the N …," are its parts.
  for (let n = 0; n < cands.length; n++) {
    if (!leadingWhole(tokens, cands[n]!)) continue;
    let comma = false;
    for (let m = n + 1; m < cands.length; m++) {
      const part = cands[m]!;
      const between = tokens.slice(cands[m - 1]!.end, part.q.from);
      if (between.some((t) => CLAUSE_BREAKS.has(t.lower)) || part.host !== undefined || part.outer !== undefined || part.np.kind === 'things') break;
      comma ||= between.some((t) => t.lower === ',');
      if (!comma) break;
      part.host = n;
      // "Of the 300 captured, 40 remain missing": a part's own predicate still wins (see `late`).
      part.late = true;
    }
  }
  // "… captured 1,275 people, 150 of whom remain unaccounted for"
  for (let n = 1; n < cands.length; n++) {
    const c = cands[n]!;
    if (c.host === undefined && c.np.head !== null && /^(?:whom|them)$/.test(tokens[c.np.head]?.lower ?? '') && cands[n - 1]!.outer === undefined) {
      c.host = n - 1;
      c.ownFirst = true;
    }
  }
}

/** True when the count opens its clause as a whole to draw parts from: "Of the 57 dead, …", "Among the 40 victims, …". */
function leadingWhole(tokens: Token[], c: Candidate): boolean {
  const k = c.q.from;
  if (c.outer !== undefined || c.inner !== undefined || c.np.kind !== 'people') return false;
  if (!/^(?:the|those|these)$/.test(tokens[k - 1]?.lower ?? '') || !/^(?:of|among|amongst)$/.test(tokens[k - 2]?.lower ?? '')) return false;
  return k - 2 === 0 || CLAUSE_BREAKS.has(tokens[k - 3]!.lower) || tokens[k - 3]!.lower === ',';
}

// Openers that may stand after the predicate too: "613 civilians died, including 169 women and children".
const LATE_OPENERS = new Set(['including', 'include', 'includes', 'included', 'incl', 'among']);
// Marks that open a list right after a predicate: "57 were killed — 30 men, …", "…: 300 women and 250 children".
const LATE_MARKS = new Set(['(', '—', '–', '-', ':']);

/**
 * Where a breakdown list of the count ending at `end` starts: right after its phrase for
 * brackets and dashes ("766 people (164 families)"), or later in the clause for "including".
 */
function listStart(tokens: Token[], end: number, next: number): { k: number; late: boolean } {
  let k = end;
  if (tokens[k]?.lower === ',') k++;
  let opener = tokens[k]?.lower;
  if (!opener || !BREAKDOWN_OPENERS.has(opener)) {
    for (k = end; k < next; k++) {
      const w = tokens[k]!.lower;
      // "520 women and children were killed: 300 women and 250 children": the mark must open the list itself.
      if (LATE_MARKS.has(w) && k + 1 === next) return { k: next, late: true };
      if (CLAUSE_BREAKS.has(w)) return { k: -1, late: false };
      if (LATE_OPENERS.has(w)) break;
    }
    if (k >= next) return { k: -1, late: false };
    opener = tokens[k]!.lower;
  }
  k++;
  // "— including", "(including", "among them"
  while (tokens[k] && (BREAKDOWN_OPENERS.has(tokens[k]!.lower) || /^(?:them|whom|those)$/.test(tokens[k]!.lower))) k++;
  // "322 bodies, including those of 155 children"
  if (tokens[k - 1]?.lower === 'those' && tokens[k]?.lower === 'of') k++;
  return { k, late: false };
}

/** Marks the counts listed from token `k` on ("106 women, 63 children and 70 elderly people") as parts of `host`. */
function claimList(tokens: Token[], cands: Candidate[], host: number, k: number, late: boolean, first: number): void {
  for (let m = first; m < cands.length; m++) {
    const part = cands[m]!;
    if (part.q.from !== k || part.np.kind !== 'people') break;
    part.host = host;
    if (late) part.late = true;
    k = part.end;
    while (tokens[k] && (tokens[k]!.lower === ',' || tokens[k]!.lower === 'and')) k++;
  }
}

/** Index of the first comma at or after `k`, or the end of the tokens. */
function nextComma(tokens: Token[], k: number): number {
  for (let n = k; n < tokens.length; n++) if (tokens[n]!.lower === ',') return n;
  return tokens.length;
}

/** "…, bringing the total to 102": the measure of the count the running total adds to. */
function runningTotal(tokens: Token[], c: Candidate, cands: Candidate[]): Measure | null {
  const before = tokens.slice(Math.max(0, c.q.from - 4), c.q.from).map((t) => t.lower);
  if (!before.includes('total')) return null;
  const prev = cands.filter((x) => x.q.from < c.q.from && x.measure).pop();
  return prev?.measure ?? null;
}

/** For each token, the start of its clause (after the last clause break before it). */
function clauseStarts(tokens: Token[]): Int32Array {
  const out = new Int32Array(tokens.length);
  let start = 0;
  for (let n = 0; n < tokens.length; n++) {
    out[n] = start;
    if (CLAUSE_BREAKS.has(tokens[n]!.lower)) start = n + 1;
  }
  return out;
}

// Words that make a list of names a list of the dead ("the memorial lists 61 names") or of the missing.
const DEAD_LIST = /^(?:memorial|memorials|monument|graves?|dead|victims|killed|martyrs|list|lists|listed|roll)$/;
const MISSING_LIST = /^(?:missing|disappeared|unaccounted)$/;

/** "Their own list has 67 names": names on a list or memorial count the dead (or, so called, the missing). */
function namesMeasure(tokens: Token[]): Measure | null {
  if (tokens.some((t) => MISSING_LIST.test(t.lower))) return 'missing';
  return tokens.some((t) => DEAD_LIST.test(t.lower)) ? 'killed' : null;
}

/**
 * "Deaths: 200–300", "I counted the bodies myself: twenty-two": a number that ends its sentence
 * after a colon counts what the few words before the colon name.
 */
function labelCue(tokens: Token[], c: Candidate, stops: Set<number>): Measure | null {
  const colon = c.q.from - 1;
  if (tokens[colon]?.lower !== ':') return null;
  const next = tokens[c.end]?.lower;
  if (next !== undefined && !/^[.;,!)\]]$/.test(next)) return null;
  for (let k = colon - 1; k >= Math.max(0, colon - 4); k--) {
    if (CLAUSE_BREAKS.has(tokens[k]!.lower) || stops.has(k)) return null;
    const m = cueEndingAt(tokens, k, SUBJECT_CUES);
    if (m) return m.measure;
  }
  return null;
}

/** True when a measure word directly follows: "20 killed", "20 were killed", "20 died". */
function adjacentPost(tokens: Token[], c: Candidate, scanStops: Set<number>): Measure | null {
  // "250 were known to be dead", "40 are feared dead": a hedge between the number and its predicate.
  const hedged = /^(?:known|believed|thought|said|feared|reported|confirmed|presumed|understood)$/.test(tokens[c.end + 1]?.lower ?? '');
  const m = postCue(tokens, c.end, Math.min(tokens.length, c.end + (hedged ? 6 : 3)), { skip: new Set(), stops: scanStops, innerOnly: false });
  return m;
}

const VICTIMS_DEAD = /^(?:identified|exhumed|exhumation|exhumations|buried|reburied|graves?|remains|morgue|dna|autopsies|autopsy)$/;
const ELLIPSIS_LINKS = new Set([',', 'and', 'while', 'with']);
const ELLIPSIS_PREPS = new Set(['from', 'in', 'at', 'on', 'by', 'across', 'among', 'of']);
const INJURY_CASES = /^(?:wounds?|injur(?:y|ies)|frostbite|burns|fractures|trauma|gunshot|shrapnel)$/;
const FIGURE_NOUNS = /^(?:figure|figures|number|estimate|tally|count)$/;

/** True when the number is stated as "a figure": "figure of 250,000", "number was 6 million", "its 480,000 figure". */
function figureWord(tokens: Token[], c: Candidate): boolean {
  if (FIGURE_NOUNS.test(tokens[c.q.to]?.lower ?? '') && c.np.kind === 'things') return true;
  let k = c.q.from - 1;
  if (/^(?:of|was|is|at|to|stood|stands|reached|put)$/.test(tokens[k]?.lower ?? '')) k--;
  return k < c.q.from - 1 && FIGURE_NOUNS.test(tokens[k]?.lower ?? '');
}

/** Every count in the sentence whose tokens are given. */
// Predicates of people who came through: rescued, saved, survived, unharmed.
const SPARED = /^(?:(?:were|was|are|is|have been|had been|has been) )?(?:rescued|saved|survived|unharmed|unhurt|escaped)\b/;

export function findCounts(tokens: Token[], text: string, inDate: (t: Token) => boolean, listMeasure: Measure | null = null, label: LineLabel | null = null, previous: Measure | null = null, zeros = false): SentenceCount[] {
  const cands = findCandidates(tokens, text, inDate);
  relate(tokens, cands);
  const starts = new Set(cands.map((c) => c.q.from));
  const partsOf = new Map<number, Set<number>>();
  cands.forEach((p) => {
    if (p.host === undefined) return;
    const set = partsOf.get(p.host) ?? new Set<number>();
    for (let k = p.q.from; k < p.end; k++) set.add(k);
    partsOf.set(p.host, set);
  });
  const clause = clauseStarts(tokens);
  for (const [n, c] of cands.entries()) {
    const floor = clause[c.q.from]!;
    const pre = preCue(tokens, c.q.from, floor);
    // "Deaths: 22[1]", "Fatalities: 36 direct", "485 (per the parliament)" under it: the label's measure.
    const labelled = label && tokens[c.q.from]!.start >= label.after ? label.measure : null;
    if (labelled && c.np.kind === 'things') {
      const head = tokens[c.np.end - 1]?.lower ?? '';
      if (TALLY_WORDS.test(head)) c.np = { ...c.np, kind: 'none', end: c.q.to, subjectFrom: c.q.to, subjectTo: c.q.to };
      // "Non-fatal injuries: 1 firefighter": under a label, a noun that is no known thing names who.
      else if (!NON_PEOPLE.has(head)) c.np = { ...c.np, kind: 'people', subjectTo: c.np.end };
    }
    // "151 people died from gunshot wounds, 20 from shrapnel and 10 from blows", "190 were killed
    // in Asa, 72 in Bel": a bare number listed after a count, before a preposition, repeats its predicate.
    if ((c.np.kind === 'none' || c.borrowed) && n > 0 && !c.q.vague && ELLIPSIS_LINKS.has(tokens[c.q.from - 1]?.lower ?? '') && ELLIPSIS_PREPS.has(tokens[c.q.to]?.lower ?? '')) {
      const prev = cands[n - 1]!;
      if (prev.measure && prev.measure !== 'other' && prev.np.kind !== 'things') { c.measure = prev.measure; continue; }
    }
    // "The toll rose from 300 to 412": the revised figure counts what the earlier one did.
    if (c.np.kind === 'none' && n > 0 && tokens[c.q.from - 1]?.lower === 'to' && cands[n - 1]!.end === c.q.from - 1 && tokens[cands[n - 1]!.q.from - 1]?.lower === 'from' && cands[n - 1]!.measure) {
      c.measure = cands[n - 1]!.measure!;
      continue;
    }
    // "598 cases of wounds or frostbite": cases of an injury are the injured.
    if (c.np.kind === 'things' && tokens[c.np.end - 1]?.lower === 'cases' && tokens[c.np.end]?.lower === 'of' && INJURY_CASES.test(tokens[c.np.end + 1]?.lower ?? '')) {
      let e = c.np.end + 2;
      while (tokens[e + 1] && /^(?:or|and)$/.test(tokens[e]!.lower) && /^[a-z]+$/.test(tokens[e + 1]!.lower)) e += 2;
      c.np = { ...c.np, kind: 'people', end: e, subjectTo: e };
      c.measure = 'injured';
      continue;
    }
    // "a lower figure of 250,000", "the number was around six million", "its 480,000 figure": a
    // figure of the measure counted just before, in this sentence or the one before it.
    if (c.np.kind !== 'people' && c.outer === undefined && !pre && figureWord(tokens, c)) {
      let before: Measure | null = previous;
      for (let k = n - 1; k >= 0; k--) if (cands[k]!.measure && cands[k]!.measure !== 'other') { before = cands[k]!.measure!; break; }
      if (before) { c.measure = before; continue; }
    }
    // "34 drowned and 51 were rescued", "12 died and 40 survived": a number whose own predicate
    // says the people came through counts no harm, and borrows none from the count before it
    // ("487 people survived the massacre with severe injuries" are the injured, read as before).
    if (c.np.kind !== 'things' && SPARED.test(tokens.slice(c.end, c.end + 3).map((t) => t.lower).join(' '))
      && !tokens.slice(c.end, c.end + 9).some((t) => /^(?:injur|wound|burn)/.test(t.lower))) { c.measure = null; continue; }
    if (c.np.kind !== 'people' && c.outer === undefined) {
      // No people noun: a count only with a measure word right beside it ("killed 20", "20 dead").
      if (c.np.kind === 'things') { c.measure = c.np.end === c.q.to + 1 && tokens[c.q.to]!.lower === 'names' ? namesMeasure(tokens) : null; continue; }
      // "dozens still missing", "hundreds fled": a vague number with its predicate right beside it.
      if (c.q.vague) { c.measure = adjacentPost(tokens, c, starts) ?? (pre && pre !== 'population' ? pre : null) ?? labelled; continue; }
      // "The death toll from the earthquake has climbed to 2,310": a toll named earlier in the clause.
      const adj = pre ?? adjacentPost(tokens, c, starts) ?? subjectCue(tokens, c.q.from, floor, starts) ?? runningTotal(tokens, c, cands) ?? labelCue(tokens, c, starts);
      c.measure = adj && adj !== 'population' ? adj : labelled;
      // "- Sarn: 27" under "Deaths by village:": a list item's bare number counts what its heading names.
      if (!c.measure && listMeasure && c.np.kind === 'none' && !c.q.vague) c.measure = listMeasure;
      continue;
    }
    const parts = partsOf.get(n) ?? new Set<number>();
    const stops = starts;
    // "12 dead, hundreds still missing": a borrowed noun's measure yields to the number's own predicate.
    c.measure = (c.borrowed ? adjacentPost(tokens, c, starts) : null) ?? c.np.headMeasure ?? pre ?? null;
    // "150 people, 40 of them seriously, and killed 11": a part's own words end at its comma.
    const until = c.ownFirst ? nextComma(tokens, c.end) : tokens.length;
    const post = () => postCue(tokens, c.end, until, { skip: parts, stops, innerOnly: c.outer !== undefined });
    if (!c.measure && (c.ownFirst || c.late)) c.measure = post();
    if (!c.measure && c.host !== undefined) c.measure = cands[c.host]!.measure ?? null;
    c.measure ??= post();
    c.measure ??= subjectCue(tokens, c.q.from, floor, starts);
    c.measure ??= c.np.statusMeasure ?? null;
    if (!c.measure && c.sibling !== undefined) c.measure = cands[c.sibling]!.measure ?? null;
    c.measure ??= labelled ?? listMeasure ?? 'other';
  }
  // "160 children and 20 adults abducted": counts joined by "and" share the predicate after the last.
  for (let n = cands.length - 2; n >= 0; n--) {
    const next = cands[n + 1]!;
    if (cands[n]!.measure === 'other' && next.sibling === n && !next.borrowed && next.measure && next.measure !== 'other' && cands[n]!.host === undefined) cands[n]!.measure = next.measure;
  }
  // "a dozen of them were still in intensive care": a part of the wounded named before, in a
  // condition, is a subset of unstated kind, not a second figure of the injured.
  for (const c of cands) {
    if (c.measure !== 'injured' || c.np.head === null || !/^(?:them|whom|those)$/.test(tokens[c.np.head]!.lower)) continue;
    const after = tokens.slice(c.end, c.end + 7).map((t) => t.lower);
    if (after.some((w) => /^(?:condition|intensive|hospital|care)$/.test(w)) && !after.some((w) => /^(?:injured|wounded|hurt|injuries)$/.test(w))) c.measure = 'other';
  }
  // "A 1996 exhumation identified 187 victims": victims identified, exhumed or buried are the dead.
  for (const c of cands) {
    if (c.measure === 'other' && c.np.head !== null && tokens[c.np.head]!.lower === 'victims' && tokens.some((t) => VICTIMS_DEAD.test(t.lower))) c.measure = 'killed';
  }
  // A part with no measure of its own takes its host's, now that every host has one.
  for (const c of cands) if (c.host !== undefined && c.measure === 'other') c.measure = cands[c.host]!.measure ?? 'other';
  // "12 people were killed - 5 women were also wounded": a late "part" with a predicate of its own is a new figure.
  for (const c of cands) if (c.late && c.host !== undefined && c.measure !== cands[c.host]!.measure) c.host = undefined;
  // "Twenty-six of the dead were pupils", "19 of them are children", "187 victims, 23 of them
  // children": a group named by the predicate, or right after "of them".
  for (const c of cands) {
    if (c.np.group !== 'all') continue;
    const be = /^(?:were|are|was|is)$/.test(tokens[c.end]?.lower ?? '');
    if (!be && !(c.ownFirst && /^(?:them|whom)$/.test(tokens[c.end - 1]?.lower ?? ''))) continue;
    const g = PEOPLE_NOUNS.get(tokens[c.end + (be ? 1 : 0)]?.lower ?? '');
    if (g && g !== 'all') c.np = { ...c.np, group: g };
  }
  // "96 people were treated, 14 of them in critical condition": a part that names no narrower
  // group is a subset of unstated kind, not a second figure for the whole.
  for (const c of cands) {
    const host = c.host !== undefined ? cands[c.host]! : undefined;
    if (host && c.ownFirst && c.measure === host.measure && c.np.group === host.np.group && c.np.unit === host.np.unit) c.measure = 'other';
  }
  // Built by push onto a literal rather than by map and filter: V8 then gives empty and full
  // arrays the same shape, and does not throw away and recompile the optimised code when the
  // other kind first comes by (each recompile of this function costs ~100 ms of CPU).
  const kept: Candidate[] = [];
  const index = new Map<number, number>();
  cands.forEach((c, n) => {
    if (!c.measure) return;
    index.set(n, kept.length);
    kept.push(c);
  });
  const counts: SentenceCount[] = [];
  for (const c of kept) {
    const last = tokens[Math.max(c.q.to, c.np.subjectTo) - 1]!;
    const subjectTokens = tokens.slice(c.np.subjectFrom, c.np.subjectTo).filter((t) => t.lower !== 'of');
    const subject = subjectTokens.length ? text.slice(subjectTokens[0]!.start, subjectTokens[subjectTokens.length - 1]!.end) : '';
    const out: SentenceCount = {
      measure: c.measure!, group: c.np.group, unit: c.np.unit, subject,
      min: c.q.min, max: c.q.max, approximate: c.q.approximate,
      span: { start: tokens[c.q.from]!.start, end: c.outer !== undefined || c.inner !== undefined ? tokens[c.q.to - 1]!.end : last.end },
    };
    const host = c.host !== undefined ? index.get(c.host) : undefined;
    if (host !== undefined) out.partOf = host;
    counts.push(out);
  }
  if (zeros) {
    for (const z of zeroCounts(tokens)) {
      if (inDate(tokens[z.from]!)) continue;
      counts.push({ measure: z.measure, group: 'all', unit: 'people', subject: '', min: 0, max: 0, approximate: false, span: { start: tokens[z.from]!.start, end: tokens[z.to - 1]!.end } });
    }
  }
  return counts;
}
