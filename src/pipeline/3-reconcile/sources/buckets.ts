/** LSH buckets as a chained hash table in typed arrays: millions of entries, little garbage. */

/**
 * A multimap from 64-bit bucket keys (two int32 halves) to report ordinals. Each chain holds
 * its newest entries first, so a full bucket offers its most recent reports. Typed arrays keep
 * the garbage collector from walking tens of millions of small objects, which a Map of arrays
 * makes it do, and which made indexing time grow faster than the number of reports.
 */
export class BucketTable {
  private heads = new Int32Array(1 << 16).fill(-1);
  private k1 = new Int32Array(1 << 16);
  private k2 = new Int32Array(1 << 16);
  private docs = new Int32Array(1 << 16);
  private next = new Int32Array(1 << 16);
  private count = 0;

  /** Number of entries (one per report per distinct key). */
  get size(): number {
    return this.count;
  }

  /**
   * Adds `doc` under the key and reports up to `cap` earlier reports already under it.
   * Returns false (and adds nothing) when `doc` is already there: its own earlier window.
   */
  add(a: number, b: number, doc: number, cap: number, candidates: Map<number, number>): boolean {
    const slot = b & (this.heads.length - 1);
    let seen = 0;
    for (let e = this.heads[slot]!; e !== -1 && seen < cap; e = this.next[e]!) {
      if (this.k1[e] !== a || this.k2[e] !== b) continue;
      if (this.docs[e] === doc) return false;
      const d = this.docs[e]!;
      candidates.set(d, (candidates.get(d) ?? 0) + 1);
      seen++;
    }
    if (this.count === this.docs.length) this.growEntries();
    if (this.count >= this.heads.length) this.growHeads();
    const e = this.count++;
    const s = b & (this.heads.length - 1);
    this.k1[e] = a;
    this.k2[e] = b;
    this.docs[e] = doc;
    this.next[e] = this.heads[s]!;
    this.heads[s] = e;
    return true;
  }

  /** The entries in the order they were added, as three parallel arrays (copies). */
  entries(): { k1: Int32Array; k2: Int32Array; docs: Int32Array } {
    return { k1: this.k1.slice(0, this.count), k2: this.k2.slice(0, this.count), docs: this.docs.slice(0, this.count) };
  }

  /** A table holding these entries (from `entries()`), in that order: no key is hashed again. */
  static fromEntries(k1: ArrayLike<number>, k2: ArrayLike<number>, docs: ArrayLike<number>): BucketTable {
    if (k1.length !== k2.length || k1.length !== docs.length) throw new Error('Bucket entries must be parallel arrays of one length');
    const t = new BucketTable();
    let size = 1 << 16;
    while (size <= k1.length) size *= 2;
    t.k1 = new Int32Array(size);
    t.k2 = new Int32Array(size);
    t.docs = new Int32Array(size);
    t.next = new Int32Array(size);
    t.k1.set(k1);
    t.k2.set(k2);
    t.docs.set(docs);
    t.count = k1.length;
    // The slots `add` would have grown to, relinked in insertion order: the same chains as before.
    t.heads = new Int32Array(size);
    t.growHeads(size);
    return t;
  }

  private growEntries(): void {
    const grow = (x: Int32Array) => {
      const y = new Int32Array(x.length * 2);
      y.set(x);
      return y;
    };
    this.k1 = grow(this.k1);
    this.k2 = grow(this.k2);
    this.docs = grow(this.docs);
    this.next = grow(this.next);
  }

  /** Doubles the slots and relinks every entry in insertion order, so chains stay newest first. */
  private growHeads(size = this.heads.length * 2): void {
    this.heads = new Int32Array(size).fill(-1);
    const mask = this.heads.length - 1;
    for (let e = 0; e < this.count; e++) {
      const s = this.k2[e]! & mask;
      this.next[e] = this.heads[s]!;
      this.heads[s] = e;
    }
  }
}
