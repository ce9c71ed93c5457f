/** A printable HTML report of the whole record; every piece of document text is escaped. */
import { createHash } from 'node:crypto';
import type { Figure, TimelineEntry } from '../../pipeline/3-reconcile/types.js';
import type { CheckRow, EventRow, FigureRow } from '../../pipeline/run/record.js';
import type { DocumentSummary, Review } from '../../storage/store.js';
import type { DocumentLabel, DocumentLabels } from '../api-types.js';
import { figureId } from '../records.js';
import { isShown } from '../views/figures.js';
import { formatRangeWithUnit, formatTimestamp, plural } from '../api/format.js';
import { escapeHtml as e, markSpan } from './html.js';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#111}
h1,h2,h3{line-height:1.2}h2{border-bottom:1px solid #999;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .4em;vertical-align:top;text-align:left}
mark{background:#ffe58a}.muted{color:#555}.problem{color:#a00}.mono{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #ccc}@media print{h2{break-before:page}}`;

/** The Content-Security-Policy of the report: no scripts, no loads, only its own stylesheet. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/**
 * Where the report reads the record: a page at a time, so that printing a large archive holds
 * one page of figures (with their reports' texts) in memory, never the whole record.
 */
export interface ReportSource {
  builtAt: string;
  /** Current reports. */
  documents: number;
  reviews: readonly Review[];
  events(): Promise<EventRow[]>;
  /** The shown figures of one event, a page at a time (values, no evidence). */
  eventFigures(event: string): AsyncIterable<FigureRow[]>;
  /** Every figure with its evidence, a page at a time. */
  figures(): AsyncIterable<Figure[]>;
  checks(): AsyncIterable<CheckRow[]>;
  timeline(): AsyncIterable<TimelineEntry[]>;
  /** Source groups (reports, first the group's id), a page at a time. */
  groups(): AsyncIterable<string[][]>;
  reports(): AsyncIterable<DocumentSummary[]>;
  labels(ids: Iterable<string>): Promise<DocumentLabels>;
  groupOf(ids: Iterable<string>): Promise<ReadonlyMap<string, string>>;
  texts(ids: Iterable<string>): Promise<ReadonlyMap<string, string>>;
}

/** Names a report by its curated label. */
type Labeler = (id: string) => DocumentLabel;

const labeler = (labels: DocumentLabels): Labeler => (id) => labels[id] ?? { id, name: id, title: null, publisher: null, published: null };

const label = (of: Labeler, id: string) => {
  const l = of(id);
  return `${e(l.title ?? l.name)}${l.publisher ? `, ${e(l.publisher)}` : ''}${l.published ? ` (${e(l.published)})` : ''}`;
};

/** "killed / all", "returned / all / families": the unit is named unless people are counted. */
function figureName(f: Pick<Figure, 'key'>): string {
  return `${f.key.measure} / ${f.key.group}${f.key.unit === 'families' ? ' / families' : ''}`;
}

/** A review's item in words: `count:120-135:killed` → "count “killed” at characters 120–135". */
export function reviewItem(key: string): string {
  const m = /^(count|date):(\d+)-(\d+):(.*)$/.exec(key);
  if (!m) return key;
  return m[1] === 'count' ? `count “${m[4]}” at characters ${m[2]}–${m[3]}` : `date ${m[4]} at characters ${m[2]}–${m[3]}`;
}

/** A correction in words: "6 killed (children)", "2021-06-17". */
export function correctionWords(c: Review['corrected']): string {
  if (!c) return '';
  if ('value' in c) return c.value;
  const parts: string[] = [];
  if (c.min !== undefined || c.max !== undefined) parts.push(formatRangeWithUnit({ min: c.min ?? null, max: c.max ?? null, approximate: c.approximate, unit: c.unit }));
  if (c.measure) parts.push(c.measure);
  if (c.group && c.group !== 'all') parts.push(`(${c.group})`);
  return parts.join(' ');
}

/** One figure: its values and the evidence behind each. */
function figure(f: Figure, of: Labeler, groupOf: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string>): string {
  const verdict = f.verdict.status !== 'diverging' ? f.verdict.status : `diverging (${f.verdict.kind})`;
  const values = f.values.map((v) => {
    const evidence = v.counts.map((c) => {
      const text = texts.get(c.doc) ?? '';
      const s = c.count.sentence;
      const sentence = text.slice(s.start, s.end);
      const who = c.count.attribution ? `according to ${e(c.count.attribution.source)}` : 'in the report\'s own voice';
      return `<li><blockquote>${markSpan(sentence, { start: c.count.span.start - s.start, end: c.count.span.end - s.start })}</blockquote>
        <span class="muted">${label(of, c.doc)} — ${who}; source group ${e(groupOf.get(c.doc) ?? c.doc)}</span></li>`;
    }).join('');
    return `<h4>${e(formatRangeWithUnit({ ...v, unit: f.key.unit }))} <span class="muted">— ${e(v.phrase)}</span></h4><ul>${evidence}</ul>`;
  }).join('');
  return `<section id="f-${e(figureId(f.key))}"><h3>${e(f.eventLabel)}: ${e(figureName(f))}</h3>
    <p><strong>${e(verdict)}</strong>: ${e(f.verdict.reason)}</p>${values}</section>`;
}

/** A table with escaped cells; `mono` names the columns set in a fixed-width font (hashes). */
function table(head: string[], rows: unknown[][], mono: readonly string[] = []): string {
  const cell = (v: unknown, i: number) => `<td${mono.includes(head[i]!) ? ' class="mono"' : ''}>${e(v)}</td>`;
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

const verdictWords = (f: Pick<Figure, 'verdict'>) => (f.verdict.status !== 'diverging' ? f.verdict.status : `diverging (${f.verdict.kind})`);

/** The overview rows of one figure: a row per value. */
const overviewRows = (f: FigureRow): unknown[][] => f.values.map((v, i) => [
  i === 0 ? figureName(f) : '', formatRangeWithUnit({ ...v, unit: f.key.unit }), v.reports.length, v.independent,
  [...v.attributions, ...(v.unattributed ? ['(report\'s own voice)'] : [])].join('; '),
  i === 0 ? verdictWords(f) : '',
]);

/** The whole report as one HTML document, written a section (and within it a page) at a time. */
export async function* reportHtml(src: ReportSource, generatedAt: string): AsyncGenerator<string> {
  yield `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>crosscheck: evidence record</title><style>${STYLE}</style></head>
<body><header><h1>Evidence record</h1>
<p class="muted">${e(plural(src.documents, 'current report'))} · record built ${e(formatTimestamp(src.builtAt))} · printed ${e(formatTimestamp(generatedAt))} · ${e(plural(src.reviews.length, 'review'))} applied</p></header>
<section><h2>Events and figures</h2>`;
  const events = await src.events();
  for (const ev of events) {
    const rows: unknown[][] = [];
    for await (const page of src.eventFigures(ev.key)) for (const f of page) rows.push(...overviewRows(f));
    yield `<h3>${e(ev.label)}</h3><p class="muted">${e(plural(ev.reports, 'report'))}, ${e(plural(ev.counts, 'count'))}</p>${rows.length ? table(['figure', 'value', 'reports', 'independent', 'attributed to', 'verdict'], rows) : '<p>No casualty figures.</p>'}`;
  }
  if (events.length === 0) yield '<p>No events.</p>';
  yield '</section>\n<section><h2>Evidence behind each figure</h2>';
  let any = false;
  for await (const page of src.figures()) {
    const shown = page.filter((f) => isShown(f));
    if (!shown.length) continue;
    any = true;
    const docs = shown.flatMap((f) => f.values.flatMap((v) => v.counts.map((c) => c.doc)));
    const [labels, groupOf, texts] = await Promise.all([src.labels(docs), src.groupOf(docs), src.texts(docs)]);
    yield shown.map((f) => figure(f, labeler(labels), groupOf, texts)).join('');
  }
  if (!any) yield '<p>No figures.</p>';
  yield '</section>\n<section><h2>Consistency checks</h2>';
  any = false;
  for await (const page of src.checks()) {
    yield `${any ? '' : '<ul>'}${page.map((c) => `<li class="${c.status === 'problem' ? 'problem' : ''}">${e(c.kind)} (${e(c.measure)}): ${e(c.reason)}</li>`).join('')}`;
    any = true;
  }
  yield any ? '</ul>' : '<p>No findings.</p>';
  yield '</section>\n<section><h2>Timeline</h2>';
  any = false;
  for await (const page of src.timeline()) {
    const of = labeler(await src.labels(page.flatMap((t) => t.reports)));
    yield table(['date (EDTF)', 'sentence', 'reports'], page.map((t) => [t.value, t.sentenceText, t.reports.map((d) => of(d).name).join('; ')]));
    any = true;
  }
  if (!any) yield '<p>No dated sentences.</p>';
  yield '</section>\n<section><h2>Source groups</h2>';
  any = false;
  for await (const page of src.groups()) {
    const shared = page.filter((g) => g.length > 1);
    if (!shared.length) continue;
    const of = labeler(await src.labels(shared.flat()));
    yield `${any ? '' : '<ul>'}${shared.map((g) => `<li>${g.map((d) => label(of, d)).join(' · ')}</li>`).join('')}`;
    any = true;
  }
  yield any ? '</ul>' : '<p>Every report stands alone.</p>';
  const reviewer = labeler(await src.labels(src.reviews.map((v) => v.documentId)));
  const revs = src.reviews.map((v) => [formatTimestamp(v.createdAt), v.reviewer.startsWith('cli:') ? 'administrator (command line)' : v.reviewer,
    reviewer(v.documentId).name, reviewItem(v.key), v.action, correctionWords(v.corrected), v.reason]);
  yield `</section>\n<section><h2>Reviews in force</h2>${revs.length ? table(['when', 'who', 'report', 'item', 'action', 'corrected', 'reason'], revs) : '<p>No reviews.</p>'}</section>
<section><h2>Reports</h2>`;
  const head = ['name', 'title', 'publisher', 'published', 'url', 'counts', 'dates', 'sha256'];
  any = false;
  for await (const page of src.reports()) {
    yield table(head, page.map((d) => [d.name, d.meta.title ?? '', d.meta.publisher ?? '', d.meta.published ?? '', d.meta.url ?? '', d.counts, d.dates, d.sha256]), ['sha256']);
    any = true;
  }
  if (!any) yield table(head, []);
  yield '</section>\n</body></html>\n';
}
