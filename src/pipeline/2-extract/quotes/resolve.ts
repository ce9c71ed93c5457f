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

const NAME_WORD = /^\p{Lu}\p{Ll}/u;

/** True when a phrase reads as a person's name: up to four capitalised words, none of them an organisation word. */
export function personLike(phrase: string): boolean {
  const words = phrase.split(' ');
  if (words.length > 4) return false;
  for (const w of words) if (!NAME_WORD.test(w) || ORG_WORDS.has(w.replace(/['’]s$/, ''))) return false;
  return true;
}

/** Merges lists that are each in text order into one list in text order. */
export function mergeInOrder(...lists: Antecedent[][]): Antecedent[] {
  let out: Antecedent[] = [];
  for (const list of lists) {
    const merged: Antecedent[] = [];
    let i = 0;
    let j = 0;
    while (i < out.length || j < list.length) {
      if (j >= list.length || (i < out.length && out[i]!.span.start <= list[j]!.span.start)) merged.push(out[i++]!);
      else merged.push(list[j++]!);
    }
    out = merged;
  }
  return out;
}

/** Antecedents in text order, for finding the last one before a pronoun by binary search. */
export class Antecedents {
  private readonly list: Antecedent[];

  /** `list` must be in text order (see mergeInOrder). */
  constructor(list: Antecedent[]) {
    this.list = list;
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
