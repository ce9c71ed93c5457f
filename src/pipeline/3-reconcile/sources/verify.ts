/** Verifies an LSH candidate pair by exact shingle overlap and merges the overlap into passages. */
import type { SharedPassage, SourceOptions, SourcePair } from '../types.js';

/** What the index keeps of each report: word offsets and shingle hashes, not the text. */
export interface IndexedDoc {
  id: string;
  ordinal: number;
  starts: Int32Array;
  ends: Int32Array;
  shingles: Int32Array;
}

/** Shingle hash → positions, capped per hash so a repeated boilerplate line stays cheap. */
export function positionsByHash(shingles: Int32Array, maxPositions: number): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i]!;
    const list = map.get(h);
    if (list === undefined) map.set(h, [i]);
    else if (list.length < maxPositions) list.push(i);
  }
  return map;
}

/** A run of matching shingle positions on one diagonal: older j0.., newer i0.., `length` shingles. */
interface Run {
  j0: number;
  i0: number;
  length: number;
}

/** Matching positions merged into maximal runs where both sides advance together. */
function runs(older: IndexedDoc, newerPositions: Map<number, number[]>): Run[] {
  const matches: Array<[number, number]> = [];
  for (let j = 0; j < older.shingles.length; j++) {
    const hits = newerPositions.get(older.shingles[j]!);
    if (hits !== undefined) for (const i of hits) matches.push([j, i]);
  }
  // Sorting by diagonal (i − j) then position puts each run's shingles next to each other.
  matches.sort((x, y) => x[1] - x[0] - (y[1] - y[0]) || x[0] - y[0]);
  const out: Run[] = [];
  let cur: Run | null = null;
  for (const [j, i] of matches) {
    if (cur !== null && i - j === cur.i0 - cur.j0 && j === cur.j0 + cur.length) cur.length++;
    else {
      cur = { j0: j, i0: i, length: 1 };
      out.push(cur);
    }
  }
  return out;
}

/**
 * The passages `older` and `newer` share and each one's containment, or null when they share
 * no run of at least `options.minWords` words. Shingle equality is by 32-bit hash.
 */
export function comparePair(
  older: IndexedDoc,
  newer: IndexedDoc,
  newerPositions: Map<number, number[]>,
  options: SourceOptions,
): SourcePair | null {
  const n = options.shingle;
  const coveredA = new Uint8Array(older.shingles.length);
  const coveredB = new Uint8Array(newer.shingles.length);
  const passages: SharedPassage[] = [];
  for (const run of runs(older, newerPositions)) {
    const words = run.length + n - 1;
    if (words < options.minWords) continue;
    coveredA.fill(1, run.j0, run.j0 + run.length);
    coveredB.fill(1, run.i0, run.i0 + run.length);
    const lastA = run.j0 + words - 1;
    const lastB = run.i0 + words - 1;
    passages.push({
      a: { doc: older.id, span: { start: older.starts[run.j0]!, end: older.ends[lastA]! }, firstWord: run.j0 },
      b: { doc: newer.id, span: { start: newer.starts[run.i0]!, end: newer.ends[lastB]! }, firstWord: run.i0 },
      words,
    });
  }
  if (passages.length === 0) return null;
  passages.sort((x, y) => x.a.span.start - y.a.span.start || x.b.span.start - y.b.span.start);
  return {
    a: older.id,
    b: newer.id,
    containmentA: share(coveredA),
    containmentB: share(coveredB),
    passages,
  };
}

/** Share of positions marked. */
function share(covered: Uint8Array): number {
  if (covered.length === 0) return 0;
  let k = 0;
  for (const c of covered) k += c;
  return k / covered.length;
}
