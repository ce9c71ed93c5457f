/**
 * Key-figure blocks and infoboxes, where a label and its value stand on separate tokens or lines:
 * "Deaths: 17 total", "Fatalities: 6 direct", "Casualties\n40 killed", "2.1 million\nPeople
 * internally displaced". The label names the measure; the value keeps its own span.
 */
import type { Measure } from '../../../domain/types.js';

// A label's measure word ("Non-fatal injuries", "Civilians reported killed", "People internally displaced").
const LABEL_WORDS: [RegExp, Measure][] = [
  [/\b(?:injured|wounded|injuries|injury|hurt)\b/i, 'injured'],
  [/\b(?:deaths|dead|killed|fatalities|death\s+toll|died)\b/i, 'killed'],
  [/\b(?:missing|disappeared|unaccounted)\b/i, 'missing'],
  [/\b(?:displaced|refugees|idps|evacuees|evacuated|homeless|displacement)\b/i, 'displaced'],
  [/\b(?:abducted|detained|hostages|captured|arrested|kidnapped)\b/i, 'captured'],
  [/\b(?:casualties)\b/i, 'casualties'],
];

/** The measure a label names, or null. */
export function labelMeasure(label: string): Measure | null {
  for (const [re, m] of LABEL_WORDS) if (re.test(label)) return m;
  return null;
}

// "Deaths: 22", "Non-fatal injuries: 4[1]": a short label without digits, then a colon, on its own line.
const LABEL_LINE = /^\s*([\p{L}][\p{L} '’()/-]{1,40}?)\s*:\s*(?=\S)/u;
// A line that is only a value: "4 – 9", "2.1 million", "~120", "at least 17" (not a section number "2.").
const VALUE_LINE = /^\s*(?:(?:about|around|some|over|more than|at least|nearly|almost|up to|approximately|est\.?)\s+|[~≈>]\s*)?\d(?:[\d.,]*\d)?(?:\s*[-–—]\s*\d(?:[\d.,]*\d)?)?\+?(?:\s*(?:million|thousand|billion|hundred))?(?:\s*\[\d{1,3}\])*\s*$/i;
// A label on its own line: short, no digits, no end punctuation ("Civilians reported killed").
const BARE_LABEL = /^\s*[\p{L}][\p{L} '’()/-]{2,60}$/u;

/** What a sentence takes from a label: the measure, and the offset (in the sentence) after which it applies. */
export interface LineLabel {
  measure: Measure;
  after: number;
}

/**
 * Reads sentences in order and tells which label, if any, speaks for the numbers of each.
 * A "Label: value" line, the lines right after it that open with a number ("485 (per the
 * parliament)"), a value line under a bare label, and a value line over one.
 */
export class LineLabels {
  private current: Measure | null = null;
  private previous = '';

  next(s: string, following: string | undefined): LineLabel | null {
    const prev = this.previous;
    this.previous = s;
    if (s.length > 240) { this.current = null; return null; }
    // A label's colon stands within its first few words: most sentences are spared the pattern.
    const colon = s.indexOf(':');
    const m = colon > 0 && colon <= 48 ? LABEL_LINE.exec(s) : null;
    if (m) {
      this.current = labelMeasure(m[1]!);
      return this.current ? { measure: this.current, after: m[0].length } : null;
    }
    const first = s.charCodeAt(/^\s*/.exec(s)![0].length);
    const startsWithDigit = first >= 48 && first <= 57;
    // "485 (per Azerbaijani parliament)" under "Fatalities: 200+": the label goes on.
    if (this.current && startsWithDigit && s.length <= 120 && !/[.!?]\s*$/.test(s)) return { measure: this.current, after: 0 };
    this.current = null;
    if (!VALUE_LINE.test(s)) return null;
    // "Civilians reported killed\n4 – 9", "2.1 million\nPeople internally displaced"
    const label = [prev, following ?? ''].find((l) => l.length <= 60 && BARE_LABEL.test(l) && labelMeasure(l));
    return label ? { measure: labelMeasure(label)!, after: 0 } : null;
  }
}
