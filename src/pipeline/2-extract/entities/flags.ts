/** Each capitalised word's memberships in the word lists, looked up once and kept as bits on the word. */
import {
  DOTTED_TITLES, EVENT_WORDS, MONTHS_AND_DAYS, NEVER_NAMES, NOT_NAME_ENDS, ORDINALS, ORG_WORDS, PLACE_WORDS,
  SENTENCE_STARTERS, TITLES,
} from './lexicon.js';

/** One bit per word list. */
export const F = {
  STARTER: 1,
  /** Months, weekdays, "I": never part of a name. */
  NEVER: 2,
  ORG: 4,
  PLACE: 8,
  TITLE: 16,
  EVENT: 32,
  NOT_END: 64,
  ORDINAL: 128,
  DOTTED_TITLE: 256,
} as const;

/** Organisation or place head word ("Ministry", "Republic"). */
export const HEAD = F.ORG | F.PLACE;

const LISTS: readonly [ReadonlySet<string>, number][] = [
  [MONTHS_AND_DAYS, F.NEVER], [NEVER_NAMES, F.NEVER], [ORG_WORDS, F.ORG], [PLACE_WORDS, F.PLACE], [TITLES, F.TITLE],
  [EVENT_WORDS, F.EVENT], [NOT_NAME_ENDS, F.NOT_END], [ORDINALS, F.ORDINAL], [DOTTED_TITLES, F.DOTTED_TITLE],
];
// Words recur across reports; the memo is cleared when it grows, so memory stays bounded on any corpus.
const memo = new Map<string, number>();
const MEMO_LIMIT = 50_000;

/** The list bits of a capitalised word as written. */
export function flagsOf(word: string): number {
  let f = memo.get(word);
  if (f !== undefined) return f;
  f = SENTENCE_STARTERS.has(word.toLowerCase()) ? F.STARTER : 0;
  for (const [set, bit] of LISTS) if (set.has(word)) f |= bit;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, f);
  return f;
}
