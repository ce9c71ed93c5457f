/** Shingles, windowed MinHash signatures and their LSH band keys. */
import type { SourceOptions } from '../types.js';
import { bandKeyInto, hash32 } from './hash.js';

// Multiplier of the rolling shingle hash (odd, so it is invertible mod 2^32).
const P = 0x01000193;

/** The murmur3 finaliser, kept signed: MinHash needs a consistent order, not unsigned values. */
function mixSigned(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/**
 * Hash of every run of `n` consecutive words; position i covers words i..i+n-1. A rolling
 * polynomial over per-word hashes (O(1) a shingle), then mixed. 32 bits suffice: a false
 * shingle match costs nothing, since a passage needs a run of several.
 */
export function shingleHashes(words: readonly string[], n: number): Int32Array {
  const count = Math.max(0, words.length - n + 1);
  const out = new Int32Array(count);
  if (count === 0) return out;
  const wh = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = hash32(words[i]!);
  let top = 1; // P^(n-1)
  for (let k = 1; k < n; k++) top = Math.imul(top, P);
  let h = 0;
  for (let k = 0; k < n; k++) h = (Math.imul(h, P) + wh[k]!) | 0;
  out[0] = mixSigned(h);
  for (let i = 1; i < count; i++) {
    h = (Math.imul((h - Math.imul(wh[i - 1]!, top)) | 0, P) + wh[i + n - 1]!) | 0;
    out[i] = mixSigned(h);
  }
  return out;
}

/** Per-block minimum of each MinHash function: blocks are half-windows, so windows reuse them. */
function blockMinima(shingles: Int32Array, block: number, fns: Int32Array): Int32Array[] {
  const k = fns.length;
  const blocks: Int32Array[] = [];
  for (let from = 0; from < shingles.length; from += block) {
    const mins = new Int32Array(k).fill(0x7fffffff);
    const to = Math.min(shingles.length, from + block);
    for (let i = from; i < to; i++) {
      const x = shingles[i]!;
      for (let f = 0; f < k; f++) {
        // mixSigned inlined by hand: this loop is most of the indexing time.
        let v = x ^ fns[f]!;
        v ^= v >>> 16;
        v = Math.imul(v, 0x85ebca6b);
        v ^= v >>> 13;
        v = Math.imul(v, 0xc2b2ae35);
        v ^= v >>> 16;
        if (v < mins[f]!) mins[f] = v;
      }
    }
    blocks.push(mins);
  }
  return blocks;
}

/**
 * MinHash signatures of overlapping windows of `options.window` shingles.
 *
 * A whole-report signature estimates Jaccard similarity of the whole texts, which is tiny when
 * a short wire story is quoted inside a long article; windows make a copied passage of about a
 * window's length look near-identical to LSH however long the reports around it are.
 */
export function windowSignatures(shingles: Int32Array, options: SourceOptions, fns: Int32Array): Int32Array[] {
  const block = Math.max(1, Math.floor(options.window / 2));
  const blocks = blockMinima(shingles, block, fns);
  if (blocks.length <= 1) return blocks;
  const out: Int32Array[] = [];
  for (let j = 0; j + 1 < blocks.length; j++) {
    const a = blocks[j]!;
    const b = blocks[j + 1]!;
    const sig = new Int32Array(a.length);
    for (let f = 0; f < a.length; f++) sig[f] = Math.min(a[f]!, b[f]!);
    out.push(sig);
  }
  return out;
}

/**
 * The LSH bucket keys of a report, one per (window, band), as int32 pairs; a key may repeat
 * (neighbouring windows often agree), which the bucket table ignores.
 */
export function bandKeys(signatures: Int32Array[], options: SourceOptions): Int32Array {
  const out = new Int32Array(signatures.length * options.bands * 2);
  let o = 0;
  for (const sig of signatures) {
    for (let b = 0; b < options.bands; b++, o += 2) bandKeyInto(out, o, b, sig, b * options.rows, options.rows);
  }
  return out;
}

/**
 * Probability that two windows with Jaccard similarity `s` share at least one bucket:
 * 1 − (1 − s^rows)^bands. Exposed so the defaults can be reasoned about in tests.
 */
export function candidateProbability(s: number, options: Pick<SourceOptions, 'bands' | 'rows'>): number {
  return 1 - (1 - s ** options.rows) ** options.bands;
}
