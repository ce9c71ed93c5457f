/**
 * Cuts a text into segments at every highlight boundary, so overlapping highlights (a place inside
 * a count's sentence, a count inside a shared passage) can be drawn as flat, non-nested runs.
 */

/** Kinds of highlight, in the order a click picks them when several cover one place. */
export const LAYERS = ['count', 'date', 'quote', 'citation', 'entity'] as const;
/** A highlight kind. */
export type Layer = (typeof LAYERS)[number];

/** One highlighted item. */
export interface Mark {
  /** Unique within the document: `count:3`, `date:0`, … */
  id: string;
  layer: Layer;
  start: number;
  end: number;
}

/** A run of text covered by the same marks. */
export interface Segment {
  start: number;
  end: number;
  /** Covering marks, by layer order then by shortest first. */
  marks: Mark[];
  /** Whether the run lies in a passage shared with another report. */
  shared: boolean;
}

const rank = (m: Mark) => LAYERS.indexOf(m.layer);

/** Segments covering `[0, length)` in order; runs with no mark are segments too. */
export function segment(length: number, marks: readonly Mark[], shared: ReadonlyArray<{ start: number; end: number }> = []): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const valid = marks.map((m) => ({ ...m, start: clamp(m.start), end: clamp(m.end) })).filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) { cuts.add(m.start); cuts.add(m.end); }
  const sharedSpans = shared.map((s) => ({ start: clamp(s.start), end: clamp(s.end) })).filter((s) => s.end > s.start);
  for (const s of sharedSpans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);

  // A sweep: marks enter at their start and leave at their end.
  const starting = new Map<number, Mark[]>();
  for (const m of valid) starting.set(m.start, [...(starting.get(m.start) ?? []), m]);
  const sharedDelta = new Map<number, number>();
  for (const s of sharedSpans) {
    sharedDelta.set(s.start, (sharedDelta.get(s.start) ?? 0) + 1);
    sharedDelta.set(s.end, (sharedDelta.get(s.end) ?? 0) - 1);
  }
  let active: Mark[] = [];
  let inShared = 0;
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const at = points[i]!;
    const next = points[i + 1]!;
    active = active.filter((m) => m.end > at);
    const entering = starting.get(at);
    if (entering) active.push(...entering);
    inShared += sharedDelta.get(at) ?? 0;
    const sorted = [...active].sort((a, b) => rank(a) - rank(b) || (a.end - a.start) - (b.end - b.start));
    out.push({ start: at, end: next, marks: sorted, shared: inShared > 0 });
  }
  return out;
}

/** The marks a reader steps through with the keyboard, in text order: counts and dates. */
export function stops(marks: readonly Mark[]): Mark[] {
  return marks.filter((m) => m.layer === 'count' || m.layer === 'date').sort((a, b) => a.start - b.start || rank(a) - rank(b));
}
