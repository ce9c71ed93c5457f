/**
 * Explicit statements that no one was hurt: "No injuries or fatalities were reported", "no one
 * was killed", "Deaths: none". A coder records them as counts of zero, each with its own span.
 */
import type { Measure } from '../../../domain/types.js';
import type { Token } from '../../../nlp/tokens.js';

const ZERO_NOUNS: ReadonlyMap<string, Measure> = new Map<string, Measure>(Object.entries({
  deaths: 'killed', death: 'killed', fatalities: 'killed', fatality: 'killed', dead: 'killed',
  injuries: 'injured', injury: 'injured', injured: 'injured', wounded: 'injured',
  casualties: 'casualties', missing: 'missing',
}) as [string, Measure][]);
const ZERO_VERBS: ReadonlyMap<string, Measure> = new Map<string, Measure>(Object.entries({
  killed: 'killed', died: 'killed', hurt: 'injured', injured: 'injured', wounded: 'injured',
}) as [string, Measure][]);
// Words that may stand between "no" and the noun: "no reported deaths", "no serious injuries".
const BETWEEN = /^(?:reported|confirmed|known|immediate|serious|major|further|other|direct|human|civilian)$/;
// "no more deaths", "no fewer than": a comparison or a hope, not a zero.
const NOT_AFTER_NO = /^(?:more|fewer|less|longer|new)$/;

/** A zero count: its measure and the token range it spans. */
export interface ZeroCount {
  measure: Measure;
  from: number;
  to: number;
}

/** Cheap test for a sentence that may state a zero ("No injuries…", "nobody was hurt"). */
export const ZERO_HINT = /\b(?:[Nn]o|[Nn]obody|[Nn]one)\b[^.;]{0,40}?\b(?:deaths?|fatalit(?:y|ies)|dead|injur(?:y|ies|ed)|wounded|casualties|missing|killed|died|hurt)\b/;

/** Every zero stated in the sentence whose tokens are given. */
export function zeroCounts(tokens: Token[]): ZeroCount[] {
  const out: ZeroCount[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.lower;
    if (w === 'no' && !NOT_AFTER_NO.test(tokens[i + 1]?.lower ?? '')) {
      // "no injuries or fatalities", "no reported deaths"
      let k = i + 1;
      while (k < i + 3 && BETWEEN.test(tokens[k]?.lower ?? '')) k++;
      for (;;) {
        const m = ZERO_NOUNS.get(tokens[k]?.lower ?? '');
        if (!m) break;
        out.push({ measure: m, from: i, to: k + 1 });
        if (!/^(?:or|and|nor)$/.test(tokens[k + 1]?.lower ?? '')) break;
        k += 2;
        while (k < tokens.length && BETWEEN.test(tokens[k]!.lower)) k++;
      }
    } else if (w === 'nobody' || w === 'none' || (w === 'one' && tokens[i - 1]?.lower === 'no')) {
      // "no one was killed", "nobody has been hurt", "none were injured"
      let k = i + 1;
      while (k < i + 4 && /^(?:was|were|is|are|has|have|had|been|reportedly|seriously|badly)$/.test(tokens[k]?.lower ?? '')) k++;
      const m = k > i + 1 ? ZERO_VERBS.get(tokens[k]?.lower ?? '') : undefined;
      if (m) out.push({ measure: m, from: w === 'one' ? i - 1 : i, to: k + 1 });
    }
  }
  return out;
}
