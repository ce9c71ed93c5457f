/** Figures and checks as the API shows them: ids, evidence in context, checks that touch them. */
import type { CheckResult, CountRef as DomainCountRef, Figure } from '../../pipeline/3-reconcile/types.js';
import type { CheckView, CountRef, FigureDetail, FigureSummary, Mention } from '../api-types.js';
import { countRefKey, figureId } from '../records.js';
import type { RecordView } from '../records.js';
import type { ReviewIndex } from './reviews.js';
import { statusOf } from './reviews.js';

/** A count reference without reconciliation's internals. */
export function countRef(c: DomainCountRef): CountRef {
  return { doc: c.doc, index: c.index, count: c.count };
}

/** A figure in a listing, with its first `maxValues` values (they are ranked by independent support). */
export function figureSummary(f: Figure, id = figureId(f.key), maxValues = Infinity): FigureSummary {
  return {
    id, key: f.key, eventLabel: f.eventLabel, verdict: f.verdict, valueCount: f.values.length,
    values: f.values.slice(0, maxValues).map(({ counts, ...v }) => ({
      min: v.min, max: v.max, label: v.label, approximate: v.approximate, attributions: v.attributions,
      unattributed: v.unattributed, kinds: v.kinds, reports: v.reports, independent: v.independent,
      compatibleWith: v.compatibleWith, phrase: v.phrase, mentions: counts.length,
    })),
  };
}

/** A check with the figures it touches. */
export function checkView(c: CheckResult, view: RecordView): CheckView {
  const figureIds = [...new Set(c.counts.map((r) => view.figureOfCount.get(countRefKey(r.doc, r.count))).filter((x): x is string => x !== undefined))];
  return { kind: c.kind, status: c.status, event: c.event, measure: c.measure, reason: c.reason, counts: c.counts.map(countRef), spans: c.spans, figureIds };
}

/** One mention in its sentence. */
function mention(c: DomainCountRef, view: RecordView, texts: ReadonlyMap<string, string>, reviews: ReviewIndex): Mention {
  const s = c.count.sentence;
  return {
    document: view.label(c.doc), sourceGroup: view.groupOf(c.doc), count: c.count,
    status: statusOf(reviews.forCount(c.doc, c.count)),
    sentence: { span: s, text: texts.get(c.doc)?.slice(s.start, s.end) ?? '' },
    highlight: { start: Math.max(0, c.count.span.start - s.start), end: Math.max(0, c.count.span.end - s.start) },
  };
}

/** A figure with its mentions in context (the first `perValue` of each value) and the checks touching it. */
export function figureDetail(f: Figure, view: RecordView, texts: ReadonlyMap<string, string>, reviews: ReviewIndex, perValue = Infinity): FigureDetail {
  const id = figureId(f.key);
  const summary = figureSummary(f, id);
  return {
    builtAt: view.record.builtAt, id, key: f.key, eventLabel: f.eventLabel, verdict: f.verdict,
    values: f.values.map((v, i) => ({ ...summary.values[i]!, evidence: v.counts.slice(0, perValue).map((c) => mention(c, view, texts, reviews)) })),
    checks: view.record.checks.map((c) => checkView(c, view)).filter((c) => c.figureIds.includes(id)),
  };
}

/** Report ids the evidence shown comes from (the first `perValue` mentions of each value). */
export function figureDocs(f: Figure, perValue = Infinity): Set<string> {
  return new Set(f.values.flatMap((v) => v.counts.slice(0, perValue).map((c) => c.doc)));
}

/** Casualty figures only, unless `all`: population and other counts are kept but not figures of harm. */
export function isShown(f: Figure, all = false): boolean {
  return all || (f.key.measure !== 'population' && f.key.measure !== 'other');
}
