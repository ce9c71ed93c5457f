/** The measure a list's heading names, for list items that state only a number ("Deaths by village:" / "- Sarn: 27"). */
import type { Measure } from '../../../domain/types.js';

// A heading's measure word: "Deaths by village", "Displaced families per district", "Injured:".
const HEADING_WORDS: [RegExp, Measure][] = [
  [/\b(?:deaths|dead|killed|fatalities|death\s+toll)\b/i, 'killed'],
  [/\b(?:injured|wounded|injuries)\b/i, 'injured'],
  [/\b(?:missing|disappeared)\b/i, 'missing'],
  [/\b(?:displaced|refugees|idps|evacuees|evacuated)\b/i, 'displaced'],
  [/\b(?:abducted|detained|hostages|captured|arrested)\b/i, 'captured'],
  [/\b(?:returnees|returned)\b/i, 'returned'],
];
const LIST_ITEM = /^\s*(?:[-•*–]|\d{1,2}[.)])\s+\S/;
// A heading is a short line that introduces the list: it ends with a colon, or has no end punctuation.
const HEADING = /^[^.!?\n]{3,120}(?::|[^.!?:;,\s])\s*$/;

/** Reads sentences in order and tells which measure, if any, a list item inherits from its heading. */
export class ListHeadings {
  private measure: Measure | null = null;

  /** The measure for sentence `s` (null unless it is a list item under a heading that names one). */
  next(s: string): Measure | null {
    // Cheap character tests first: most sentences are prose, ending in a full stop.
    const first = s.charCodeAt(0);
    if ((first === 45 || first === 8226 || first === 42 || first === 8211 || (first >= 48 && first <= 57)) && LIST_ITEM.test(s)) return this.measure;
    if (this.measure !== null) this.measure = null;
    const last = s.charCodeAt(s.length - 1);
    if (last === 46 || last === 33 || last === 63 || s.length > 122 || !HEADING.test(s) || s.includes('\n')) return null;
    for (const [re, m] of HEADING_WORDS) if (re.test(s)) { this.measure = m; break; }
    return null;
  }
}
