/** A printable HTML report of the whole record; every piece of document text is escaped. */
import { createHash } from 'node:crypto';
import type { Figure } from '../../pipeline/3-reconcile/types.js';
import type { Review } from '../../storage/store.js';
import type { DocumentSummary } from '../../storage/store.js';
import type { RecordView } from '../records.js';
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

/** What the report shows besides the record. */
export interface ReportInputs {
  view: RecordView;
  texts: ReadonlyMap<string, string>;
  documents: DocumentSummary[];
  reviews: Review[];
  generatedAt: string;
}

const label = (view: RecordView, id: string) => {
  const l = view.label(id);
  return `${e(l.title ?? l.name)}${l.publisher ? `, ${e(l.publisher)}` : ''}${l.published ? ` (${e(l.published)})` : ''}`;
};

/** "killed / all", "returned / all / families": the unit is named unless people are counted. */
function figureName(f: Figure): string {
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
function figure(f: Figure, view: RecordView, texts: ReadonlyMap<string, string>): string {
  const verdict = f.verdict.status !== 'diverging' ? f.verdict.status : `diverging (${f.verdict.kind})`;
  const values = f.values.map((v) => {
    const evidence = v.counts.map((c) => {
      const text = texts.get(c.doc) ?? '';
      const s = c.count.sentence;
      const sentence = text.slice(s.start, s.end);
      const who = c.count.attribution ? `according to ${e(c.count.attribution.source)}` : 'in the report\'s own voice';
      return `<li><blockquote>${markSpan(sentence, { start: c.count.span.start - s.start, end: c.count.span.end - s.start })}</blockquote>
        <span class="muted">${label(view, c.doc)} — ${who}; source group ${e(view.groupOf(c.doc))}</span></li>`;
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

/** The whole report as one HTML document. */
export function reportHtml({ view, texts, documents, reviews, generatedAt }: ReportInputs): string {
  const r = view.record;
  const figures = r.figures.filter((f) => isShown(f));
  const overview = r.events.map((ev) => {
    const rows = figures.filter((f) => f.key.event === ev.key).flatMap((f) => f.values.map((v, i) => [
      i === 0 ? figureName(f) : '', formatRangeWithUnit({ ...v, unit: f.key.unit }), v.reports.length, v.independent,
      [...v.attributions, ...(v.unattributed ? ['(report\'s own voice)'] : [])].join('; '),
      i === 0 ? (f.verdict.status !== 'diverging' ? f.verdict.status : `diverging (${f.verdict.kind})`) : '',
    ]));
    return `<h3>${e(ev.label)}</h3><p class="muted">${e(plural(ev.reports, 'report'))}, ${e(plural(ev.counts, 'count'))}</p>${rows.length ? table(['figure', 'value', 'reports', 'independent', 'attributed to', 'verdict'], rows) : '<p>No casualty figures.</p>'}`;
  }).join('');
  const checks = r.checks.map((c) => `<li class="${c.status === 'problem' ? 'problem' : ''}">${e(c.kind)} (${e(c.measure)}): ${e(c.reason)}</li>`).join('');
  const timeline = r.timeline.map((t) => [t.value, t.sentenceText, t.reports.map((d) => view.label(d).name).join('; ')]);
  const groups = r.sources.groups.filter((g) => g.length > 1).map((g) => `<li>${g.map((d) => label(view, d)).join(' · ')}</li>`).join('');
  const docs = documents.map((d) => [d.name, d.meta.title ?? '', d.meta.publisher ?? '', d.meta.published ?? '', d.meta.url ?? '', d.counts, d.dates, d.sha256]);
  const revs = reviews.map((v) => [formatTimestamp(v.createdAt), v.reviewer.startsWith('cli:') ? 'administrator (command line)' : v.reviewer,
    view.label(v.documentId).name, reviewItem(v.key), v.action, correctionWords(v.corrected), v.reason]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>crosscheck: evidence record</title><style>${STYLE}</style></head>
<body><header><h1>Evidence record</h1>
<p class="muted">${e(plural(r.documents, 'current report'))} · record built ${e(formatTimestamp(r.builtAt))} · printed ${e(formatTimestamp(generatedAt))} · ${e(plural(reviews.length, 'review'))} applied</p></header>
<section><h2>Events and figures</h2>${overview || '<p>No events.</p>'}</section>
<section><h2>Evidence behind each figure</h2>${figures.map((f) => figure(f, view, texts)).join('') || '<p>No figures.</p>'}</section>
<section><h2>Consistency checks</h2>${checks ? `<ul>${checks}</ul>` : '<p>No findings.</p>'}</section>
<section><h2>Timeline</h2>${timeline.length ? table(['date (EDTF)', 'sentence', 'reports'], timeline) : '<p>No dated sentences.</p>'}</section>
<section><h2>Source groups</h2>${groups ? `<ul>${groups}</ul>` : '<p>Every report stands alone.</p>'}</section>
<section><h2>Reviews in force</h2>${revs.length ? table(['when', 'who', 'report', 'item', 'action', 'corrected', 'reason'], revs) : '<p>No reviews.</p>'}</section>
<section><h2>Reports</h2>${table(['name', 'title', 'publisher', 'published', 'url', 'counts', 'dates', 'sha256'], docs, ['sha256'])}</section>
</body></html>
`;
}
