/** A scorer for our own annotated fixtures, by the rules of ../shared/gold/SCHEMA.md (span overlap, one-to-one). */
import type { Count, DateMention } from '../../src/domain/types.js';

const SCORED = new Set(['killed', 'injured', 'captured', 'missing', 'displaced', 'returned', 'orphaned', 'casualties']);

/** One annotated count or date, as in expected.json. */
export interface Gold {
  measure?: string; group?: string; unit?: string; min?: number | null; max?: number | null;
  value?: string; attribution?: string[] | string | null; evidence: string; optional?: boolean;
}

/** F1 of predictions against gold items, with `fits` deciding a match. */
function f1<G extends Gold, P>(text: string, gold: G[], preds: P[], spanOf: (p: P) => { start: number; end: number }, fits: (g: G, p: P) => boolean) {
  const used = new Set<number>();
  let tp = 0;
  let fn = 0;
  for (const g of gold) {
    const start = text.indexOf(g.evidence);
    if (start < 0) throw new Error(`evidence not found: ${g.evidence}`);
    const at = { start, end: start + g.evidence.length };
    const i = preds.findIndex((p, j) => !used.has(j) && spanOf(p).start < at.end && at.start < spanOf(p).end && fits(g, p));
    if (i >= 0) { used.add(i); tp++; } else if (!g.optional) fn++;
  }
  return { tp, fp: preds.length - used.size, fn };
}

/** Counts and dates scores for one document. */
export function scoreDocument(text: string, gold: { counts: Gold[]; dates: Gold[] }, pred: { counts: Count[]; dates: DateMention[] }) {
  const counts = f1(text, gold.counts.filter((g) => SCORED.has(g.measure!)), pred.counts.filter((p) => SCORED.has(p.measure)), (p) => p.span,
    (g, p) => g.measure === p.measure && (g.group ?? 'all') === p.group && (g.unit ?? 'people') === p.unit && (g.min ?? null) === p.min && (g.max ?? null) === p.max);
  const dates = f1(text, gold.dates, pred.dates, (p) => p.span, (g, p) => g.value!.replace(/[~?%]/g, '') === p.value.replace(/[~?%]/g, ''));
  return { counts, dates };
}

/** F1 from summed true positives, false positives and false negatives. */
export function f1Of(t: { tp: number; fp: number; fn: number }): number {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0;
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
