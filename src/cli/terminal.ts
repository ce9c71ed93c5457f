/**
 * Text for a terminal. Titles, attributions, quotes and file names come from untrusted reports:
 * an ESC sequence in one can retitle the terminal (`ESC ] 0 ; … BEL`), clear the screen
 * (`ESC [ 2 J`) or hide text, and a carriage return or bidi override can make a line read as
 * something else. Every command prints through `termSafe` (main.ts applies it to each line) and
 * puts single-line fields through `oneLine` first.
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same and tab and newline: for a field that must stay on its line. */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `\u001b` for ESC and so on: visible, and in JSON output (where only DEL, C1 and bidi marks
 * can still occur raw, inside strings) the very escape JSON itself uses, so JSON stays JSON.
 */
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control character a terminal would act on written out as `\uXXXX`; lines and tabs kept. */
export function termSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** A field for one line of output: as `termSafe`, and newlines and tabs escaped too. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escape);
}
