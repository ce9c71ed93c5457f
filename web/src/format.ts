/** How values are written on screen. */
import type { Count, DocumentLabel, FigureKey } from './types.ts';

const nf = new Intl.NumberFormat('en');

/** "613", "1,000–1,300", "more than 1,000", "at most 50", or "?". */
export function countValue(c: Pick<Count, 'min' | 'max' | 'approximate'>): string {
  const { min, max } = c;
  const about = c.approximate ? 'about ' : '';
  if (min !== null && max !== null) return min === max ? `${about}${nf.format(min)}` : `${nf.format(min)}–${nf.format(max)}`;
  if (min !== null) return `more than ${nf.format(min)}`;
  if (max !== null) return `at most ${nf.format(max)}`;
  return '?';
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

/** A number of things with its noun: "1 report", "2 reports". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

/** Only http(s) addresses become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}
