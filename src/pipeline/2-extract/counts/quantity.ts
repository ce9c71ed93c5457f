/** A quantity of people as the text states it: a number or vague word, with hedges and ranges. */
import type { Token } from '../../../nlp/tokens.js';
import { digitValue, readNumber, readVague } from '../../../nlp/numbers.js';

/** A stated quantity: its bounds and the tokens [from, to) it took, hedges included. */
export interface Quantity {
  min: number | null;
  max: number | null;
  approximate: boolean;
  from: number;
  to: number;
  /** Token where the number itself starts (after any hedge). */
  numFrom: number;
  vague: boolean;
  /** The value the text names (the upper one of a range). */
  value: number;
}

type Hedge = { words: string[]; kind: 'approx' | 'min' | 'over' | 'max' | 'nearly' | 'under' | 'none' };

// Longest first, so that "no fewer than" wins over "than".
const HEDGES: Hedge[] = [
  { words: ['no', 'fewer', 'than'], kind: 'min' }, // "no fewer than 4"
  { words: ['no', 'less', 'than'], kind: 'min' },
  { words: ['not', 'less', 'than'], kind: 'min' },
  { words: ['a', 'minimum', 'of'], kind: 'min' },
  { words: ['at', 'least'], kind: 'min' }, // "at least four people"
  { words: ['more', 'than'], kind: 'over' }, // "more than 1,000 people were injured"
  { words: ['greater', 'than'], kind: 'over' },
  { words: ['upwards', 'of'], kind: 'over' },
  { words: ['in', 'excess', 'of'], kind: 'over' },
  { words: ['well', 'over'], kind: 'over' },
  { words: ['just', 'over'], kind: 'over' },
  { words: ['as', 'many', 'as'], kind: 'max' }, // "as many as 300"
  { words: ['up', 'to'], kind: 'max' },
  { words: ['a', 'maximum', 'of'], kind: 'max' },
  { words: ['not', 'more', 'than'], kind: 'max' },
  { words: ['no', 'more', 'than'], kind: 'max' }, // "no more than 12 civilians"
  { words: ['at', 'most'], kind: 'max' },
  { words: ['close', 'to'], kind: 'nearly' },
  { words: ['just', 'under'], kind: 'nearly' },
  { words: ['fewer', 'than'], kind: 'under' }, // "fewer than 300"
  { words: ['less', 'than'], kind: 'under' },
  { words: ['an', 'estimated'], kind: 'approx' }, // "an estimated 5,000"
  { words: ['some'], kind: 'approx' }, // "some 150"
  { words: ['about'], kind: 'approx' },
  { words: ['around'], kind: 'approx' },
  { words: ['roughly'], kind: 'approx' },
  { words: ['approximately'], kind: 'approx' },
  { words: ['approx'], kind: 'approx' },
  { words: ['circa'], kind: 'approx' },
  { words: ['estimated'], kind: 'approx' },
  { words: ['~'], kind: 'approx' },
  { words: ['nearly'], kind: 'nearly' }, // "nearly 300"
  { words: ['almost'], kind: 'nearly' },
  { words: ['over'], kind: 'over' }, // "over 1,000"
  { words: ['above'], kind: 'over' }, // "climbing above 300"
  { words: ['exceeding'], kind: 'over' },
  { words: ['below'], kind: 'under' },
  { words: ['under'], kind: 'under' },
];

// Hedges by their last word: a token is checked against a few hedges, not all.
const HEDGES_BY_LAST = new Map<string, Hedge[]>();
for (const h of HEDGES) {
  const last = h.words[h.words.length - 1]!;
  HEDGES_BY_LAST.set(last, [...(HEDGES_BY_LAST.get(last) ?? []), h].sort((a, b) => b.words.length - a.words.length));
}

/** The hedge that ends right before token `i`, if any. */
function hedgeBefore(tokens: Token[], i: number): Hedge & { from: number } | null {
  // "nearly, 3,000": a stray comma after an adverb hedge.
  if (tokens[i - 1]?.lower === ',' && /^(?:nearly|almost|approximately|roughly|about|around)$/.test(tokens[i - 2]?.lower ?? '') && /^\d/.test(tokens[i]?.text ?? '')) i--;
  const list = i > 0 ? HEDGES_BY_LAST.get(tokens[i - 1]!.lower) : undefined;
  if (!list) return null;
  for (const h of list) {
    const from = i - h.words.length;
    if (from < 0) continue;
    let ok = true;
    for (let k = 0; k < h.words.length; k++) if (tokens[from + k]!.lower !== h.words[k]) { ok = false; break; }
    if (ok) return { ...h, from };
  }
  return null;
}

/** Reads "200", "200-300", "200 to 300", "two or three" starting at `i`: [low, high, end]. */
function readRange(tokens: Token[], i: number, text: string): { low: number; high: number; to: number; fractional: boolean } | null {
  const t = tokens[i];
  if (!t) return null;
  // "200-300" is one token.
  const m = /^(\d[\d.,]*)-(\d[\d.,]*)$/.exec(t.text);
  if (m) {
    const a = digitValue(m[1]!);
    const b = digitValue(m[2]!);
    if (a !== null && b !== null && a < b) return { low: a, high: b, to: i + 1, fractional: false };
    return null;
  }
  const n = readNumber(tokens, i, text);
  if (!n) return null;
  const link = tokens[n.to]?.lower;
  if (link === '–' || link === '—' || link === 'to' || link === 'or' || link === '-') {
    const n2 = readNumber(tokens, n.to + 1, text);
    if (n2 && n2.value > n.value && !n2.fractional) return { low: n.value, high: n2.value, to: n2.to, fractional: n.fractional };
  }
  return { low: n.value, high: n.value, to: n.to, fractional: n.fractional };
}

// Verbs of a figure that changed: "rose from 300 to 412", "was revised from 40 to 38".
const CHANGE_VERBS = /^(?:rose|risen|rises|rising|climbed|climbing|climbs|jumped|increased|grew|grown|went|revised|raised|lowered|fell|fallen|dropped|corrected|updated|changed)$/;
const COULD = /^(?:could|may|might|would|will|can)$/;

/** One number only (no range after it). */
function readSingle(tokens: Token[], i: number, text: string): { low: number; high: number; to: number; fractional: boolean } | null {
  const n = readNumber(tokens, i, text);
  return n ? { low: n.value, high: n.value, to: n.to, fractional: n.fractional } : null;
}

/** Reads the quantity whose number starts at token `i`, taking any hedge before it. */
export function readQuantity(tokens: Token[], i: number, text: string): Quantity | null {
  const vague = readVague(tokens, i);
  if (vague) {
    const h = hedgeBefore(tokens, i);
    const from = h ? h.from : i;
    const q: Quantity = { min: vague.min, max: vague.max, approximate: true, from, to: vague.to, numFrom: i, vague: true, value: vague.max };
    if (h?.kind === 'over' || h?.kind === 'min') q.max = null;
    return q;
  }
  // "between 200 and 300", "from 200 to 300" (but "rose from 300 to 412" is a revision, not a range)
  const lead = tokens[i - 1]?.lower;
  if (lead === 'between' || (lead === 'from' && !CHANGE_VERBS.test(tokens[i - 2]?.lower ?? ''))) {
    const a = readNumber(tokens, i, text);
    const sep = a ? tokens[a.to]?.lower : undefined;
    if (a && (sep === 'and' || sep === 'to')) {
      const b = readNumber(tokens, a.to + 1, text);
      if (b && b.value > a.value) {
        return { min: a.value, max: b.value, approximate: false, from: i - 1, to: b.to, numFrom: i, vague: false, value: b.value };
      }
    }
  }
  const r = lead === 'from' && CHANGE_VERBS.test(tokens[i - 2]?.lower ?? '') ? readSingle(tokens, i, text) : readRange(tokens, i, text);
  if (!r || r.fractional) return null;
  let to = r.to;
  let min: number | null = r.low;
  let max: number | null = r.high;
  let approximate = false;
  const h = r.low === r.high ? hedgeBefore(tokens, i) : null;
  const from = h ? h.from : i;
  switch (h?.kind) {
    case 'approx': approximate = true; break;
    case 'min': max = null; break;
    case 'over': min = r.low + 1; max = null; break;
    case 'max': min = null; break;
    case 'nearly': min = null; approximate = true; break;
    case 'under': min = null; max = r.low - 1; break;
  }
  // "could reach 20,000", "may rise to 300": a toll that may yet come is a ceiling.
  if (h === null && min !== null && COULD.test(tokens[from - 2]?.lower ?? '') && /^(?:reach|exceed|top|hit)$/.test(tokens[from - 1]?.lower ?? '')) min = null;
  else if (h === null && min !== null && tokens[from - 1]?.lower === 'to' && /^(?:rise|climb|grow|increase|go)$/.test(tokens[from - 2]?.lower ?? '') && COULD.test(tokens[from - 3]?.lower ?? '')) min = null;
  // "20 or more", "1,000-plus"
  if (tokens[to]?.lower === 'or' && tokens[to + 1]?.lower === 'more') { max = null; to += 2; }
  // "200+": the number or more (not "+ 90" of a phone number, which a digit follows).
  else if (tokens[to]?.lower === '+' && tokens[to]!.start === tokens[to - 1]!.end && !/^\d/.test(tokens[to + 1]?.text ?? '') && h === null) { max = null; to += 1; }
  return { min, max, approximate, from, to, numFrom: i, vague: false, value: r.high };
}
