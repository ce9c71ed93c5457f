/** The events and their key figures: every value with its support, attributions and the figure's verdict. */
import { Loaded, PageHead, VerdictBadge } from '../components/common.tsx';
import { useResource } from '../data.ts';
import { figureTitle, formatRange, formatTimestamp, plural } from '../format.ts';
import { Link } from '../router.tsx';
import type { CheckList, EventList, FigureList, FigureSummary, FigureValueSummary, StatsView } from '../types.ts';

/** Values drawn per figure on the overview (the best supported); the figure page has them all. */
const VALUES_SHOWN = 8;

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
      <span class="value-support">({plural(v.reports.length, 'report')}, {v.independent} independent)</span>
    </li>
  );
}

/** A figure's row: what it counts, its values ranked by independent support, the verdict. */
function FigureRow({ f }: { f: FigureSummary }) {
  return (
    <tr>
      <th scope="row"><Link href={`/figures/${encodeURIComponent(f.id)}`} class="figure-link">{figureTitle(f.key)}</Link></th>
      <td>
        <ul class="values">{f.values.map((v, i) => <ValueLine key={i} v={v} />)}</ul>
        {f.valueCount > f.values.length && <Link href={`/figures/${encodeURIComponent(f.id)}`} class="small">and {plural(f.valueCount - f.values.length, 'more value')}</Link>}
      </td>
      <td><VerdictBadge verdict={f.verdict} /><div class="reason" title={f.verdict.reason}>{f.verdict.reason}</div></td>
    </tr>
  );
}

/** The overview page. */
export function Overview() {
  const stats = useResource<StatsView>('stats');
  const events = useResource<EventList>('events');
  const figures = useResource<FigureList>('figures', { values: VALUES_SHOWN });
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
      <Loaded res={events}>{(ev) => (
        <Loaded res={figures}>{(fig) => (
          ev.items.length === 0
            ? <p class="muted">No figures yet: ingest reports with <code>crosscheck ingest FOLDER</code>.</p>
            : <>{[...ev.items].sort((a, b) => Number(a.key === UNASSIGNED) - Number(b.key === UNASSIGNED)).map((e) => {
              const own = fig.items.filter((f) => f.key.event === e.key);
              return (
                <article class="event" key={e.key}>
                  <h2>{e.key === UNASSIGNED ? 'Not assigned to an event' : e.label}</h2>
                  <p class="muted">{plural(e.counts, 'count')} in {plural(e.reports, 'report')} · {plural(own.length, 'figure')}</p>
                  {own.length > 0 && (
                    <table class="figures">
                      <thead><tr><th scope="col">Figure</th><th scope="col">Values (ranked by independent sources)</th><th scope="col">Verdict</th></tr></thead>
                      <tbody>{own.map((f) => <FigureRow key={f.id} f={f} />)}</tbody>
                    </table>
                  )}
                </article>
              );
            })}</>
        )}</Loaded>
      )}</Loaded>
    </section>
  );
}
