/** Filters kept in the address (`?measure=killed&kind=official`), so a link or a reload restores them. */
import { navigate } from './router.tsx';
import type { FigureValueSummary, Mention } from './types.ts';
import type { AttributionClass } from './charts/scale.ts';

/** Sets (or, given '' or null, removes) query parameters of the current address, without a new history entry. */
export function setQuery(changes: Record<string, string | null>): void {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  navigate(`${location.pathname}${s ? `?${s}` : ''}`, true);
}

/** True when the value has a mention of the attribution class: official or unofficial data, a named source, or none named. */
export function valueHasClass(v: FigureValueSummary, k: AttributionClass): boolean {
  switch (k) {
    case 'official': case 'unofficial': return v.kinds.includes(k);
    case 'named': return v.attributions.length > 0;
    case 'unattributed': return v.unattributed > 0;
  }
}

/** The classes a filter may name, in the order they are offered. */
export const CLASSES: AttributionClass[] = ['official', 'unofficial', 'named', 'unattributed'];

/** Reads a class from the address; anything else is no filter. */
export function classParam(s: string | null): AttributionClass | null {
  return CLASSES.includes(s as AttributionClass) ? (s as AttributionClass) : null;
}

/** A report passes the publisher and date filters (its date an EDTF prefix, compared as text within from–to). */
export function labelPasses(l: Pick<Mention['document'], 'publisher' | 'published'> | undefined, f: { publisher: string | null; from: string | null; to: string | null }): boolean {
  if (f.publisher !== null && (l?.publisher ?? '') !== f.publisher) return false;
  const day = l?.published?.slice(0, 10) ?? null;
  if ((f.from || f.to) && day === null) return false;
  if (f.from && day! < f.from.slice(0, day!.length)) return false;
  if (f.to && day! > f.to.slice(0, day!.length)) return false;
  return true;
}

/** A mention passes the figure page's filters: its report's publisher, and its report's date within from–to (EDTF prefixes compare as text). */
export function mentionPasses(m: Mention, f: { publisher: string | null; from: string | null; to: string | null }): boolean {
  if (f.publisher !== null && (m.document.publisher ?? '') !== f.publisher) return false;
  const day = m.document.published?.slice(0, 10) ?? null;
  if ((f.from || f.to) && day === null) return false;
  if (f.from && day! < f.from.slice(0, day!.length)) return false;
  if (f.to && day! > f.to.slice(0, day!.length)) return false;
  return true;
}
