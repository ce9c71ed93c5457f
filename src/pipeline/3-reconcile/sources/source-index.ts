/** An incremental index of reports that finds, for each new one, the passages it shares. */
import { AppError } from '../../../domain/errors.js';
import type { SourceOptions, SourcePair } from '../types.js';
import { hash53, seeds } from './hash.js';
import { BucketTable } from './buckets.js';
import { bandKeys, shingleHashes, windowSignatures } from './minhash.js';
import { comparePair, positionsByHash, type IndexedDoc } from './verify.js';
import { normaliseWords } from './words.js';

/**
 * Defaults: 8-word shingles; MinHash windows of 16 shingles overlapping by half; 6 bands of 2
 * rows. Measured on random text, a copied run of 20 words is found 96% of the time and one of
 * 30 words or more always, at about 0.75 bucket entries per shingle. A kept passage is at least
 * 12 words long, since independent reports on one event can share an 8-word stock phrase.
 */
export const DEFAULT_SOURCE_OPTIONS: Readonly<SourceOptions> = Object.freeze({
  shingle: 8,
  window: 16,
  bands: 6,
  rows: 2,
  seed: 0x5eed,
  minWords: 12,
  maxPositions: 8,
  maxBucket: 1000,
});

/** Most earlier reports one new report is verified against. */
const MAX_CANDIDATES = 64;

/** Everything the index holds, as plain data, so a store can keep it and restore it. */
export interface SourceIndexSnapshot {
  options: SourceOptions;
  docs: Array<{ id: string; fingerprint: number; starts: number[]; ends: number[]; shingles: number[] }>;
  pairs: SourcePair[];
  /** The LSH bucket entries in insertion order, so restoring hashes nothing; absent in older snapshots. */
  buckets?: { k1: number[]; k2: number[]; docs: number[] };
}

/** What `restore` accepts: a snapshot, or the same with typed arrays (as a store decodes them, without copying to plain arrays). */
export interface SourceIndexData {
  options: SourceOptions;
  docs: Array<{ id: string; fingerprint: number; starts: ArrayLike<number>; ends: ArrayLike<number>; shingles: ArrayLike<number> }>;
  pairs: SourcePair[];
  buckets?: { k1: ArrayLike<number>; k2: ArrayLike<number>; docs: ArrayLike<number> };
}

const int32 = (a: ArrayLike<number>) => (a instanceof Int32Array ? a : Int32Array.from(a));

/** Checks options and fills defaults. */
export function resolveSourceOptions(options: Partial<SourceOptions> = {}): SourceOptions {
  const o = { ...DEFAULT_SOURCE_OPTIONS, ...options };
  for (const key of ['shingle', 'window', 'bands', 'rows', 'minWords', 'maxPositions', 'maxBucket'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) {
      throw new AppError('E_BAD_INPUT', `Source option ${key} must be a positive integer, got ${String(o[key])}`);
    }
  }
  return { ...o, minWords: Math.max(o.minWords, o.shingle) };
}

/**
 * Shingles, MinHash windows and LSH buckets of every report added so far. `add` compares a
 * new report only with the reports it shares a bucket with, never with all of them.
 */
export class SourceIndex {
  /** The resolved options. */
  readonly options: SourceOptions;
  private readonly fns: Int32Array;
  private readonly docs = new Map<string, IndexedDoc & { fingerprint: number }>();
  private readonly order: string[] = [];
  private buckets = new BucketTable();
  private readonly found: SourcePair[] = [];
  private compared = 0;

  /** An empty index. */
  constructor(options: Partial<SourceOptions> = {}) {
    this.options = resolveSourceOptions(options);
    this.fns = Int32Array.from(seeds(this.options.seed, this.options.bands * this.options.rows));
  }

  /** Number of reports indexed. */
  get size(): number {
    return this.order.length;
  }

  /** Counters for benchmarks and tests: candidate pairs verified, buckets held. */
  get stats(): { docs: number; buckets: number; comparisons: number; pairs: number } {
    return { docs: this.order.length, buckets: this.buckets.size, comparisons: this.compared, pairs: this.found.length };
  }

  /** True when the report has been added. */
  has(docId: string): boolean {
    return this.docs.has(docId);
  }

  /** Report ids in the order they were added. */
  ids(): string[] {
    return [...this.order];
  }

  /**
   * Indexes a report and returns the pairs it forms with reports added before it (`a` the
   * earlier, `b` this one). Adding the same id with the same text again changes nothing.
   */
  add(docId: string, text: string): SourcePair[] {
    const fingerprint = hash53(text);
    const known = this.docs.get(docId);
    if (known !== undefined) {
      if (known.fingerprint !== fingerprint) {
        throw new AppError('E_CONFLICT', `Report ${docId} is already indexed with a different text`);
      }
      return this.found.filter((p) => p.b === docId);
    }
    const { words, starts, ends } = normaliseWords(text);
    const doc = { id: docId, ordinal: this.order.length, starts, ends, shingles: shingleHashes(words, this.options.shingle), fingerprint };
    return this.insert(doc, true);
  }

  /** Every pair found so far, in the order found. */
  pairs(): SourcePair[] {
    return [...this.found];
  }

  /** The pairs one report takes part in. */
  pairsOf(docId: string): SourcePair[] {
    return this.found.filter((p) => p.a === docId || p.b === docId);
  }

  /** The index as plain data. */
  snapshot(): SourceIndexSnapshot {
    return {
      options: { ...this.options },
      docs: this.order.map((id) => {
        const d = this.docs.get(id)!;
        return { id, fingerprint: d.fingerprint, starts: [...d.starts], ends: [...d.ends], shingles: [...d.shingles] };
      }),
      pairs: this.pairs(),
      buckets: (({ k1, k2, docs }) => ({ k1: Array.from(k1), k2: Array.from(k2), docs: Array.from(docs) }))(this.buckets.entries()),
    };
  }

  /**
   * The index as `snapshot` gives it, but its arrays typed and shared rather than copied: for
   * writing it out at once (at 100k reports plain arrays would be hundreds of megabytes).
   * Must not be modified, nor kept across `add`.
   */
  view(): Required<SourceIndexData> {
    return {
      options: { ...this.options },
      docs: this.order.map((id) => {
        const d = this.docs.get(id)!;
        return { id, fingerprint: d.fingerprint, starts: d.starts, ends: d.ends, shingles: d.shingles };
      }),
      pairs: this.pairs(),
      buckets: this.buckets.entries(),
    };
  }

  /** Rebuilds an index from a snapshot: its buckets as stored, or (older snapshots) recomputed from the shingles. */
  static restore(snapshot: SourceIndexData): SourceIndex {
    const index = new SourceIndex(snapshot.options);
    if (snapshot.buckets) {
      index.buckets = BucketTable.fromEntries(snapshot.buckets.k1, snapshot.buckets.k2, snapshot.buckets.docs);
      for (const d of snapshot.docs) {
        const doc = { id: d.id, ordinal: index.order.length, starts: int32(d.starts), ends: int32(d.ends), shingles: int32(d.shingles), fingerprint: d.fingerprint };
        index.docs.set(doc.id, doc);
        index.order.push(doc.id);
      }
      for (const p of snapshot.pairs) index.found.push(p);
      return index;
    }
    for (const d of snapshot.docs) {
      index.insert({
        id: d.id,
        ordinal: index.order.length,
        starts: int32(d.starts),
        ends: int32(d.ends),
        shingles: int32(d.shingles),
        fingerprint: d.fingerprint,
      }, false);
    }
    for (const p of snapshot.pairs) index.found.push(p);
    return index;
  }

  /** Buckets the report and, when asked, verifies it against its candidates. */
  private insert(doc: IndexedDoc & { fingerprint: number }, compare: boolean): SourcePair[] {
    const keys = bandKeys(windowSignatures(doc.shingles, this.options, this.fns), this.options);
    // Candidates with the number of buckets they share with this report.
    const candidates = new Map<number, number>();
    const cap = this.options.maxBucket;
    for (let i = 0; i < keys.length; i += 2) this.buckets.add(keys[i]!, keys[i + 1]!, doc.ordinal, cap, candidates);
    this.docs.set(doc.id, doc);
    this.order.push(doc.id);
    if (!compare || candidates.size === 0) return [];
    const positions = positionsByHash(doc.shingles, this.options.maxPositions);
    const out: SourcePair[] = [];
    // Boilerplate shared by thousands of reports must not make pairs quadratic: verify only the
    // candidates sharing the most buckets (most recent first on ties); copies chain through groups.
    const best = [...candidates].sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, MAX_CANDIDATES).map(([o]) => o);
    for (const o of best.sort((x, y) => x - y)) {
      this.compared++;
      const pair = comparePair(this.docs.get(this.order[o]!)!, doc, positions, this.options);
      if (pair !== null) out.push(pair);
    }
    this.found.push(...out);
    return out;
  }
}
