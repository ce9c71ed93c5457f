/** Neutral wording of figure values: the same template for every value, whoever states it. */
import type { DataKind, FigureKey, FigureValue } from '../types.js';

const VERBS: Record<string, string> = {
  killed: 'killed',
  injured: 'injured',
  captured: 'captured',
  missing: 'missing',
  displaced: 'displaced',
  returned: 'returned',
  orphaned: 'orphaned',
  population: 'in the population',
  other: 'counted',
};

/** "women+children" → "women and children". */
function groupWords(group: string): string {
  const parts = group.split('+');
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A number with its group only, for sums: "106 women", "40 families", "613". */
export function groupPhrase(label: string, key: Pick<FigureKey, 'group' | 'unit'>): string {
  const who = [key.group === 'all' ? '' : groupWords(key.group), key.unit === 'families' ? 'families' : ''].filter((w) => w !== '');
  return [label, ...who].join(' ');
}

/** A number with what it counts: "613 killed", "106 women killed", "40 families displaced", "1,300 casualties". */
export function measurePhrase(label: string, key: Pick<FigureKey, 'measure' | 'group' | 'unit'>): string {
  const who = [key.group === 'all' ? '' : groupWords(key.group), key.unit === 'families' ? 'families' : ''].filter((w) => w !== '');
  if (key.measure === 'casualties') return [label, ...who, 'casualties'].join(' ');
  return [label, ...who, VERBS[key.measure] ?? key.measure].join(' ');
}

/** The words of a scope: "a subset of the whole", "in the north district". */
function scopeWords(scope: string): string {
  return scope === 'part' ? 'a subset of the whole' : scope;
}

/** What a figure counts: "killed", "orphaned · children · lost both parents", "injured · a subset of the whole". */
export function figureName(key: Pick<FigureKey, 'measure' | 'group' | 'unit' | 'qualifier' | 'scope'>): string {
  const parts: string[] = [key.measure];
  if (key.group !== 'all') parts.push(groupWords(key.group));
  if (key.unit === 'families') parts.push('families');
  if (key.qualifier !== undefined) parts.push(key.qualifier);
  if (key.scope !== undefined) parts.push(scopeWords(key.scope));
  return parts.join(' · ');
}

/** "2 reports, 1 independent". */
export function supportPhrase(value: Pick<FigureValue, 'reports' | 'independent'> & { reportCount?: number }): string {
  // A listing's value may carry only its first report ids, and how many there are.
  const n = value.reportCount ?? value.reports.length;
  return `${n} report${n === 1 ? '' : 's'}, ${value.independent} independent`;
}

/** "613 killed, according to official data (4 reports, 2 independent)"; "25 children orphaned (lost both parents), …". */
export function valuePhrase(value: FigureValue & { reportCount?: number }, key: FigureKey): string {
  const sources = value.attributions;
  let by: string;
  if (sources.length === 0) by = 'without attribution';
  else if (value.unattributed > 0) by = `according to ${joinList(sources)} and without attribution`;
  else by = `according to ${joinList(sources)}`;
  const what = [key.qualifier, key.scope === undefined ? undefined : scopeWords(key.scope)].filter((w) => w !== undefined);
  const counted = what.length ? `${measurePhrase(value.label, key)} (${what.join('; ')})` : measurePhrase(value.label, key);
  return `${counted}, ${by} (${supportPhrase(value)})`;
}

/** Official, unofficial, neither, or both among a value's counts. */
export type Standing = DataKind | 'mixed';

/** The standing of a value from the kinds of its counts. */
export function standingOf(v: Pick<FigureValue, 'kinds'>): Standing {
  const o = v.kinds.includes('official');
  const u = v.kinds.includes('unofficial');
  return o && u ? 'mixed' : o ? 'official' : u ? 'unofficial' : 'none';
}

/** A standing in words, as the reports draw the line. */
export const STANDING_WORDS: Record<Standing, string> = {
  official: 'official data',
  unofficial: 'unofficial data',
  none: 'not labelled official or unofficial',
  mixed: 'both official and unofficial data',
};

/** Most attributions a clause names; the rest are counted. */
const NAMED = 2;

/** Who gives a value: "official data; the regional health department", "local volunteers", "no attribution". */
function whoPhrase(v: Pick<FigureValue, 'kinds' | 'attributions'>): string {
  const s = standingOf(v);
  const words = s === 'none' ? [] : [STANDING_WORDS[s]];
  // "according to the official data" names no one beyond the standing itself.
  const named = v.attributions.filter((a) => a.toLowerCase().replace(/^the\s+/, '') !== STANDING_WORDS[s]);
  if (named.length) {
    const rest = named.length - NAMED;
    words.push(named.slice(0, NAMED).join(', ') + (rest > 0 ? ` and ${rest} other${rest === 1 ? '' : 's'}` : ''));
  }
  return words.length ? words.join('; ') : 'no attribution';
}

/** "3 independent sources in 4 reports", "1 independent source". */
export function sourcesPhrase(v: Pick<FigureValue, 'reports' | 'independent'>): string {
  const n = v.independent;
  const r = v.reports.length;
  return `${n} independent source${n === 1 ? '' : 's'}${r === n ? '' : ` in ${r} report${r === 1 ? '' : 's'}`}`;
}

/** Most values a list of clauses spells out; the rest are counted. */
const CLAUSES = 5;

/**
 * Each value with who gives it, the first in full and the rest short, in rank order:
 * "3 independent sources in 4 reports give 613 (official data); 1 gives 1,300 (unofficial data)".
 * The one wording of a verdict's values, whoever states them.
 */
export function supportClauses(values: ReadonlyArray<Pick<FigureValue, 'label' | 'reports' | 'independent' | 'kinds' | 'attributions'>>): string {
  const parts = values.slice(0, CLAUSES).map((v, i) => {
    const n = v.independent;
    const r = v.reports.length;
    const who = i === 0 ? sourcesPhrase(v) : `${n}${r === n ? '' : ` in ${r} report${r === 1 ? '' : 's'}`}`;
    return `${who} give${n === 1 ? 's' : ''} ${v.label} (${whoPhrase(v)})`;
  });
  const rest = values.length - CLAUSES;
  return parts.join('; ') + (rest > 0 ? `; and ${rest} more value${rest === 1 ? '' : 's'}` : '');
}
