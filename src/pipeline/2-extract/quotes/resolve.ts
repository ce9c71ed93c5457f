/** Resolves "she said", "it added" to the speaker last named before them, as a reader would. */
import type { Span } from '../../../domain/types.js';
import { ORG_WORDS } from '../entities/lexicon.js';
import type { Named } from './speaker.js';

/** Someone the text has named as speaking (or, for persons, as the subject of a sentence), and where. */
export interface Antecedent {
  text: string;
  span: Span;
  /** Reads as a person's name, so "he" and "she" may point to it. */
  person: boolean;
}

/** True when a phrase reads as a person's name: capitalised words, none of them an organisation word. */
export function personLike(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  return words.length <= 4 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !ORG_WORDS.has(w.replace(/['’]s$/, '')));
}

/** Antecedents in text order, for finding the last one before a pronoun by binary search. */
export class Antecedents {
  private readonly list: Antecedent[];

  constructor(list: Antecedent[]) {
    this.list = list.sort((a, b) => a.span.start - b.span.start);
  }

  /** The antecedent a pronoun at `at` points to: "he"/"she" prefer people, "it" prefers the rest. */
  resolve(pronoun: Named, at: number): Antecedent | null {
    const p = pronoun.text.toLowerCase();
    const want = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.span.start < at) lo = mid + 1; else hi = mid;
    }
    // Look back a few speakers for one of the wanted kind; else take the nearest.
    for (let i = lo - 1; i >= Math.max(0, lo - 6); i--) if (want === null || this.list[i]!.person === want) return this.list[i]!;
    return lo > 0 ? this.list[lo - 1]! : null;
  }
}
