/** One figure: every mention of each value in its sentence, with report, attribution, source group; the checks touching it. */
import { DocRef, Loaded, Marked, PageHead, VerdictBadge } from '../components/common.tsx';
import { CheckCard } from '../components/checks.tsx';
import { useResource } from '../data.ts';
import { figureTitle, formatRange, plural } from '../format.ts';
import type { DocumentLabels, FigureDetail, Mention } from '../types.ts';

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

/** The figure page. */
export function FigurePage({ id }: { id: string }) {
  const res = useResource<FigureDetail>(`figures/${encodeURIComponent(id)}`, { evidence: 50 });
  return (
    <Loaded res={res}>{(d) => {
      const docs = labelsOf(d);
      return (
        <section>
          <PageHead title={<>{figureTitle(d.key)} <span class="muted">· {d.eventLabel}</span></>} />
          <p class="verdict"><VerdictBadge verdict={d.verdict} /> {d.verdict.reason}</p>
          {d.values.map((v, i) => (
            <article class="value-block" key={i} id={`value-${i}`}>
              <h2><span class="value-label">{formatRange(v)}</span> <span class="muted">{plural(v.reports.length, 'report')}, {plural(v.independent, 'independent source')}</span></h2>
              <p>{v.phrase}</p>
              {v.compatibleWith.length > 0 && <p class="muted">Compatible with {v.compatibleWith.map((j) => d.values[j]).filter((x) => x !== undefined).map((x) => formatRange(x)).join(', ')}.</p>}
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
