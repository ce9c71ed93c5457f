/** Joins capitalised words into name-sized runs: "Ministry of Foreign Affairs", "Dr. Jana Novak", "Anton de Vries". */
import { COUNTRIES } from './countries.js';
import { F, HEAD } from './flags.js';
import type { Word } from './words.js';

/** Consecutive capitalised words of one sentence, read as one name candidate. */
export type Run = Word[];

/** Longest run kept whole; a longer stretch of capitals is a headline or noise, cut into pieces. */
export const MAX_RUN = 12;

// Lower-case particles inside personal names: "Anton de Vries", "Ludwig van Beethoven".
const PARTICLES = new Set([' de ', ' van ', ' von ', ' der ', ' den ', ' ter ', ' da ', ' di ', ' du ', ' la ', ' le ', ' dos ', ' das ', ' bin ', ' ibn ']);

/** True when some word of the run so far is an organisation or place head ("Ministry", "Republic"). */
function hasHead(run: Run, orgOnly: boolean): boolean {
  const bits = orgOnly ? F.ORG : HEAD;
  for (const w of run) if (w.flags & bits) return true;
  return false;
}

/** True when the run so far was joined with "of" or "for" ("Organization for Security" + "and Co-operation"). */
function hasConnector(text: string, run: Run): boolean {
  for (let i = 1; i < run.length; i++) if (run[i]!.start - run[i - 1]!.tail > 2) return true;
  return false;
}

/** Whether `b` continues the run ending in `a`, given the text between them. */
function joins(text: string, run: Run, a: Word, b: Word): boolean {
  if (a.sentence !== b.sentence || a.possessive && !(b.flags & HEAD)) return false;
  const gap = text.slice(a.tail, b.start);
  if (gap === ' ' || gap === '\u00a0') return true;
  // "Mr. Novak", "St. Petersburg", "J. Smith"
  if (gap === '. ' && (a.flags & F.DOTTED_TITLE || a.text.length === 1)) return true;
  if (PARTICLES.has(gap)) return true;
  // "Ministry of Justice", "Republic of the Congo", "Center for Eurasian Studies"
  if (gap === ' of ' || gap === ' of the ') return hasHead(run, false);
  if (gap === ' for ' || gap === ' for the ') return hasHead(run, true);
  // "Organization for Security and Co-operation", "Bosnia and Herzegovina"
  if (gap === ' and ') return (hasConnector(text, run) && hasHead(run, true)) || COUNTRIES.has(`${a.text} and ${b.text}`);
  return false;
}

/** Groups the words (in text order) into runs; months, weekdays and "I" separate runs and are dropped. */
export function buildRuns(text: string, words: readonly Word[]): Run[] {
  const runs: Run[] = [];
  let run: Run = [];
  for (const w of words) {
    if (w.flags & F.NEVER) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    const last = run[run.length - 1];
    if (last && run.length < MAX_RUN && joins(text, run, last, w)) run.push(w);
    else {
      if (run.length) runs.push(run);
      run = [w];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}
