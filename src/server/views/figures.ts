/** Figures and checks as the API shows them: ids, evidence in context, checks that touch them. */
import type { CountRef as DomainCountRef, Figure } from '../../pipeline/3-reconcile/types.js';
import type { CheckRow, FigureRow } from '../../pipeline/run/record.js';
import type { CheckView, CountRef, FigureDetail, FigureSummary, Mention } from '../api-types.js';
import { figureId } from '../records.js';
import type { RecordSource } from '../records.js';
import type { ReviewIndex } from './reviews.js';
import { statusOf } from './reviews.js';
import { formatRange } from '../api/format.js';
import { valuePhrase } from '../../pipeline/3-reconcile/figures/wording.js';

export { isShown } from '../../pipeline/3-reconcile/figures/figures.js';

/** The measures listed unless population and other counts are asked for (those `isShown` keeps). */
export { CASUALTY_MEASURES as SHOWN_MEASURES } from '../../domain/types.js';

/** A count reference without reconciliation's internals. */
export function countRef(c: DomainCountRef): CountRef {
  return { doc: c.doc, index: c.index, count: c.count };
}

/** A stored figure in a listing, with its first `maxValues` values (they are ranked by independent support). */
export function figureSummary(f: FigureRow, maxValues = Infinity, maxReports = Infinity): FigureSummary {
  return {
    id: f.id, key: f.key, eventLabel: f.eventLabel, verdict: f.verdict, valueCount: f.valueCount ?? f.values.length,
    values: f.values.slice(0, maxValues).map((v) => {
      // Worded by the one range formatter every screen and export uses, whatever the stored record says.
      const label = formatRange(v);
      return {
        min: v.min, max: v.max, label, approximate: v.approximate, attributions: v.attributions, unattributed: v.unattributed, kinds: v.kinds,
        reports: v.reports.length > maxReports ? v.reports.slice(0, maxReports) : v.reports, reportCount: v.reportCount ?? v.reports.length, independent: v.independent,
        compatibleWith: v.compatibleWith, phrase: phraseOf(v, label, f.key), mentions: v.mentions,
      };
    }),
  };
}

/** "at least 42 killed, according to … (2 reports, 1 independent)": reconciliation's wording, with the shared formatter's words for the value. */
function phraseOf(v: FigureRow['values'][number], label: string, key: FigureRow['key']): string {
  return valuePhrase({ ...v, label, counts: [], reportCount: v.reportCount ?? v.reports.length }, key);
}

/** A whole figure (its values with their counts) as stored. */
export function figureRowOf(f: Figure): FigureRow {
  return { ...f, id: figureId(f.key), values: f.values.map(({ counts, ...v }) => ({ ...v, mentions: counts.length })) };
}

/** A stored check as the API shows it. */
export function checkView(c: CheckRow): CheckView {
  return { kind: c.kind, status: c.status, event: c.event, measure: c.measure, reason: c.reason, counts: c.counts.map(countRef), spans: c.spans, figureIds: c.figureIds };
}

/** What a mention needs besides its count. */
export interface MentionContext {
  labels: Readonly<Record<string, Mention['document']>>;
  groupOf: ReadonlyMap<string, string>;
  texts: ReadonlyMap<string, string>;
  reviews: ReviewIndex;
}

/** One mention in its sentence. */
export function mention(c: DomainCountRef, m: MentionContext): Mention {
  const s = c.count.sentence;
  return {
    document: m.labels[c.doc] ?? { id: c.doc, name: c.doc, title: null, publisher: null, published: null },
    sourceGroup: m.groupOf.get(c.doc) ?? c.doc, count: c.count,
    status: statusOf(m.reviews.forCount(c.doc, c.count)),
    sentence: { span: s, text: m.texts.get(c.doc)?.slice(s.start, s.end) ?? '' },
    highlight: { start: Math.max(0, c.count.span.start - s.start), end: Math.max(0, c.count.span.end - s.start) },
  };
}

/** A figure with the first `perValue` mentions of each value in context, and the checks touching it. */
export function figureDetail(f: FigureRow, builtAt: string, evidence: readonly DomainCountRef[][], checks: readonly CheckRow[], m: MentionContext): FigureDetail {
  const summary = figureSummary(f);
  return {
    builtAt, id: f.id, key: f.key, eventLabel: f.eventLabel, verdict: f.verdict,
    values: summary.values.map((v, i) => ({ ...v, evidence: (evidence[i] ?? []).map((c) => mention(c, m)) })),
    checks: checks.map(checkView),
  };
}

/** Loads what `figureDetail` needs for some figures from the record's rows, texts and reviews. */
export async function loadDetails(records: RecordSource, figures: readonly FigureRow[], perValue: number, load: {
  texts: (ids: Iterable<string>) => Promise<Map<string, string>>;
  reviews: () => Promise<ReviewIndex>;
  builtAt: string;
}): Promise<FigureDetail[]> {
  const evidence = await records.evidence(figures, Number.isFinite(perValue) ? perValue : undefined);
  const checks = await Promise.all(figures.map((f) => records.checksOf(f.id)));
  const m = await mentionContext(records, evidence.flat(2), { texts: load.texts, reviews: await load.reviews() });
  return figures.map((f, i) => figureDetail(f, load.builtAt, evidence[i]!, checks[i]!, m));
}

/** What the mentions of some counts need: their reports' labels, source groups and texts. */
export async function mentionContext(records: RecordSource, counts: readonly DomainCountRef[], load: {
  texts: (ids: Iterable<string>) => Promise<Map<string, string>>;
  reviews: ReviewIndex;
}): Promise<MentionContext> {
  const docs = new Set(counts.map((c) => c.doc));
  const [texts, labels] = await Promise.all([load.texts(docs), records.labels(docs)]);
  const groupOf = new Map<string, string>();
  for (const d of docs) groupOf.set(d, (await records.groupOf(d)) ?? d);
  return { labels, groupOf, texts, reviews: load.reviews };
}
