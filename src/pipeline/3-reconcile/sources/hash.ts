/** Small deterministic hashes: no randomness at run time, so every run finds the same pairs. */

/** A 53-bit string hash (cyrb53), a plain number: a fingerprint of a whole text. */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 32-bit string hash (FNV-1a then a Murmur3 finish), for single words. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** Murmur3's 32-bit finaliser: a cheap bijective mix, used as the MinHash permutation. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** mulberry32: a seeded generator of unsigned 32-bit numbers, the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A seeded generator of numbers in [0, 1) (mulberry32), for tests and benchmarks that must replay. */
export function rng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** `n` pseudo-random 32-bit seeds from one seed (mulberry32), the same on every machine. */
export function seeds(seed: number, n: number): Uint32Array {
  const next = mulberry32(seed);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = next();
  return out;
}

/** Hashes a band number and its rows into a 64-bit bucket key, written as two int32 at `out[o]`. */
export function bandKeyInto(out: Int32Array, o: number, band: number, rows: ArrayLike<number>, from: number, count: number): void {
  let h1 = mix32(band + 0x9e3779b9);
  let h2 = mix32(band ^ 0x7f4a7c15);
  for (let i = from; i < from + count; i++) {
    h1 = mix32(h1 ^ rows[i]!);
    h2 = mix32((h2 + Math.imul(rows[i]!, 0x27d4eb2f)) >>> 0);
  }
  out[o] = h1;
  out[o + 1] = h2;
}
