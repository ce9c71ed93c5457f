/** Neutral wording of figure values: the same template for every value, whoever states it. */
import type { FigureKey, FigureValue } from '../types.js';

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
export function supportPhrase(value: Pick<FigureValue, 'reports' | 'independent'>): string {
  const n = value.reports.length;
  return `${n} report${n === 1 ? '' : 's'}, ${value.independent} independent`;
}

/** "613 killed, according to official data (4 reports, 2 independent)"; "25 children orphaned (lost both parents), …". */
export function valuePhrase(value: FigureValue, key: FigureKey): string {
  const sources = value.attributions;
  let by: string;
  if (sources.length === 0) by = 'without attribution';
  else if (value.unattributed > 0) by = `according to ${joinList(sources)} and without attribution`;
  else by = `according to ${joinList(sources)}`;
  const what = [key.qualifier, key.scope === undefined ? undefined : scopeWords(key.scope)].filter((w) => w !== undefined);
  const counted = what.length ? `${measurePhrase(value.label, key)} (${what.join('; ')})` : measurePhrase(value.label, key);
  return `${counted}, ${by} (${supportPhrase(value)})`;
}
