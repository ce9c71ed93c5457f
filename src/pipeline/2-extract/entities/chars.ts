/** Character tests on the hot paths: ASCII is decided by code, anything else by a Unicode property. */

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const LOWER = /\p{Ll}/u;

/** True for a code in Latin-1 punctuation (no-break space to ¿) or General Punctuation (dashes, curly quotes). */
function punctuation(c: number): boolean {
  return (c >= 0xa0 && c <= 0xbf && c !== 0xaa && c !== 0xb5 && c !== 0xba) || (c >= 0x2000 && c <= 0x206f);
}

/** True for a letter, combining mark or digit at `i`. */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Curly quotes, dashes and other general punctuation are common in reports and never letters.
  if (punctuation(c)) return false;
  return !Number.isNaN(c) && LETTER.test(text[i]!);
}

/** True for a lower-case letter at `i`. */
export function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  if (punctuation(c)) return false;
  return !Number.isNaN(c) && LOWER.test(text[i]!);
}

/** End of the run of lower-case letters starting at `i` (equal to `i` when there is none). */
export function lowerWordEnd(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && isLowerAt(text, j)) j++;
  return j;
}
