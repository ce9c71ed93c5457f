/** Source groups: reports that share so much text that they count as one source. */
import { AppError } from '../../../domain/errors.js';
import type { PairJudgement, SourceGroupsResult, SourcePair, SourceThresholds } from '../types.js';

/** Half of both reports copied → one source; a tenth → possibly one, shown for review. */
export const DEFAULT_THRESHOLDS: Readonly<SourceThresholds> = Object.freeze({ high: 0.5, low: 0.1, measure: 'min' });

/** Checks thresholds and fills defaults. */
export function resolveThresholds(t: Partial<SourceThresholds> = {}): SourceThresholds {
  const o = { ...DEFAULT_THRESHOLDS, ...t };
  if (!(o.low >= 0 && o.low <= o.high && o.high <= 1)) {
    throw new AppError('E_BAD_INPUT', `Source thresholds need 0 ≤ low ≤ high ≤ 1, got low ${o.low}, high ${o.high}`);
  }
  return o;
}

/** The containment a pair is judged by. */
export function pairScore(pair: SourcePair, measure: SourceThresholds['measure']): number {
  return measure === 'min' ? Math.min(pair.containmentA, pair.containmentB) : Math.max(pair.containmentA, pair.containmentB);
}

/**
 * Judges a pair. `min` (the default) asks that both reports be mostly shared text; with `max`
 * a short report quoted whole inside two unrelated long ones would chain them into one group.
 */
export function judgePair(pair: SourcePair, thresholds: SourceThresholds): PairJudgement {
  const s = pairScore(pair, thresholds.measure);
  if (s >= thresholds.high) return 'same';
  if (s >= thresholds.low && s > 0) return 'possibly-same';
  return 'distinct';
}

/**
 * Union-find over `same` pairs, kept up to date one report and one pair at a time. A group's
 * id is its earliest-added report, so ids do not depend on names or on the order pairs arrive.
 */
export class SourceGroups {
  /** The resolved thresholds. */
  readonly thresholds: SourceThresholds;
  private readonly ordinal = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly parent: number[] = [];
  private readonly review: SourcePair[] = [];

  /** Empty groups. */
  constructor(thresholds: Partial<SourceThresholds> = {}) {
    this.thresholds = resolveThresholds(thresholds);
  }

  /** Registers a report (a group of its own until a pair joins it). */
  addDoc(docId: string): void {
    if (this.ordinal.has(docId)) return;
    this.ordinal.set(docId, this.ids.length);
    this.parent.push(this.ids.length);
    this.ids.push(docId);
  }

  /** Judges a pair and joins its reports when they are one source. */
  addPair(pair: SourcePair): PairJudgement {
    this.addDoc(pair.a);
    this.addDoc(pair.b);
    const judgement = judgePair(pair, this.thresholds);
    if (judgement === 'same') this.union(this.ordinal.get(pair.a)!, this.ordinal.get(pair.b)!);
    else if (judgement === 'possibly-same') this.review.push(pair);
    return judgement;
  }

  /** The group id of a report (the report itself when it was never registered). */
  groupOf(docId: string): string {
    const o = this.ordinal.get(docId);
    return o === undefined ? docId : this.ids[this.find(o)]!;
  }

  /** Groups, the report → group map, and the pairs for review (those now inside one group left out). */
  result(): SourceGroupsResult {
    const byRoot = new Map<number, string[]>();
    const groupOf: Record<string, string> = {};
    for (let o = 0; o < this.ids.length; o++) {
      const root = this.find(o);
      const list = byRoot.get(root);
      if (list === undefined) byRoot.set(root, [this.ids[o]!]);
      else list.push(this.ids[o]!);
      groupOf[this.ids[o]!] = this.ids[root]!;
    }
    const possible = this.review.filter((p) => groupOf[p.a] !== groupOf[p.b]);
    return { groups: [...byRoot.values()], groupOf, possible };
  }

  private find(o: number): number {
    while (this.parent[o] !== o) {
      this.parent[o] = this.parent[this.parent[o]!]!;
      o = this.parent[o]!;
    }
    return o;
  }

  private union(x: number, y: number): void {
    const rx = this.find(x);
    const ry = this.find(y);
    if (rx === ry) return;
    // The earlier report stays the root, which keeps group ids stable.
    if (rx < ry) this.parent[ry] = rx;
    else this.parent[rx] = ry;
  }
}

/** Groups in one call: every report (in order) and every pair. */
export function groupSources(docIds: string[], pairs: SourcePair[], thresholds: Partial<SourceThresholds> = {}): SourceGroupsResult {
  const g = new SourceGroups(thresholds);
  for (const id of docIds) g.addDoc(id);
  for (const p of pairs) g.addPair(p);
  return g.result();
}
