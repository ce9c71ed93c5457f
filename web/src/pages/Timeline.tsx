/** One merged chronology: each dated happening drawn on a time axis (vague dates as spans), linked to its sentences. */
import { DocRef, Loaded, PageHead } from '../components/common.tsx';
import { useState } from 'preact/hooks';
import { useResource } from '../data.ts';
import { CLASSES, classParam, setQuery } from '../filters.ts';
import { CLASS_NAMES } from '../charts/scale.ts';
import { plural } from '../format.ts';
import type { EventList, Timeline, TimelineEntry } from '../types.ts';
import { clusterSpan, datedPhrase } from '../timeline-span.ts';

const DAY = 86_400_000;
/** Entries fetched and drawn at a time. */
const PAGE = 300;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The axis over every dated entry (the server gives the range of all pages), with a few ticks. */
function axis(range: Timeline['range']) {
  if (!range) return null;
  const lo = ms(range.start);
  const hi = ms(range.end) + DAY;
  const span = Math.max(hi - lo, DAY);
  const ticks: Array<{ label: string; at: number }> = [];
  const add = (t: number, label: string) => { if (t >= lo && t <= hi) ticks.push({ label, at: (t - lo) / span }); };
  const d0 = new Date(lo);
  const years = span / (365 * DAY);
  if (years > 3) {
    const step = Math.ceil(years / 8);
    for (let y = d0.getUTCFullYear(); Date.UTC(y, 0, 1) <= hi; y += step) add(Date.UTC(y, 0, 1), String(y));
  } else if (span > 60 * DAY) {
    const step = Math.ceil(span / (30 * DAY) / 8);
    for (let m = 0; Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + m, 1) <= hi; m += step) {
      const t = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + m, 1);
      add(t, new Date(t).toISOString().slice(0, 7));
    }
  } else {
    const step = Math.max(1, Math.ceil(span / DAY / 8));
    for (let t = lo; t <= hi; t += step * DAY) add(t, new Date(t).toISOString().slice(5, 10));
  }
  return { lo, span, ticks };
}

function Bar({ e, ax }: { e: TimelineEntry; ax: NonNullable<ReturnType<typeof axis>> }) {
  if (!e.start || !e.end) return <div class="track"><span class="open" title="open or unreadable date">?</span></div>;
  // Outside a zoomed axis: an arrow at the edge it lies beyond.
  if (ms(e.end) + DAY <= ax.lo) return <div class="track" aria-hidden="true"><span class="beyond before" title={`${e.start}, before the axis`}>◀</span></div>;
  if (ms(e.start) >= ax.lo + ax.span) return <div class="track" aria-hidden="true"><span class="beyond after" title={`${e.start}, after the axis`}>▶</span></div>;
  // Clipped to the axis: with a date range chosen, a span may start before it or end after it.
  const left = Math.max(0, (ms(e.start) - ax.lo) / ax.span);
  const width = Math.min(1, (ms(e.end) + DAY - ax.lo) / ax.span) - left;
  const vague = e.start !== e.end;
  return (
    <div class="track" aria-hidden="true">
      <span class={`bar${vague ? ' vague' : ''}`} style={{ left: `${(left * 100).toFixed(3)}%`, width: `${Math.max(width * 100, 0.8).toFixed(3)}%` }} title={vague ? `${e.start} to ${e.end}` : e.start} />
    </div>
  );
}

/** The entries of this page stated by `publisher` and touching [from, to] (ISO days), each with only those statements. */
export function narrowEntries(t: Timeline, f: { publisher: string | null; from: string | null; to: string | null }): TimelineEntry[] {
  if (!f.publisher && !f.from && !f.to) return t.entries;
  const out: TimelineEntry[] = [];
  for (const e of t.entries) {
    if ((f.from || f.to) && (!e.start || !e.end)) continue;
    if (f.from && e.end! < f.from) continue;
    if (f.to && e.start! > f.to) continue;
    const statements = f.publisher ? e.statements.filter((s) => t.documents[s.doc]?.publisher === f.publisher) : e.statements;
    if (statements.length) out.push(statements === e.statements ? e : { ...e, statements });
  }
  return out;
}

/** The incident of counts no rule could place. */
const UNASSIGNED = '(unassigned)';

/**
 * Incident, publisher, report-date and attribution-kind filters (applied by the server), and the
 * happenings' date range, which also zooms the axis. Kept in the address.
 */
function TimelineFilters({ t, query, events }: { t: Timeline; query: URLSearchParams; events: EventList | null }) {
  const chosen = query.get('publisher');
  const publishers = [...new Set([...Object.values(t.documents).map((d) => d.publisher ?? ''), chosen ?? ''].filter(Boolean))].sort();
  return (
    <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>Incident <select name="event" value={query.get('event') ?? ''} onChange={(e) => setQuery({ event: e.currentTarget.value })}>
        <option value="">all</option>
        {events?.items.map((ev) => <option key={ev.key} value={ev.key}>{ev.key === UNASSIGNED ? 'not assigned' : ev.label}</option>)}
      </select></label>
      <label>Stated by <select name="publisher" value={chosen ?? ''} onChange={(e) => setQuery({ publisher: e.currentTarget.value })}>
        <option value="">any publisher</option>
        {publishers.map((p) => <option key={p} value={p}>{p}</option>)}
      </select></label>
      <label>Reports from <input type="date" name="reportsFrom" value={query.get('reportsFrom') ?? ''} onChange={(e) => setQuery({ reportsFrom: e.currentTarget.value })} /></label>
      <label>to <input type="date" name="reportsTo" value={query.get('reportsTo') ?? ''} onChange={(e) => setQuery({ reportsTo: e.currentTarget.value })} /></label>
      <label>Counts stated by <select name="kind" value={query.get('kind') ?? ''} onChange={(e) => setQuery({ kind: e.currentTarget.value })}>
        <option value="">anyone, or none</option>
        {CLASSES.map((k) => <option key={k} value={k}>{CLASS_NAMES[k]}</option>)}
      </select></label>
      <label>Happened from <input type="date" name="from" value={query.get('from') ?? ''} onChange={(e) => setQuery({ from: e.currentTarget.value })} /></label>
      <label>to <input type="date" name="to" value={query.get('to') ?? ''} onChange={(e) => setQuery({ to: e.currentTarget.value })} /></label>
    </form>
  );
}

/** The timeline page. */
export function TimelinePage({ query = new URLSearchParams() }: { query?: URLSearchParams }) {
  const [limit, setLimit] = useState(PAGE);
  const param = (k: string) => query.get(k) || undefined;
  // The server filters by incident, publisher, report dates and kind before paging.
  const res = useResource<Timeline>('timeline', {
    limit, event: param('event'), publisher: param('publisher'), from: param('reportsFrom'), to: param('reportsTo'), kind: classParam(query.get('kind')) ?? undefined,
  });
  const events = useResource<EventList>('events');
  const serverFiltered = ['event', 'publisher', 'reportsFrom', 'reportsTo', 'kind'].some((k) => query.get(k));
  const chosen = { publisher: query.get('publisher') || null, from: query.get('from') || null, to: query.get('to') || null };
  return (
    <Loaded res={res}>{(t) => {
      // Without a date range chosen, the span where most dates fall; a background date decades off does not flatten it.
      // It zooms the axis only: every happening stays listed, those outside it marked at its edge.
      const auto = chosen.from || chosen.to ? null : clusterSpan(t.entries, t.range);
      const f = chosen;
      const entries = narrowEntries(t, f);
      const range = auto ?? (t.range && (f.from || f.to) ? { start: f.from && f.from > t.range.start ? f.from : t.range.start, end: f.to && f.to < t.range.end ? f.to : t.range.end } : t.range);
      const ax = axis(range && range.start <= range.end ? range : t.range);
      return (
        <section>
          <PageHead title="Timeline" sub={`${plural(t.total, 'dated happening')}${serverFiltered ? ' pass the filters' : ''}; publication dates of ${plural(t.publicationCount, 'report')} are listed apart.`} />
          <TimelineFilters t={t} query={query} events={events.data} />
          {auto && t.range && (
            <p class="span-note" role="status">The axis shows {auto.start} to {auto.end}, where most dates fall ({plural(auto.held, 'happening')} of {t.entries.length}); the others are marked at its edges.{' '}
              <button type="button" class="secondary" onClick={() => setQuery({ from: t.range!.start, to: t.range!.end })}>Show the whole range, {t.range.start} to {t.range.end}</button></p>
          )}
          {!auto && entries.length < t.entries.length && <p class="muted">{plural(entries.length, 'happening')} of {t.entries.length} shown pass the filters.</p>}
          {ax && (
            <div class="axis" aria-hidden="true">
              {ax.ticks.map((k) => <span key={k.label} class={k.at < 0.06 ? 'tick-start' : k.at > 0.94 ? 'tick-end' : undefined} style={{ left: `${(k.at * 100).toFixed(2)}%` }}>{k.label}</span>)}
            </div>
          )}
          <ol class="timeline">
            {entries.map((e, i) => (
              <li key={i} class="tl-entry">
                <div class="tl-date"><code>{e.value}</code>{e.start && e.end && e.start !== e.end && <div class="muted small">{e.start} – {e.end}</div>}</div>
                {ax && <Bar e={e} ax={ax} />}
                <div class="tl-body">
                  <p class="tl-phrase">{datedPhrase(e.sentenceText, e.statements[0]?.date.quote ?? '')}</p>
                  <details class="tl-sentence"><summary>the sentence</summary><p>{e.sentenceText}</p></details>
                  <p class="small">Stated in {e.statements.map((s, k) => (
                    <span key={k}>{k > 0 && '; '}<DocRef id={s.doc} docs={t.documents} hash={`at-${s.date.span.start}`} /> (“{s.date.quote}”)</span>
                  ))}{e.entities.length > 0 && <span class="muted"> · {e.entities.join(', ')}</span>}</p>
                </div>
              </li>
            ))}
          </ol>
          {t.total > t.entries.length && (
            <p><button type="button" class="more" disabled={res.loading} onClick={() => setLimit(limit + PAGE)}>Show {Math.min(PAGE, t.total - t.entries.length)} more</button> <span class="muted">({plural(t.total - t.entries.length, 'more')} in all)</span></p>
          )}
          <h2>Publication dates</h2>
          <ul class="pubs">
            {t.publications.map((p) => <li key={p.doc}><code>{p.value}</code> <DocRef id={p.doc} docs={t.documents} /></li>)}
          </ul>
        </section>
      );
    }}</Loaded>
  );
}
