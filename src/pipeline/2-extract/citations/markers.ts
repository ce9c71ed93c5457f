/** Footnote markers in a report's body: "[1]", "^[3]", "[\[1\]](#)", "[^note]", "¹²", and "(1)" beside notes. */
import type { Span } from '../../../domain/types.js';
import { fromSuperscript } from './notes.js';

/** A marker as found: its label and where it stands. */
export interface FoundMarker {
  label: string;
  span: Span;
}

// One alternative per way of writing a marker; every quantifier is bounded, so no input makes it backtrack far.
//  1. Markdown link around a number, escaped or not: "[\[1\]](#)", "[1](#cite-1)", "[[2]](https://…)"
//  2. A bracketed number or list, with an optional caret: "[1]", "^[3]", "[1, 2]", "[4–6]"
//  3. A Markdown footnote reference: "[^note]"
//  4. Superscript digits: "¹²"
//  5. A parenthesised number: "(1)"
const MARKER = /\[\\?\[?(\d{1,3})\\?\]?\]\([^()\s]{0,300}\)|\^?\[(\d{1,3}(?:[ \t]*[,–-][ \t]*\d{1,3}){0,10})\]|\[\^([\w-]{1,20})\](?!:)|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\((\d{1,3})\)/g;
const LETTERS_BEFORE = /[\p{L}]{1,3}$/u;
// Units that take a superscript power: "km²", "m³".
const UNITS = new Set(['m', 'km', 'cm', 'mm', 'ft', 'in', 'mi', 'yd', 'sq']);

/** The numbers of a list or range: "1, 2" → 1, 2; "4–6" → 4, 5, 6 (ranges of up to 20). */
function expand(list: string): string[] {
  const out: string[] = [];
  for (const part of list.split(/[ \t]*,[ \t]*/)) {
    const [a, b] = part.split(/[ \t]*[–-][ \t]*/).map(Number);
    if (b !== undefined && b > a! && b - a! <= 20) for (let n = a!; n <= b; n++) out.push(String(n));
    else out.push(String(a));
  }
  return out;
}

/** True when only spaces stand between the line start and `at`: there "[1]" labels a note, it marks nothing. */
function atLineStart(text: string, at: number): boolean {
  let p = at - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
  return p < 0 || text[p] === '\n';
}

/**
 * Every marker in `[0, end)`. `(N)` counts only when `withParens` (the report has notes) and N labels an entry;
 * a superscript after a digit or a unit ("10²", "km²") is a power, not a marker.
 */
export function findMarkers(text: string, end: number, labels: ReadonlySet<string>, withParens: boolean): FoundMarker[] {
  const out: FoundMarker[] = [];
  const body = end === text.length ? text : text.slice(0, end);
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(body); m; m = MARKER.exec(body)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (atLineStart(text, m.index)) continue;
    if (m[1] !== undefined) out.push({ label: m[1], span });
    else if (m[2] !== undefined) {
      const numbers = expand(m[2]);
      for (const label of numbers) out.push({ label, span });
    } else if (m[3] !== undefined) out.push({ label: m[3], span });
    else if (m[4] !== undefined) {
      const before = text[m.index - 1] ?? ' ';
      const unit = LETTERS_BEFORE.exec(text.slice(Math.max(0, m.index - 4), m.index))?.[0];
      if (/\d/.test(before) || (unit !== undefined && UNITS.has(unit.toLowerCase()) && !/\p{L}/u.test(text[m.index - unit.length - 1] ?? ' '))) continue;
      out.push({ label: fromSuperscript(m[4]), span });
    } else if (withParens && labels.has(m[5]!)) {
      // "(1)" right after a word or a stop; not "(1)" opening a list item, not "(1)2" in a formula.
      const prev = text.slice(Math.max(0, m.index - 2), m.index);
      if (/[\p{L}.,;:!?”"')\]]\s?$/u.test(prev) && !/\d/.test(text[span.end] ?? '')) out.push({ label: m[5]!, span });
    }
  }
  return out;
}
