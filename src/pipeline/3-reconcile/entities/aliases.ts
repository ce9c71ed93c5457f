/** Clusters entity names into a canonical name and its aliases, each link with its reason. */
import type { AliasLink, EntityCluster } from '../types.js';
import { applyNameDecisions } from './decide.js';
import type { NameDecision } from './decide.js';
import { damerauLevenshtein } from './distance.js';
import { foldName } from './fold.js';

export { foldName } from './fold.js';

/** How names are joined. Nothing about any place or party is built in: exonyms come as data. */
export interface AliasOptions {
  /** Rows of names for one thing in different languages or usages, e.g. [["Oldtown", "Vetrograd"]]. */
  exonyms?: ReadonlyArray<readonly string[]>;
  /** Largest edit distance (on folded names) still taken for a typo. */
  maxDistance?: number;
  /** Shortest folded name edit distance applies to: short names differ by one letter too often. */
  minLength?: number;
  /** Only names with the same first folded letter are compared (typos rarely hit it; also blocks the search). */
  sameFirstLetter?: boolean;
  /** Curators' merges and splits, in the order made, laid over the clusters the rules make. */
  decisions?: readonly NameDecision[];
  /**
   * The typo links among the names' folded keys, as `typoKeyLinks` finds them under the same
   * options: given, they are taken as they are rather than searched for (a build keeps them and
   * compares only the keys new since).
   */
  typoLinks?: readonly KeyLink[];
}

/** Two folded keys within the edit-distance limit, and their distance. */
export type KeyLink = readonly [string, string, number];

/** The rules of AliasOptions that decide typo links, with their defaults. */
type TypoRules = Required<Pick<AliasOptions, 'maxDistance' | 'minLength' | 'sameFirstLetter'>>;
const TYPO_DEFAULTS: TypoRules = { maxDistance: 2, minLength: 6, sameFirstLetter: true };

/** A name as clustering reads it: trimmed, its spaces made one. */
export function spellingOf(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

interface Spelling {
  name: string;
  key: string;
  count: number;
  first: number;
}

/** A name with how many times it is mentioned: a tally stands for that many repeats of the name in one place. */
export interface NameCount {
  name: string;
  count: number;
}

/** Every distinct spelling with its count and first position; the folded key of each. */
function spellings(names: ReadonlyArray<string | NameCount>): Spelling[] {
  const byName = new Map<string, Spelling>();
  names.forEach((entry, i) => {
    const [raw, n] = typeof entry === 'string' ? [entry, 1] : [entry.name, entry.count];
    const name = spellingOf(raw);
    if (name === '') return;
    const s = byName.get(name);
    if (s !== undefined) s.count += n;
    else byName.set(name, { name, key: foldName(name), count: n, first: i });
  });
  return [...byName.values()];
}

/** Minimal union-find over folded keys (or any strings). */
export class Keys {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let r = k;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r)!;
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Folded keys long enough for typos, in blocks of those compared with each other, in the order given. */
function typoBlocks(keys: Iterable<string>, o: TypoRules): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  for (const key of keys) {
    if (key.length < o.minLength) continue;
    const b = o.sameFirstLetter ? key[0]! : '';
    const block = blocks.get(b);
    if (block === undefined) blocks.set(b, [key]);
    else block.push(key);
  }
  return blocks;
}

/** The pairs (i < j, in the order comparing every pair meets them) of a block's keys that may lie within the limit. */
function candidatePairs(keys: readonly string[], o: TypoRules): Iterable<[number, number]> {
  if (keys.length > INDEX_FROM && o.maxDistance <= 2) return nearPairs(keys, o.maxDistance);
  return (function* all() {
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) yield [i, j] as [number, number];
  })();
}

/**
 * Every typo link among some folded keys: pairs of one block within the edit-distance limit.
 * `known`: the links among the keys not in `fresh`, found before; then only pairs with a fresh
 * key are compared, and the links are the same as comparing every pair gives.
 */
export function typoKeyLinks(keys: Iterable<string>, options: Pick<AliasOptions, 'maxDistance' | 'minLength' | 'sameFirstLetter'> = {}, known?: { links: readonly KeyLink[]; fresh: ReadonlySet<string> }): KeyLink[] {
  const o = { ...TYPO_DEFAULTS, ...options };
  const present = new Set(keys);
  const out: KeyLink[] = [];
  const link = (a: string, b: string) => {
    const d = damerauLevenshtein(a, b, o.maxDistance);
    if (d <= o.maxDistance) out.push([a, b, d]);
  };
  if (known !== undefined) for (const l of known.links) if (present.has(l[0]) && present.has(l[1])) out.push(l);
  for (const block of typoBlocks(present, o).values()) {
    if (known === undefined) {
      for (const [i, j] of candidatePairs(block, o)) link(block[i]!, block[j]!);
      continue;
    }
    const fresh = block.filter((k) => known.fresh.has(k));
    if (fresh.length === 0) continue;
    // Few new keys: each compared with the block; many: the block's index, keeping the pairs with a new key.
    if (block.length > INDEX_FROM && o.maxDistance <= 2 && fresh.length * 16 > block.length) {
      for (const [i, j] of nearPairs(block, o.maxDistance)) if (known.fresh.has(block[i]!) || known.fresh.has(block[j]!)) link(block[i]!, block[j]!);
    } else {
      for (const f of fresh) for (const k of block) if (k !== f && (!known.fresh.has(k) || f < k)) link(f, k);
    }
  }
  return out;
}

/**
 * Links between the spellings of distinct folded keys within the edit-distance limit (those
 * given, else searched for), in the order comparing every pair of a block meets them, blocks in
 * the order of their first key.
 */
function typoLinks(reps: Map<string, Spelling>, o: TypoRules, given?: readonly KeyLink[]): AliasLink[] {
  const pos = new Map<string, number>();
  const rank = new Map<string, number>();
  [...typoBlocks(reps.keys(), o).values()].forEach((keys, b) => keys.forEach((k, i) => { pos.set(k, i); rank.set(k, b); }));
  return (given ?? typoKeyLinks(reps.keys(), o))
    .filter(([a, b]) => pos.has(a) && pos.has(b) && rank.get(a) === rank.get(b))
    .map(([a, b, d]) => (pos.get(a)! < pos.get(b)! ? [a, b, d] as const : [b, a, d] as const))
    .sort((x, y) => rank.get(x[0])! - rank.get(y[0])! || pos.get(x[0])! - pos.get(y[0])! || pos.get(x[1])! - pos.get(y[1])!)
    .map(([a, b, d]) => ({ a: reps.get(a)!.name, b: reps.get(b)!.name, why: 'edit distance', distance: d }));
}

/** Names in one block from which the deletion index beats comparing every pair. */
const INDEX_FROM = 200;

/** The strings left by deleting up to `k` letters (UTF-16 units) of `s`, `s` itself included. */
function deletions(s: string, k: number): Set<string> {
  const out = new Set<string>([s]);
  let level = [s];
  for (let d = 0; d < k; d++) {
    const next: string[] = [];
    for (const x of level) for (let i = 0; i < x.length; i++) { const y = x.slice(0, i) + x.slice(i + 1); if (!out.has(y)) { out.add(y); next.push(y); } }
    level = next;
  }
  return out;
}

/**
 * Pairs (i < j, in the order comparing every pair meets them) of keys that may lie within
 * `max` edits: two strings within `max` inserts, deletes, substitutions or swaps of
 * neighbours each leave a common string after at most `max` deletions, so only keys sharing
 * one of those strings are compared (a deletion index, as spelling correctors keep one).
 */
export function nearPairs(keys: readonly string[], max: number): Array<[number, number]> {
  const index = new Map<string, number[]>();
  keys.forEach((key, i) => {
    for (const v of deletions(key, max)) {
      const list = index.get(v);
      if (list === undefined) index.set(v, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const n = keys.length;
  for (const list of index.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const id = list[x]! * n + list[y]!;
        if (!seen.has(id)) { seen.add(id); pairs.push([list[x]!, list[y]!]); }
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Most mentioned first, then first seen: the order never depends on what the names are. */
function byWeight(x: Spelling, y: Spelling): number {
  return y.count - x.count || x.first - y.first;
}

/**
 * Clusters names (one entry per mention, repeats allowed, or a name with its count): same folded spelling, a typo
 * (Damerau–Levenshtein ≤ maxDistance on folded names of at least minLength letters), or a row
 * of the exonym table; then curators' decisions. The canonical name is the most mentioned spelling.
 */
export function clusterNames(names: ReadonlyArray<string | NameCount>, options: AliasOptions = {}): EntityCluster[] {
  const o = { ...TYPO_DEFAULTS, ...options };
  const all = spellings(names);
  const reps = new Map<string, Spelling>();
  const links: AliasLink[] = [];
  const keys = new Keys();
  for (const s of [...all].sort(byWeight)) {
    const rep = reps.get(s.key);
    if (rep === undefined) reps.set(s.key, s);
    else links.push({ a: rep.name, b: s.name, why: 'same folded spelling' });
  }
  for (const link of typoLinks(reps, o, o.typoLinks)) {
    links.push(link);
    keys.union(foldName(link.a), foldName(link.b));
  }
  for (const row of o.exonyms ?? []) {
    const present = row.map(foldName).filter((k) => reps.has(k));
    for (const k of present.slice(1)) {
      links.push({ a: reps.get(present[0]!)!.name, b: reps.get(k)!.name, why: 'exonym' });
      keys.union(present[0]!, k);
    }
  }
  const clusters = new Map<string, Spelling[]>();
  for (const s of all) {
    const root = keys.find(s.key);
    const members = clusters.get(root);
    if (members === undefined) clusters.set(root, [s]);
    else members.push(s);
  }
  links.push(...applyNameDecisions(clusters, o.decisions ?? []));
  // Each link to the cluster holding both its names, in the order made (one pass, not one per cluster).
  const clusterOf = new Map<string, number>();
  [...clusters.values()].forEach((members, i) => { for (const m of members) clusterOf.set(m.name, i); });
  const linksOf = new Map<number, AliasLink[]>();
  for (const l of links) {
    const c = clusterOf.get(l.a);
    if (c === undefined || c !== clusterOf.get(l.b)) continue;
    const list = linksOf.get(c);
    if (list === undefined) linksOf.set(c, [l]);
    else list.push(l);
  }
  const out = [...clusters.values()].map((members, i) => {
    const sorted = [...members].sort(byWeight);
    return {
      canonical: sorted[0]!.name,
      aliases: sorted.slice(1).map((m) => m.name),
      names: sorted.map((m) => ({ name: m.name, count: m.count })),
      links: linksOf.get(i) ?? [],
      weight: sorted.reduce((n, m) => n + m.count, 0),
      first: Math.min(...sorted.map((m) => m.first)),
    };
  });
  out.sort((x, y) => y.weight - x.weight || x.first - y.first);
  return out.map(({ canonical, aliases, names: ns, links: ls }) => ({ canonical, aliases, names: ns, links: ls }));
}

/** Canonical name of every spelling, for resolving mentions after clustering. */
export function canonicalMap(clusters: readonly EntityCluster[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of clusters) for (const n of c.names) map.set(n.name, c.canonical);
  return map;
}
