/** Sentences whose capitals say nothing about names: Title Case headlines and lines in capitals. */
import type { Span } from '../../../domain/types.js';
import type { Word } from './words.js';

/** Per sentence: `headline` for Title Case lines without a full stop, `caps` for lines written in capitals. */
export interface Shapes {
  headline: Uint8Array;
  caps: Uint8Array;
}

/** Number of space-separated words in `text.slice(start, end)`. */
function wordCount(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Marks headline and all-capitals sentences from the capitalised words (sorted by position) they hold. */
export function sentenceShapes(text: string, sentences: readonly Span[], words: readonly Word[]): Shapes {
  const headline = new Uint8Array(sentences.length);
  const caps = new Uint8Array(sentences.length);
  let i = 0;
  while (i < words.length) {
    const s = words[i]!.sentence;
    let capital = 0;
    let upper = 0;
    for (; i < words.length && words[i]!.sentence === s; i++) {
      capital++;
      if (words[i]!.caps && words[i]!.text.length > 1) upper++;
    }
    if (capital < 3) continue;
    // "23rd ANNIVERSARY OF THE MASSACRE", "Cemre Dilay BOZTEPE"
    if (upper >= 2 && upper / capital >= 0.6) caps[s] = 1;
    const span = sentences[s]!;
    // A sentence ends in a stop; a headline does not ("Residents Return To Their Homes").
    const stop = /[.!?]["'”’)\]]*$/.test(text.slice(Math.max(span.start, span.end - 4), span.end));
    if (!stop && capital / wordCount(text, span.start, span.end) >= 0.75) headline[s] = 1;
  }
  return { headline, caps };
}
