/** Seeded randomness for tests, so a failing run can be replayed. */

import { rng } from '../../src/pipeline/3-reconcile/sources/hash.js';


/** A seeded shuffle (Fisher–Yates over `rng`). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
