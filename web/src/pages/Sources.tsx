/** Which reports are one source: groups, and the passages each pair shares, side by side. */
import { useState } from 'preact/hooks';
import { DocRef, Loaded, PageHead } from '../components/common.tsx';
import { Pager } from '../components/Pager.tsx';
import { useResource } from '../data.ts';
import type { ComponentChildren } from 'preact';
import { actionText, whoText } from '../audit.ts';
import { DecideForm } from '../components/DecideForm.tsx';
import { formatTimestamp, plural } from '../format.ts';
import type { DocumentLabels, SourceDecisionResponse, SourcePairView, SourcesView } from '../types.ts';

const PAGE = 50;

/** The anchor of a pair's passages on this page. */
const pairId = (p: SourcePairView) => `pair-${p.a}-${p.b}`;
const samePair = (p: SourcePairView, q: SourcePairView) => (p.a === q.a && p.b === q.b) || (p.a === q.b && p.b === q.a);

/**
 * "5 reports share no passage with any other" counts only reports in no group and in no pair
 * (shared passages below the grouping threshold still count as shared). With the pairs paged,
 * reports in pairs of other pages are unknown here, so the sentence is only said when all are shown.
 */
export function loneReports(s: SourcesView): number | null {
  if (s.pairs.total > s.pairs.items.length) return null;
  const shared = new Set<string>();
  for (const g of s.groups) if (g.documents.length > 1) for (const d of g.documents) shared.add(d);
  for (const p of [...s.pairs.items, ...s.possible]) { shared.add(p.a); shared.add(p.b); }
  let n = 0;
  for (const g of s.groups) for (const d of g.documents) if (!shared.has(d)) n++;
  return n;
}

function Pair({ p, docs, children }: { p: SourcePairView; docs: DocumentLabels; children?: ComponentChildren }) {
  return (
    <article class="pair" id={pairId(p)}>
      <h3><DocRef id={p.a} docs={docs} /> and <DocRef id={p.b} docs={docs} /></h3>
      <p class="muted">{Math.round(p.containmentA * 100)}% of the first and {Math.round(p.containmentB * 100)}% of the second lie in {plural(p.passages.length, 'shared passage')}.</p>
      {p.passages.map((s, i) => (
        <div class="side-by-side" key={i}>
          <blockquote>{s.a.text}</blockquote>
          <blockquote>{s.b.text}</blockquote>
          <p class="muted small">{plural(s.words, 'word')}</p>
        </div>
      ))}
      {children}
    </article>
  );
}

/** The sources page. */
export function SourcesPage() {
  const [offset, setOffset] = useState(0);
  const res = useResource<SourcesView>('sources', { limit: PAGE, offset });
  const [saved, setSaved] = useState<SourceDecisionResponse | null>(null);
  const onSaved = (r: SourceDecisionResponse) => { setSaved(r); res.reload(); };
  return (
    <Loaded res={res}>{(s) => {
      const multi = s.groups.filter((g) => g.documents.length > 1);
      const lone = loneReports(s);
      return (
        <section>
          <PageHead title="Sources" sub={`${plural(s.groups.length, 'independent source')}; ${plural(multi.length, 'group')} of reports that copy each other.`} />
          {saved && <p class="panel saved" role="status">Saved: audit entry #{saved.audit.id} ({actionText(saved.audit.action)}); {plural(saved.sourceGroups, 'independent source')} now.</p>}
          <h2>Groups of reports that are one source</h2>
          {multi.length === 0 ? <p class="muted">None: every report stands on its own.</p> : (
            <ul class="groups">{multi.slice(0, 500).map((g) => (
              <li key={g.id}>{g.documents.map((d, i) => <span key={d}>{i > 0 && ' = '}<DocRef id={d} docs={s.documents} /></span>)}</li>
            ))}</ul>
          )}
          {multi.length > 500 && <p class="muted">And {plural(multi.length - 500, 'more group')}.</p>}
          {lone !== null && <p class="muted">{lone === 1 ? '1 report shares' : `${plural(lone, 'report')} share`} no passage with any other.</p>}
          <h2>Shared passages</h2>
          {s.pairs.items.length === 0 ? <p class="muted">No two reports share a passage.</p> : s.pairs.items.map((p, i) => <Pair key={i} p={p} docs={s.documents} />)}
          {s.pairs.total > PAGE && <Pager offset={offset} shown={s.pairs.items.length} total={s.pairs.total} size={PAGE} onChange={setOffset} />}
          {s.possible.length > 0 && (<>
            <h2>Possibly the same source (for review)</h2>
            <p class="muted">These pairs share text but were not made one source: each report still counts as independent.</p>
            {/* A pair whose passages this page already shows is named once more, not drawn twice. */}
            <ul class="possible">{s.possible.filter((p) => s.pairs.items.some((q) => samePair(p, q))).map((p) => (
              <li key={pairId(p)}><DocRef id={p.a} docs={s.documents} /> and <DocRef id={p.b} docs={s.documents} />: <a href={`#${pairId(p)}`}>{plural(p.passages.length, 'shared passage')} above</a>
                <DecideForm a={p.a} b={p.b} onSaved={onSaved} /></li>
            ))}</ul>
            {s.possible.filter((p) => !s.pairs.items.some((q) => samePair(p, q))).map((p) => <Pair key={pairId(p)} p={p} docs={s.documents}><DecideForm a={p.a} b={p.b} onSaved={onSaved} /></Pair>)}
          </>)}
          {s.decisions.length > 0 && (<>
            <h2>Decided by a curator</h2>
            <ul class="decisions">{s.decisions.map((d) => (
              <li key={`${d.a}-${d.b}`} class={`decision decision-${d.decision}`}>
                <DocRef id={d.a} docs={s.documents} /> and <DocRef id={d.b} docs={s.documents} />: <strong>{d.decision === 'same' ? 'the same source' : 'independent'}</strong>
                <span class="muted"> (by {whoText(d.by)} on {formatTimestamp(d.at)}: {d.reason})</span>
                <DecideForm a={d.a} b={d.b} current={d.decision} onSaved={onSaved} />
              </li>
            ))}</ul>
          </>)}
        </section>
      );
    }}</Loaded>
  );
}
