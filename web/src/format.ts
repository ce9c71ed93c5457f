/** How values are written on screen. */
import { formatRangeWithUnit } from '../../src/server/api/format.ts';
import type { Count, DocumentLabel, FigureKey } from './types.ts';

export { formatRange, formatTimestamp } from '../../src/server/api/format.ts';

/** A count's value as the reading table reads it back, with its unit when not people: "at least 42", "8 families". */
export function countValue(c: Pick<Count, 'min' | 'max' | 'approximate'> & { unit?: string }): string {
  return formatRangeWithUnit(c);
}

/** "killed · women · people", leaving out the defaults. */
export function figureTitle(key: FigureKey): string {
  const parts: string[] = [key.measure];
  if (key.group !== 'all') parts.push(key.group.replace(/\+/g, ' and '));
  if (key.unit !== 'people') parts.push(key.unit);
  return parts.join(' · ');
}

/** A report's name for lists: its title, or its file name. */
export function docTitle(l: DocumentLabel | undefined, id: string): string {
  return l?.title || l?.name || id;
}

/** "Publisher, 2024-02-26". */
export function docByline(l: DocumentLabel | undefined): string {
  return [l?.publisher, l?.published].filter(Boolean).join(', ');
}

export { plural } from '../../src/server/api/format.ts';

/** Only http(s) addresses become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}
