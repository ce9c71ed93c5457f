/**
 * A figure over time: each mention's value at the publication date of the report stating it,
 * joined into a line per source, so a revised toll ("rose to 57") reads as a line going up.
 * The same points are in a table for screen readers.
 */
import { useId } from 'preact/hooks';
import { formatRange, plural } from '../format.ts';
import type { FigureDetail, Mention } from '../types.ts';
import { CLASS_NAMES, dayOf, dayText, valueScale } from './scale.ts';
import type { AttributionClass } from './scale.ts';

const W = 600;
const H = 220;
const PAD = { l: 52, r: 14, t: 12, b: 26 };

/** One drawn point: a mention's value on its report's date. */
export interface TimePoint {
  day: number;
  min: number | null;
  max: number | null;
  approximate: boolean;
  series: string;
  who: string;
  cls: AttributionClass;
  m: Mention;
}

/** A mention's class: its attribution's kind, a named source, or none. */
function classOf(m: Mention): AttributionClass {
  const a = m.count.attribution;
  if (!a) return 'unattributed';
  return a.kind ?? 'named';
}

/** The points of a figure's shown mentions, by date; mentions in undated reports are counted apart. */
export function timePoints(d: FigureDetail): { points: TimePoint[]; undated: number } {
  const points: TimePoint[] = [];
  let undated = 0;
  for (const v of d.values) {
    for (const m of v.evidence) {
      const day = dayOf(m.document.published);
      if (day === null) { undated++; continue; }
      const a = m.count.attribution;
      // A source's line: who the figure is attributed to, else the publisher speaking in its own voice.
      const series = a ? `by:${a.source.toLowerCase()}` : `own:${m.document.publisher ?? m.document.id}`;
      const who = a ? a.source : `${m.document.publisher ?? m.document.title ?? m.document.name} (own voice)`;
      points.push({ day, min: v.min, max: v.max, approximate: v.approximate, series, who, cls: classOf(m), m });
    }
  }
  points.sort((p, q) => p.day - q.day);
  return { points, undated };
}

/** The chart, or nothing when no mention has a dated report. */
export function FigureTimeline({ d, caption }: { d: FigureDetail; caption: string }) {
  const id = useId();
  const { points, undated } = timePoints(d);
  if (points.length === 0) return null;
  const y = valueScale(points);
  const first = points[0]!.day - 1;
  const last = points[points.length - 1]!.day + 1;
  const px = (day: number) => PAD.l + ((day - first) / (last - first)) * (W - PAD.l - PAD.r);
  const py = (v: number) => H - PAD.b - y.at(v) * (H - PAD.t - PAD.b);
  const rep = (p: TimePoint) => p.min ?? p.max!;
  const series = new Map<string, TimePoint[]>();
  for (const p of points) series.set(p.series, [...(series.get(p.series) ?? []), p]);
  // Label report dates at least 80 units apart, so they never overlap.
  const xticks: number[] = [];
  for (const day of new Set(points.map((p) => p.day))) if (xticks.length === 0 || px(day) - px(xticks[xticks.length - 1]!) >= 80) xticks.push(day);
  return (
    <figure class="chart figure-timeline">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-cap`}
        data-scale={y.kind} data-ydomain={y.domain.join(',')} data-xdomain={`${first},${last}`} data-box={`${W},${H},${PAD.l},${PAD.r},${PAD.t},${PAD.b}`}>
        <g class="axis-line" aria-hidden="true">
          <line x1={PAD.l} x2={PAD.l} y1={PAD.t} y2={H - PAD.b} />
          <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} />
          {y.ticks.map((t) => <g key={`y${t}`}><line class="grid" x1={PAD.l} x2={W - PAD.r} y1={py(t)} y2={py(t)} /><text x={PAD.l - 6} y={py(t) + 4} text-anchor="end">{t.toLocaleString('en')}</text></g>)}
          {xticks.map((t) => <text key={`x${t}`} x={px(t)} y={H - 8} text-anchor="middle">{dayText(t)}</text>)}
        </g>
        {[...series.values()].filter((s) => new Set(s.map((p) => p.day)).size > 1).map((s) => (
          <polyline key={s[0]!.series} class={`tl-series kind-${s[0]!.cls}`} data-series={s[0]!.who} fill="none"
            points={s.map((p) => `${px(p.day).toFixed(1)},${py(rep(p)).toFixed(1)}`).join(' ')} />
        ))}
        {points.map((p, i) => {
          const cx = px(p.day);
          const top = p.max === null ? PAD.t : py(p.max);
          const bottom = p.min === null ? H - PAD.b : py(p.min);
          return (
            <g key={i} class={`tl-point kind-${p.cls}`} data-day={dayText(p.day)} data-min={p.min ?? ''} data-max={p.max ?? ''}
              data-x={cx.toFixed(2)} data-y={py(rep(p)).toFixed(2)}>
              <title>{`${dayText(p.day)}: ${formatRange(p)}, ${p.who}`}</title>
              {top !== bottom && <line x1={cx} x2={cx} y1={top} y2={bottom} stroke-width="3" />}
              {p.max === null && <path d={`M${cx - 5} ${top + 6} L${cx} ${top - 2} L${cx + 5} ${top + 6} Z`} />}
              {p.min === null && <path d={`M${cx - 5} ${bottom - 6} L${cx} ${bottom + 2} L${cx + 5} ${bottom - 6} Z`} />}
              <circle cx={cx} cy={py(rep(p))} r="4.5" />
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-cap`} class="small muted">
        {caption} by the publication date of the reports stating it{undated ? `; ${plural(undated, 'mention')} in undated reports not drawn` : ''}. A line joins one source's values.
      </figcaption>
      <div class="sr-only"><table>
        <caption>{caption} over time</caption>
        <thead><tr><th scope="col">Report date</th><th scope="col">Value</th><th scope="col">Stated by</th><th scope="col">Kind</th><th scope="col">Report</th></tr></thead>
        <tbody>{points.map((p, i) => (
          <tr key={i}><td>{dayText(p.day)}</td><td>{formatRange(p)}</td><td>{p.who}</td><td>{CLASS_NAMES[p.cls]}</td><td>{p.m.document.title ?? p.m.document.name}</td></tr>
        ))}</tbody>
      </table></div>
    </figure>
  );
}
