/** Bare years that name a time: "in 1992", "since 1923", "the 1995 massacre"; not "No.2015" or "2000 people". */

/** Words before a number that make it a reference rather than a year. */
const NOT_AFTER = /(?:\bno\.?|\bnumber|\bresolutions?|\bpages?|\bpp?\.|\barticle|\bchapter|\bsection|\bcode|\blaw|#|\+|\$|€|£|\bflight|\broute|\bunit|\bdecree|\bcommentary|\btel|\bfax|©)\s*$/i;
/** Words after a number that make it a count or a quantity. */
const NOT_BEFORE = /^\s*(?:%|per\s?cent|people|persons|civilians|soldiers|troops|residents|children|women|men|families|refugees|victims|dead|killed|cases|deaths|fatalities|casualties|injured|wounded|missing|displaced|homes|houses|buildings|km|kilomet|miles|metres|meters|tons|tonnes|hectares|dollars|euros|manat|[-–]\d|\.\d|,\d{3}|\/)/i;

/** A bare year: its value and offsets. */
export interface YearHit {
  value: string;
  start: number;
  end: number;
}

/** Finds bare years in `text` that read as times. */
export function bareYears(text: string): YearHit[] {
  const out: YearHit[] = [];
  const re = /(?<![\p{L}\p{N}.,/:-])(1[5-9]\d\d|20\d\d)(?![\p{L}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + 4;
    const before = text.slice(Math.max(0, start - 14), start);
    const after = text.slice(end, end + 12);
    if (NOT_AFTER.test(before) || NOT_BEFORE.test(after)) continue;
    // "Human Rights Watch (1994):" is a citation year, not a time the text speaks of.
    if (/\(\s*$/.test(before) && /^\s*\)\s*:/.test(after)) continue;
    out.push({ value: m[1]!, start, end });
  }
  return out;
}
