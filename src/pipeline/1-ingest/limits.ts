/** The limits on what one report may cost after its bytes are read: characters of text and seconds. */
import { AppError } from '../../domain/errors.js';
import { formatNumber } from '../3-reconcile/figures/ranges.js';

/** Characters of text a report may have after decoding or extraction when none is given: 20 million. */
export const DEFAULT_MAX_TEXT = 20_000_000;
/** Seconds one file may take to read (PDF pages) when none is given. */
export const DEFAULT_MAX_SECONDS = 120;

/** "88.0 M", "950 k", "312": character counts as a person reads them. */
function chars(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)} k`;
  return String(n);
}

/** Refuses a text longer than `maxText`, saying how long it is (`atLeast`: reading stopped there) and where it came from. */
export function checkTextLength(path: string, length: number, maxText: number, from: string, atLeast = false): void {
  if (length <= maxText) return;
  // "20.0 M characters, over the 20.0 M limit" reads as no reason: just past it, say the exact numbers.
  const [n, limit] = chars(length) === chars(maxText) ? [formatNumber(length), formatNumber(maxText)] : [chars(length), chars(maxText)];
  throw new AppError('E_TOO_LARGE', `${path}: the text is ${atLeast ? 'over ' : ''}${n} characters after ${from}, over the ${limit}-character limit (--max-text)`,
    { details: { path, length, maxText } });
}

/** Refuses to go on once `deadline` (a `performance.now()` time) has passed. */
export function checkDeadline(path: string, deadline: number | undefined, seconds: number | undefined, doing: string): void {
  if (deadline === undefined || performance.now() <= deadline) return;
  throw new AppError('E_TOO_LARGE', `${path}: ${doing} took longer than ${seconds ?? '?'} s (--max-seconds)`, { details: { path, seconds } });
}
