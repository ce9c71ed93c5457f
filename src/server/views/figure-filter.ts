/**
 * The figure listing's filters on who states a value and which reports do: the same reading as
 * the web app's filter bar (web/src/filters.ts), applied at the server so that a page of
 * figures is a page of those that pass, not a page filtered afterwards.
 */
import type { FigureRow } from '../../pipeline/run/record.js';
import type { DocumentLabels } from '../api-types.js';
import type { ATTRIBUTION_CLASSES } from '../schemas/common.js';

/** Who states a value: official or unofficial data, a named source, or no one named. */
export type AttributionClass = (typeof ATTRIBUTION_CLASSES)[number];

/** The filters a listing may carry; absent ones do not filter. */
export interface ValueFilter {
  kind?: AttributionClass;
  publisher?: string;
  /** Report dates within from–to (EDTF prefixes compared as text). */
  from?: string;
  to?: string;
}

type Value = FigureRow['values'][number];

/** True when any filter is set. */
export function filters(f: ValueFilter): boolean {
  return f.kind !== undefined || byReport(f);
}

/** True when the filter needs the reports' labels. */
export function byReport(f: ValueFilter): boolean {
  return f.publisher !== undefined || f.from !== undefined || f.to !== undefined;
}

/** True when the value has a mention of the class. */
function hasClass(v: Value, k: AttributionClass): boolean {
  switch (k) {
    case 'official': case 'unofficial': return v.kinds.includes(k);
    case 'named': return v.attributions.length > 0;
    case 'unattributed': return v.unattributed > 0;
  }
}

/** True when a report's label passes the publisher and date filters. */
export function reportPasses(l: DocumentLabels[string] | undefined, f: ValueFilter): boolean {
  if (f.publisher !== undefined && (l?.publisher ?? '') !== f.publisher) return false;
  if (f.from === undefined && f.to === undefined) return true;
  const day = l?.published?.slice(0, 10);
  if (!day) return false;
  if (f.from !== undefined && day < f.from.slice(0, day.length)) return false;
  if (f.to !== undefined && day > f.to.slice(0, day.length)) return false;
  return true;
}

/**
 * The figure with only the values that pass (a value stays when one of its reports passes; its
 * support still counts every report), or null when none does. Filtered by report, a value lists
 * its passing reports first, so that the first few a listing gives show why it stays.
 */
export function passing(f: FigureRow, filter: ValueFilter, labels: DocumentLabels): FigureRow | null {
  const values: FigureRow['values'] = [];
  for (const v of f.values) {
    if (filter.kind !== undefined && !hasClass(v, filter.kind)) continue;
    if (!byReport(filter)) { values.push(v); continue; }
    const pass = v.reports.filter((r) => reportPasses(labels[r], filter));
    if (pass.length === 0) continue;
    values.push(pass.length === v.reports.length ? v : { ...v, reports: [...pass, ...v.reports.filter((r) => !reportPasses(labels[r], filter))] });
  }
  return values.length ? { ...f, values } : null;
}
