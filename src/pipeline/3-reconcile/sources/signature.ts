/** A report's source signature, computed once at ingest, and a new report's pairs found from stored ones. */
import type { SourceOptions, SourcePair } from '../types.js';
import { hash53, seeds } from './hash.js';
import { bandKeys, shingleHashes, windowSignatures } from './minhash.js';
import { resolveSourceOptions } from './source-index.js';
import { comparePair, positionsByHash } from './verify.js';
import { normaliseWords } from './words.js';

/** Word offsets, shingle hashes and distinct LSH band keys of one text. */
export interface Signature {
  fingerprint: number;
  starts: Int32Array;
  ends: Int32Array;
  shingles: Int32Array;
  /** Distinct keys as int32 pairs [k1, k2, …], in first-seen order. */
  bandKeys: Int32Array;
}

/** Most earlier reports one new report is verified against (as SourceIndex). */
export const MAX_CANDIDATES = 64;

const fnsCache = new Map<string, Int32Array>();
function fnsOf(o: SourceOptions): Int32Array {
  const k = `${o.seed}:${o.bands * o.rows}`;
  let f = fnsCache.get(k);
  if (f === undefined) { f = Int32Array.from(seeds(o.seed, o.bands * o.rows)); fnsCache.set(k, f); }
  return f;
}

/** The signature of a text: what the shared-passage index keeps of it instead of the text. */
export function signatureOf(text: string, options: Partial<SourceOptions> = {}): Signature {
  const o = resolveSourceOptions(options);
  const { words, starts, ends } = normaliseWords(text);
  const shingles = shingleHashes(words, o.shingle);
  const keys = bandKeys(windowSignatures(shingles, o, fnsOf(o)), o);
  // One entry per distinct key, as a bucket holds a report once.
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = 0; i < keys.length; i += 2) {
    const k = `${keys[i]},${keys[i + 1]}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(keys[i]!, keys[i + 1]!);
  }
  return { fingerprint: hash53(text), starts: Int32Array.from(starts), ends: Int32Array.from(ends), shingles, bandKeys: Int32Array.from(out) };
}

/** The pairs a new report forms with earlier ones (`a` the earlier), verified by exact shingle overlap. */
export function pairsWith(doc: { id: string; signature: Signature }, earlier: ReadonlyArray<{ id: string; signature: Signature }>, options: Partial<SourceOptions> = {}): SourcePair[] {
  const o = resolveSourceOptions(options);
  const positions = positionsByHash(doc.signature.shingles, o.maxPositions);
  const newer = { id: doc.id, ordinal: earlier.length, ...doc.signature };
  const out: SourcePair[] = [];
  earlier.forEach((e, i) => {
    const pair = comparePair({ id: e.id, ordinal: i, ...e.signature }, newer, positions, o);
    if (pair !== null) out.push(pair);
  });
  return out;
}
