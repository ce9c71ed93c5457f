/** One figure: every mention of each value in its sentence, with report, attribution, source group; the checks touching it. */
import { FigureTimeline } from '../charts/FigureTimeline.tsx';
import { Legend, NumberLine } from '../charts/NumberLine.tsx';
import { DocRef, Loaded, Marked, PageHead, VerdictBadge } from '../components/common.tsx';
import { CheckCard } from '../components/checks.tsx';
import { useResource } from '../data.ts';
import { CLASS_NAMES, type AttributionClass } from '../charts/scale.ts';
import { CLASSES, classParam, mentionPasses, setQuery, valueHasClass } from '../filters.ts';
import { figureTitle, formatRange, plural } from '../format.ts';
import type { DocumentLabels, FigureDetail, FigureValueDetail, Mention } from '../types.ts';

/** Builds labels from the mentions (each carries its document's label). */
function labelsOf(d: FigureDetail): DocumentLabels {
  const out: DocumentLabels = {};
  for (const v of d.values) for (const m of v.evidence) out[m.document.id] = m.document;
  return out;
}

function MentionCard({ m, docs }: { m: Mention; docs: DocumentLabels }) {
  const a = m.count.attribution;
  return (
    <li class="mention">
      <blockquote><Marked text={m.sentence.text} start={m.highlight.start} end={m.highlight.end} /></blockquote>
      <div class="mention-meta">
        <DocRef id={m.document.id} docs={docs} hash={`at-${m.count.span.start}`} />
        <span class="attr">{a ? `attributed to ${a.source}${a.kind ? ` (${a.kind} data)` : ''}` : 'in the report\'s own voice'}</span>
        <span class="muted">source group {docs[m.sourceGroup]?.name ?? m.sourceGroup}</span>
        {m.status !== 'extracted' && <span class={`badge status-${m.status}`}>{m.status}</span>}
      </div>
    </li>
  );
}

/** Publisher, report-date and attribution-kind filters over the mentions shown; kept in the address. */
function MentionFilters({ d, query }: { d: FigureDetail; query: URLSearchParams }) {
  const publishers = [...new Set(d.values.flatMap((v) => v.evidence.map((m) => m.document.publisher ?? '')).filter(Boolean))].sort();
  return (
    <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>Publisher <select name="publisher" value={query.get('publisher') ?? ''} onChange={(e) => setQuery({ publisher: e.currentTarget.value })}>
        <option value="">all</option>
        {publishers.map((p) => <option key={p} value={p}>{p}</option>)}
      </select></label>
      <label>Reports from <input type="date" name="from" value={query.get('from') ?? ''} onChange={(e) => setQuery({ from: e.currentTarget.value })} /></label>
      <label>to <input type="date" name="to" value={query.get('to') ?? ''} onChange={(e) => setQuery({ to: e.currentTarget.value })} /></label>
      <label>Stated by <select name="kind" value={query.get('kind') ?? ''} onChange={(e) => setQuery({ kind: e.currentTarget.value })}>
        <option value="">anyone</option>
        {CLASSES.map((k) => <option key={k} value={k}>{CLASS_NAMES[k]}</option>)}
      </select></label>
    </form>
  );
}

/**
 * True when a mention of a value is of the class: a named source or none; official or unofficial
 * data as its attribution says, or, when it says neither, as its value's kinds do (a count in the
 * report's own voice takes its kind from its sentence).
 */
export function mentionHasClass(m: Mention, v: FigureValueDetail, k: AttributionClass): boolean {
  const a = m.count.attribution;
  switch (k) {
    case 'named': return a !== null;
    case 'unattributed': return a === null;
    case 'official': case 'unofficial': return a?.kind !== undefined ? a.kind === k : valueHasClass(v, k);
  }
}

/** The figure with only the mentions that pass the filters, and only the values left with one. */
function narrowed(d: FigureDetail, query: URLSearchParams): FigureDetail {
  const f = { publisher: query.get('publisher') || null, from: query.get('from') || null, to: query.get('to') || null };
  const kind = classParam(query.get('kind'));
  if (!f.publisher && !f.from && !f.to && !kind) return d;
  const values = d.values
    .filter((v) => !kind || valueHasClass(v, kind))
    .map((v) => ({ ...v, evidence: v.evidence.filter((m) => mentionPasses(m, f) && (!kind || mentionHasClass(m, v, kind))) }))
    .filter((v) => v.evidence.length > 0);
  return { ...d, values };
}

/** The figure page. */
export function FigurePage({ id, query = new URLSearchParams() }: { id: string; query?: URLSearchParams }) {
  const res = useResource<FigureDetail>(`figures/${encodeURIComponent(id)}`, { evidence: 50 });
  return (
    <Loaded res={res}>{(full) => {
      const d = narrowed(full, query);
      const docs = labelsOf(full);
      return (
        <section>
          <PageHead title={<>{figureTitle(d.key)} <span class="muted">· {d.eventLabel}</span></>} />
          <p class="verdict"><VerdictBadge verdict={d.verdict} /> {d.verdict.reason}</p>
          <MentionFilters d={full} query={query} />
          {d.values.length === 0 && <p class="muted">No mention passes these filters.</p>}
          <section class="glance" aria-label="Divergence at a glance">
            <Legend classes={['official', 'unofficial', 'named', 'unattributed']} />
            <h2 class="small-head">Every value</h2>
            <NumberLine values={d.values} caption={`${figureTitle(d.key)}, ${d.eventLabel}`} />
            <h2 class="small-head">Over time</h2>
            <FigureTimeline d={d} caption={`${figureTitle(d.key)}, ${d.eventLabel}`} />
          </section>
          {d.values.map((v, i) => (
            <article class="value-block" key={i} id={`value-${i}`}>
              <h2><span class="value-label">{formatRange(v)}</span> <span class="muted">{plural(v.reportCount, 'report')}, {plural(v.independent, 'independent source')}</span></h2>
              <p>{v.phrase}</p>
              {v.compatibleWith.length > 0 && <p class="muted">Compatible with {v.compatibleWith.map((j) => full.values[j]).filter((x) => x !== undefined).map((x) => formatRange(x)).join(', ')}.</p>}
              <ul class="mentions">{v.evidence.map((m, k) => <MentionCard key={k} m={m} docs={docs} />)}</ul>
              {v.mentions > v.evidence.length && <p class="muted">Showing {v.evidence.length} of {plural(v.mentions, 'mention')}; the CSV and JSON exports hold them all.</p>}
            </article>
          ))}
          <h2>Checks touching this figure</h2>
          {d.checks.length === 0 ? <p class="muted">None.</p> : <ul class="checks">{d.checks.map((c, i) => <CheckCard key={i} c={c} docs={docs} />)}</ul>}
        </section>
      );
    }}</Loaded>
  );
}
