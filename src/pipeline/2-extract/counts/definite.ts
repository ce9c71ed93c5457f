/** Counts named again as "the N": they count what the report's earlier count of N did. */
import type { Count } from '../../../domain/types.js';

// "Of the 57 people we identified", "among the 40 we spoke to": the definite article before the number.
const DEFINITE = /\b(?:the|those|these)\s+$/i;

/**
 * "Our monitors documented 57 people killed. … Of the 57 people we identified by name, 16 were
 * women": a count with no measure of its own, named with "the", that repeats an earlier count's
 * number in the same report takes that count's measure, and so do its parts. Changes `counts`.
 */
export function resolveDefinite(text: string, counts: Count[]): void {
  counts.forEach((c, i) => {
    if (c.measure !== 'other' || c.min === null || !DEFINITE.test(text.slice(Math.max(0, c.span.start - 8), c.span.start))) return;
    for (let j = i - 1; j >= 0; j--) {
      const e = counts[j]!;
      if (e.min !== c.min || e.max !== c.max || e.unit !== c.unit || e.measure === 'other' || e.measure === 'population') continue;
      c.measure = e.measure;
      for (const p of counts) if (p.partOf === i && p.measure === 'other') p.measure = e.measure;
      return;
    }
  });
}
