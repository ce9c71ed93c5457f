/** Finds every count of people in a sentence: its bounds, group, unit, subject and measure. */
import type { Measure, Span } from '../../../domain/types.js';
import type { Token } from '../../../nlp/tokens.js';
import { isNumberWord } from '../../../nlp/numbers.js';
import type { Quantity } from './quantity.js';
import { readQuantity } from './quantity.js';
import type { NounPhrase } from './phrase.js';
import { readNounPhrase } from './phrase.js';
import { postCue, preCue, subjectCue } from './measure.js';
import { BREAKDOWN_OPENERS, CLAUSE_BREAKS, REFERENCE_WORDS } from './lexicon.js';

/** A count found in one sentence, before attribution. */
export interface SentenceCount {
  measure: Measure;
  group: string;
  unit: 'people' | 'families';
  subject: string;
  min: number | null;
  max: number | null;
  approximate: boolean;
  span: Span;
  /** Index (in this sentence's list) of the count this one is a part of. */
  partOf?: number;
}

interface Candidate {
  q: Quantity;
  np: NounPhrase;
  /** Token one past the whole phrase (for partitives, the inner phrase's end). */
  end: number;
  host?: number;
  inner?: number;
  outer?: number;
  /** "150 of whom remain missing": a part whose own predicate speaks before its host's. */
  ownFirst?: boolean;
  measure?: Measure | null;
}

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
  // "one of the worst atrocities": "one" is a count only when it names a person.
  if (first.lower === 'one' && q.to === q.numFrom + 1 && tokens[q.to]?.lower === 'of') return true;
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
    if (host.outer !== undefined || host.host !== undefined) continue;
    const k = listStart(tokens, host.end, n + 1 < cands.length ? cands[n + 1]!.q.from : tokens.length);
    if (k < 0) continue;
    claimList(tokens, cands, n, k);
  }
  // "… captured 1,275 people, 150 of whom remain unaccounted for"
  for (let n = 1; n < cands.length; n++) {
    const c = cands[n]!;
    if (c.host === undefined && c.np.head !== null && tokens[c.np.head]?.lower === 'whom' && cands[n - 1]!.outer === undefined) {
      c.host = n - 1;
      c.ownFirst = true;
    }
  }
}

// Openers that may stand after the predicate too: "613 civilians died, including 169 women and children".
const LATE_OPENERS = new Set(['including', 'includes', 'included', 'incl', 'among']);

/**
 * Where a breakdown list of the count ending at `end` starts: right after its phrase for
 * brackets and dashes ("766 people (164 families)"), or later in the clause for "including".
 */
function listStart(tokens: Token[], end: number, next: number): number {
  let k = end;
  if (tokens[k]?.lower === ',') k++;
  let opener = tokens[k]?.lower;
  if (!opener || !BREAKDOWN_OPENERS.has(opener)) {
    for (k = end; k < next; k++) {
      const w = tokens[k]!.lower;
      if (CLAUSE_BREAKS.has(w)) return -1;
      if (LATE_OPENERS.has(w)) break;
    }
    if (k >= next) return -1;
    opener = tokens[k]!.lower;
  }
  k++;
  // "— including", "(including", "among them"
  while (tokens[k] && (BREAKDOWN_OPENERS.has(tokens[k]!.lower) || /^(?:them|whom|those)$/.test(tokens[k]!.lower))) k++;
  return k;
}

/** Marks the counts listed from token `k` on ("106 women, 63 children and 70 elderly people") as parts of `host`. */
function claimList(tokens: Token[], cands: Candidate[], host: number, k: number): void {
  for (let m = host + 1; m < cands.length; m++) {
    const part = cands[m]!;
    if (part.q.from !== k || part.np.kind !== 'people') break;
    part.host = host;
    k = part.end;
    while (tokens[k] && (tokens[k]!.lower === ',' || tokens[k]!.lower === 'and')) k++;
  }
}

/** Start of the clause holding token `k`: after the last clause break before it. */
function clauseStart(tokens: Token[], k: number): number {
  for (let n = k - 1; n >= 0; n--) if (CLAUSE_BREAKS.has(tokens[n]!.lower)) return n + 1;
  return 0;
}

/** True when a measure word directly follows: "20 killed", "20 were killed", "20 died". */
function adjacentPost(tokens: Token[], c: Candidate, scanStops: Set<number>): Measure | null {
  const m = postCue(tokens, c.end, Math.min(tokens.length, c.end + 3), { skip: new Set(), stops: scanStops, innerOnly: false });
  return m;
}

/** Every count in the sentence whose tokens are given. */
export function findCounts(tokens: Token[], text: string, inDate: (t: Token) => boolean): SentenceCount[] {
  const cands = findCandidates(tokens, text, inDate);
  relate(tokens, cands);
  const starts = new Set(cands.map((c) => c.q.from));
  for (const c of cands) {
    const floor = clauseStart(tokens, c.q.from);
    const pre = preCue(tokens, c.q.from, floor);
    if (c.np.kind !== 'people' && c.outer === undefined) {
      // No people noun: a count only with a measure word right beside it ("killed 20", "20 dead").
      if (c.np.kind === 'things' || c.q.vague) { c.measure = null; continue; }
      const adj = pre ?? adjacentPost(tokens, c, starts);
      c.measure = adj && adj !== 'population' ? adj : null;
      continue;
    }
    const parts = new Set<number>();
    cands.forEach((p, m) => {
      if (p.host === cands.indexOf(c)) for (let k = p.q.from; k < p.end; k++) parts.add(k);
    });
    const stops = new Set([...starts].filter((s) => !parts.has(s) && s > c.q.from));
    c.measure = c.np.headMeasure ?? pre ?? null;
    const post = () => postCue(tokens, c.end, tokens.length, { skip: parts, stops, innerOnly: c.outer !== undefined });
    if (!c.measure && c.ownFirst) c.measure = post();
    if (!c.measure && c.host !== undefined) c.measure = cands[c.host]!.measure ?? null;
    c.measure ??= post();
    c.measure ??= subjectCue(tokens, c.q.from, floor, new Set([...starts].filter((s) => s < c.q.from)));
    c.measure ??= 'other';
  }
  // A part with no measure of its own takes its host's, now that every host has one.
  for (const c of cands) if (c.host !== undefined && c.measure === 'other') c.measure = cands[c.host]!.measure ?? 'other';
  const kept = cands.map((c, n) => ({ c, n })).filter(({ c }) => c.measure);
  const index = new Map(kept.map(({ n }, k) => [n, k] as const));
  return kept.map(({ c }) => {
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
    return out;
  });
}
