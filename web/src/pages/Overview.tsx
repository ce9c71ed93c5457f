/** The events and their key figures: every value with its support, attributions and the figure's verdict. */
import { Legend, NumberLine } from '../charts/NumberLine.tsx';
import { Loaded, PageHead, VerdictBadge } from '../components/common.tsx';
import { useResource } from '../data.ts';
import { figureTitle, formatRange, formatTimestamp, plural } from '../format.ts';
import { CLASS_NAMES } from '../charts/scale.ts';
import { CLASSES, classParam, labelPasses, setQuery as setFilter, valueHasClass } from '../filters.ts';
import { Pager } from '../components/Pager.tsx';
import { Link } from '../router.tsx';
import type { CheckList, DocumentLabels, EventList, FigureList, FigureSummary, FigureValueSummary, StatsView } from '../types.ts';

/** Values drawn per figure on the overview (the best supported); the figure page has them all. */
const VALUES_SHOWN = 8;

/** Report ids asked per value (those passing the filters first): the line says how many there are in all. */
const REPORTS_SHOWN = 5;

/** Figures per page: the listing is read a page at a time, whatever the archive's size. */
const PAGE = 100;

/** The measures offered by the filter; population and other counts only with the toggle. */
const MEASURES = ['killed', 'injured', 'captured', 'missing', 'displaced', 'returned', 'orphaned', 'casualties'];
const HIDDEN_MEASURES = ['population', 'other'];

/** The event key of counts no rule could place (see the event reasons in each count's evidence). */
const UNASSIGNED = '(unassigned)';

/** One value of a figure: its words, who states it, and how many reports and independent sources. */
function ValueLine({ v }: { v: FigureValueSummary }) {
  const who = v.attributions.length ? `according to ${v.attributions.join('; ')}` : '';
  const own = v.unattributed ? `${v.attributions.length ? ' and ' : ''}${plural(v.unattributed, 'mention')} without attribution` : '';
  return (
    <li class="value" title={v.phrase}>
      <span class="value-label">{formatRange(v)}</span>
      {v.kinds.filter((k) => k !== 'none').map((k) => <span key={k} class={`badge kind-${k}`}>{k} data</span>)}{' '}
      <span class="value-who">{who}{own}</span>{' '}
      <span class="value-support">({plural(v.reportCount, 'report')}, {v.independent} independent)</span>
    </li>
  );
}

/** A figure's row: what it counts, its values ranked by independent support, the verdict. */
function FigureRow({ f }: { f: FigureSummary }) {
  return (
    <tr>
      <th scope="row"><Link href={`/figures/${encodeURIComponent(f.id)}`} class="figure-link">{figureTitle(f.key)}</Link></th>
      <td>
        <NumberLine values={f.values} caption={`${f.eventLabel}: ${figureTitle(f.key)}`} />
        <ul class="values">{f.values.map((v, i) => <ValueLine key={i} v={v} />)}</ul>
        {f.valueCount > f.values.length && <Link href={`/figures/${encodeURIComponent(f.id)}`} class="small">and {plural(f.valueCount - f.values.length, 'more value')}</Link>}
      </td>
      <td><VerdictBadge verdict={f.verdict} /><div class="reason" title={f.verdict.reason}>{f.verdict.reason}</div></td>
    </tr>
  );
}

/** The filter bar: event, measure, attribution, and the hidden measures; every choice lives in the address. */
function Filters({ query, events, measures, publishers }: { query: URLSearchParams; events: EventList | null; measures: string[]; publishers: string[] }) {
  // Another filter is another listing: back to its first page.
  const setQuery = (changes: Record<string, string | null>) => setFilter({ ...changes, offset: null });
  return (
    <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>Incident <select name="event" value={query.get('event') ?? ''} onChange={(e) => setQuery({ event: e.currentTarget.value })}>
        <option value="">all</option>
        {events?.items.map((ev) => <option key={ev.key} value={ev.key}>{ev.key === UNASSIGNED ? 'not assigned' : ev.label}</option>)}
      </select></label>
      <label>Measure <select name="measure" value={query.get('measure') ?? ''} onChange={(e) => setQuery({ measure: e.currentTarget.value })}>
        <option value="">all</option>
        {measures.map((m) => <option key={m} value={m}>{m}</option>)}
      </select></label>
      <label>Stated by <select name="kind" value={query.get('kind') ?? ''} onChange={(e) => setQuery({ kind: e.currentTarget.value })}>
        <option value="">anyone</option>
        {CLASSES.map((k) => <option key={k} value={k}>{CLASS_NAMES[k]}</option>)}
      </select></label>
      <label>Publisher <select name="publisher" value={query.get('publisher') ?? ''} onChange={(e) => setQuery({ publisher: e.currentTarget.value })}>
        <option value="">any</option>
        {publishers.map((p) => <option key={p} value={p}>{p}</option>)}
      </select></label>
      <label>Reports from <input type="date" name="from" value={query.get('from') ?? ''} onChange={(e) => setQuery({ from: e.currentTarget.value })} /></label>
      <label>to <input type="date" name="to" value={query.get('to') ?? ''} onChange={(e) => setQuery({ to: e.currentTarget.value })} /></label>
      <label class="check"><input type="checkbox" name="all" checked={query.get('all') === '1'} onChange={(e) => setQuery({ all: e.currentTarget.checked ? '1' : null })} /> population and other counts</label>
    </form>
  );
}

/** The figures that pass the filters, each with only the values that do. */
export function filtered(items: FigureSummary[], query: URLSearchParams, docs: DocumentLabels = {}): FigureSummary[] {
  const measure = query.get('measure');
  const kind = classParam(query.get('kind'));
  const by = { publisher: query.get('publisher') || null, from: query.get('from') || null, to: query.get('to') || null };
  const byReport = by.publisher !== null || by.from !== null || by.to !== null;
  const out: FigureSummary[] = [];
  for (const f of items) {
    if (measure && f.key.measure !== measure) continue;
    if (!kind && !byReport) { out.push(f); continue; }
    // A value stays when one of its reports passes; its support still counts every report.
    const values = f.values.filter((v) => (!kind || valueHasClass(v, kind)) && (!byReport || v.reports.some((r) => labelPasses(docs[r], by))));
    if (values.length) out.push({ ...f, values });
  }
  return out;
}

/** The overview page. */
export function Overview({ query = new URLSearchParams() }: { query?: URLSearchParams }) {
  const stats = useResource<StatsView>('stats');
  const events = useResource<EventList>('events');
  const all = query.get('all') === '1';
  const offset = Math.max(0, Math.floor(Number(query.get('offset')) || 0));
  const param = (k: string) => query.get(k) || undefined;
  // The server filters and pages; the filters below only keep the view in step with it.
  const figures = useResource<FigureList>('figures', {
    values: VALUES_SHOWN, reports: REPORTS_SHOWN, all: all || undefined, event: param('event'), measure: param('measure'), kind: classParam(query.get('kind')) ?? undefined,
    publisher: param('publisher'), from: param('from'), to: param('to'), limit: PAGE, offset,
  });
  const publisher = query.get('publisher');
  const eventFilter = query.get('event');
  // Only the number is shown here: no check is sent.
  const problems = useResource<CheckList>('checks', { status: 'problem', limit: 0 });
  return (
    <section>
      <PageHead
        title="Overview"
        sub={stats.data && `${plural(stats.data.documents, 'report')} · ${plural(stats.data.counts, 'count')} · ${plural(stats.data.dates, 'date')} · ${plural(stats.data.reviews, 'review')}${stats.data.builtAt ? ` · record built ${formatTimestamp(stats.data.builtAt)}` : ''}`}
      />
      <p class="note">Every figure is shown with who states it. crosscheck ranks values by independent support and never picks a true one.</p>
      {problems.data && problems.data.total > 0 && (
        <p class="callout"><Link href="/checks">{plural(problems.data.total, 'consistency problem')}</Link> found across the reports.</p>
      )}
      <Filters query={query} events={events.data} measures={all ? [...MEASURES, ...HIDDEN_MEASURES] : MEASURES}
        publishers={[...new Set([...Object.values(figures.data?.documents ?? {}).map((d) => d.publisher ?? ''), publisher ?? ''].filter(Boolean))].sort()} />
      <Loaded res={events}>{(ev) => (
        <Loaded res={figures}>{(fig) => {
          const shown = filtered(fig.items, query, fig.documents);
          const paged = fig.total > fig.items.length;
          const evs = [...ev.items].filter((e) => !eventFilter || e.key === eventFilter).sort((a, b) => Number(a.key === UNASSIGNED) - Number(b.key === UNASSIGNED));
          return ev.items.length === 0
            ? <p class="muted">No figures yet: ingest reports with <code>crosscheck ingest FOLDER</code>.</p>
            : shown.length === 0 || evs.length === 0 ? <p class="muted">No figure passes these filters.</p>
            : <>{evs.map((e) => {
              const own = shown.filter((f) => f.key.event === e.key);
              // An event whose figures are on another page, or that none passes, is not shown here.
              if (own.length === 0 && (paged || query.get('measure') || query.get('kind') || query.get('publisher') || query.get('from') || query.get('to'))) return null;
              return (
                <article class="event" key={e.key}>
                  <h2>{e.key === UNASSIGNED ? 'Not assigned to an event' : e.label}</h2>
                  <p class="muted">{plural(e.counts, 'count')} in {plural(e.reports, 'report')} · {plural(own.length, 'figure')}</p>
                  {own.length > 0 && <Legend classes={['official', 'unofficial', 'named', 'unattributed']} />}
                  {own.length > 0 && (
                    <table class="figures">
                      <thead><tr><th scope="col">Figure</th><th scope="col">Values (ranked by independent sources)</th><th scope="col">Verdict</th></tr></thead>
                      <tbody>{own.map((f) => <FigureRow key={f.id} f={f} />)}</tbody>
                    </table>
                  )}
                </article>
              );
            })}
            {paged && <Pager offset={offset} shown={fig.items.length} total={fig.total} size={PAGE} onChange={(o) => setFilter({ offset: o ? String(o) : null })} />}
            </>;
        }}</Loaded>
      )}</Loaded>
    </section>
  );
}
