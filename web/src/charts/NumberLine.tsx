/**
 * Divergence at a glance: every value of a figure on one number line — points for exact values,
 * bars for ranges, arrows for open ends — coloured by who states it and sized by independent
 * sources; with the same values in a table for screen readers.
 */
import { useId } from 'preact/hooks';
import { formatRange, plural } from '../format.ts';
import type { FigureValueSummary } from '../types.ts';
import { CLASS_NAMES, attributionClass, lanes, valueScale } from './scale.ts';
import type { AttributionClass } from './scale.ts';

const W = 600;
const PAD_L = 12;
const PAD_R = 18;
const LANE = 18;
const AXIS = 22;

/** A marker's radius: grows with the square root of independent sources, so area tracks support. */
export const radius = (independent: number) => Math.min(10, 3 + 2 * Math.sqrt(Math.max(1, independent)));

/** Who states the value, in words. */
export function whoStates(v: FigureValueSummary): string {
  const parts = [...v.attributions];
  if (v.unattributed) parts.push('the reports\' own voice');
  return parts.length ? parts.join('; ') : 'no source named';
}

/** The colour key, once per page section. */
export function Legend({ classes }: { classes: AttributionClass[] }) {
  return (
    <p class="chart-legend small" aria-hidden="true">
      {classes.map((c) => <span key={c} class={`key kind-${c}`}><svg width="10" height="10" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" /></svg> {CLASS_NAMES[c]}</span>)}
      <span class="key muted">larger: more independent sources</span>
    </p>
  );
}

/** One value's shape between `x1` and `x2` (open ends reach the axis's edge with an arrow). */
function Shape({ x1, x2, y, r, openLeft, openRight }: { x1: number; x2: number; y: number; r: number; openLeft: boolean; openRight: boolean }) {
  if (x1 === x2 && !openLeft && !openRight) return <circle cx={x1} cy={y} r={r} />;
  const h = Math.max(3, r * 0.8);
  return (
    <>
      <line x1={x1} y1={y} x2={x2} y2={y} stroke-width={h} stroke-linecap={openLeft || openRight ? 'butt' : 'round'} />
      {openRight && <path d={`M${x2} ${y - h - 2} L${x2 + 8} ${y} L${x2} ${y + h + 2} Z`} />}
      {openLeft && <path d={`M${x1} ${y - h - 2} L${x1 - 8} ${y} L${x1} ${y + h + 2} Z`} />}
      {!openLeft && <circle cx={x1} cy={y} r={h / 2 + 1} />}
      {!openRight && <circle cx={x2} cy={y} r={h / 2 + 1} />}
    </>
  );
}

/** The number line of `values`; `caption` names the figure for screen readers. */
export function NumberLine({ values, caption }: { values: FigureValueSummary[]; caption: string }) {
  const id = useId();
  const shown = values.filter((v) => v.min !== null || v.max !== null);
  if (shown.length === 0) return null;
  const scale = valueScale(shown);
  const inner = W - PAD_L - PAD_R;
  const x = (v: number) => PAD_L + scale.at(v) * inner;
  const spans = shown.map((v) => [v.min === null ? 0 : scale.at(v.min), v.max === null ? 1 : scale.at(v.max)] as [number, number]);
  const lane = lanes(spans);
  const height = (Math.max(...lane) + 1) * LANE + AXIS;
  return (
    <figure class="chart number-line">
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-labelledby={`${id}-cap`} data-scale={scale.kind} data-domain={scale.domain.join(',')}
        data-pad={`${PAD_L},${PAD_R}`} data-width={W}>
        {shown.map((v, i) => {
          const x1 = v.min === null ? PAD_L : x(v.min);
          const x2 = v.max === null ? W - PAD_R : x(v.max);
          const cls = attributionClass(v);
          return (
            <g key={i} class={`nl-value kind-${cls}`} data-min={v.min ?? ''} data-max={v.max ?? ''} data-x1={x1.toFixed(2)} data-x2={x2.toFixed(2)} data-independent={v.independent}>
              <title>{`${formatRange(v)}: ${whoStates(v)} (${plural(v.independent, 'independent source')})`}</title>
              <Shape x1={x1} x2={x2} y={lane[i]! * LANE + LANE / 2} r={radius(v.independent)} openLeft={v.min === null} openRight={v.max === null} />
            </g>
          );
        })}
        <g class="axis-line" aria-hidden="true">
          <line x1={PAD_L} x2={W - PAD_R} y1={height - AXIS + 4} y2={height - AXIS + 4} />
          {scale.ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={height - AXIS + 1} y2={height - AXIS + 7} />
              <text x={x(t)} y={height - 4} text-anchor="middle">{t.toLocaleString('en')}</text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption id={`${id}-cap`} class="sr-only">{caption}: {plural(shown.length, 'value')} on a {scale.kind === 'log' ? 'logarithmic ' : ''}number line; the table has them.</figcaption>
      <div class="sr-only"><table>
        <caption>{caption}: every value</caption>
        <thead><tr><th scope="col">Value</th><th scope="col">Stated by</th><th scope="col">Kind</th><th scope="col">Independent sources</th></tr></thead>
        <tbody>{shown.map((v, i) => (
          <tr key={i}><td>{formatRange(v)}</td><td>{whoStates(v)}</td><td>{CLASS_NAMES[attributionClass(v)]}</td><td>{v.independent}</td></tr>
        ))}</tbody>
      </table></div>
    </figure>
  );
}
