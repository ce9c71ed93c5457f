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
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name === '') return;
    const s = byName.get(name);
    if (s !== undefined) s.count += n;
    else byName.set(name, { name, key: foldName(name), count: n, first: i });
  });
  return [...byName.values()];
}

/** Minimal union-find over folded keys. */
class Keys {
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

/** Pairs of distinct folded keys within the edit-distance limit, compared only within blocks. */
function typoLinks(reps: Map<string, Spelling>, o: Required<Omit<AliasOptions, 'exonyms' | 'decisions'>>): AliasLink[] {
  const blocks = new Map<string, string[]>();
  for (const key of reps.keys()) {
    if (key.length < o.minLength) continue;
    const b = o.sameFirstLetter ? key[0]! : '';
    const block = blocks.get(b);
    if (block === undefined) blocks.set(b, [key]);
    else block.push(key);
  }
  const links: AliasLink[] = [];
  for (const keys of blocks.values()) {
    const link = (i: number, j: number) => {
      const d = damerauLevenshtein(keys[i]!, keys[j]!, o.maxDistance);
      if (d <= o.maxDistance) links.push({ a: reps.get(keys[i]!)!.name, b: reps.get(keys[j]!)!.name, why: 'edit distance', distance: d });
    };
    if (keys.length <= INDEX_FROM || o.maxDistance > 2) {
      for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) link(i, j);
    } else for (const [i, j] of nearPairs(keys, o.maxDistance)) link(i, j);
  }
  return links;
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
  const o = { maxDistance: 2, minLength: 6, sameFirstLetter: true, ...options };
  const all = spellings(names);
  const reps = new Map<string, Spelling>();
  const links: AliasLink[] = [];
  const keys = new Keys();
  for (const s of [...all].sort(byWeight)) {
    const rep = reps.get(s.key);
    if (rep === undefined) reps.set(s.key, s);
    else links.push({ a: rep.name, b: s.name, why: 'same folded spelling' });
  }
  for (const link of typoLinks(reps, o)) {
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
