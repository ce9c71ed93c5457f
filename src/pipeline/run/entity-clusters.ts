/**
 * The entity clusters as rows, kept up to date by a build that only adds reports: a cluster is a
 * connected component of the spellings (same folded spelling, a typo link, an exonym row), so new
 * spellings change only the clusters they fall in or link to. Those are made again by
 * `clusterNames` over their own spellings, which gives what clustering every spelling gives for
 * them; the rest of the rows stand. Curators' decisions reach across clusters: with any, every
 * cluster is made again.
 */
import type { EntityCluster } from '../3-reconcile/types.js';
import type { KeyLink } from '../3-reconcile/entities/aliases.js';
import { clusterNames, foldName, Keys, spellingOf, typoKeyLinks } from '../3-reconcile/entities/aliases.js';
import type { RowChange, RowInput, Store } from '../../storage/store.js';
import type { Tallies } from './tallies.js';
import { SETS } from './record.js';

/** A cluster's position in the list: most mentioned first (ties by canonical name, the rows' key). */
export const clusterOrd = (c: EntityCluster): number => -c.names.reduce((n, m) => n + m.count, 0);

/** The rows of the clusters: each under its canonical name, and each spelling's canonical name. */
export function clusterRows(clusters: readonly EntityCluster[]): { entities: RowInput[]; names: RowInput[] } {
  return {
    entities: clusters.map((e) => ({ key: e.canonical, ord: clusterOrd(e), data: e })),
    names: clusters.flatMap((e) => e.names.map((n) => ({ key: n.name, group: e.canonical, data: e.canonical }))),
  };
}

/** The clusters made again, the rows that store them, and the spellings (as written) whose entity may have changed. */
export interface PatchedClusters {
  clusters: EntityCluster[];
  changes: RowChange[];
  /** Spellings (the clusters' names) → canonical name, for the clusters made again. */
  canonical: Map<string, string>;
  /** Every spelling as written of those clusters. */
  texts: string[];
  /** The typo links the new spellings brought. */
  links: KeyLink[];
}

/**
 * The stored clusters brought up to date with the spellings the tallies counted in this build
 * (null: a cluster made again came apart or spans typo links of more than one block, whose order
 * depends on every name: then all are made again).
 */
export async function patchClusters(store: Store, tallies: Tallies, exonyms: ReadonlyArray<readonly string[]> | undefined): Promise<PatchedClusters | null> {
  const { byFold, fresh } = tallies.entityKeys();
  const counted = tallies.countedEntities().filter((t) => spellingOf(t) !== '');
  const foldOfSpelling = new Map<string, string>();
  for (const [fold, texts] of byFold) for (const t of texts) foldOfSpelling.set(spellingOf(t), fold);
  const written = new Set(counted.map((t) => foldOfSpelling.get(spellingOf(t))!));
  const links = fresh.size ? typoKeyLinks(byFold.keys(), {}, { links: [], fresh }) : [];
  // The folded keys touched: those written, those a new link or exonym row reaches.
  const reached = new Set(written);
  for (const [a, b] of links) { reached.add(a); reached.add(b); }
  const exonymFolds = (exonyms ?? []).map((row) => row.map(foldName).filter((k) => byFold.has(k)));
  for (const row of exonymFolds) if (row.some((k) => fresh.has(k))) for (const k of row) reached.add(k);
  // Their clusters as stored, every spelling of those.
  const spellings = (folds: Iterable<string>) => [...new Set([...folds].flatMap((f) => (byFold.get(f) ?? []).map(spellingOf)))];
  const oldOf = new Map<string, string>();
  const first = spellings([...reached].filter((f) => !fresh.has(f)));
  for (let i = 0; i < first.length; i += 500) {
    for (const r of await store.getRows<string>(SETS.entityNames, { keys: first.slice(i, i + 500) })) oldOf.set(r.key, r.data);
  }
  const oldCanon = [...new Set(oldOf.values())];
  const members = new Map<string, string[]>();
  for (let i = 0; i < oldCanon.length; i += 500) {
    for (const r of await store.getRows<string>(SETS.entityNames, { groups: oldCanon.slice(i, i + 500) })) {
      const list = members.get(r.data);
      if (list === undefined) members.set(r.data, [r.key]);
      else list.push(r.key);
    }
  }
  // Components over old clusters and new keys, joined by the new links and exonym rows.
  const keys = new Keys();
  const find = (x: string) => keys.find(x);
  // A key's cluster as stored: that of any of its spellings stored before (a spelling new this build has none).
  const node = (fold: string): string => {
    const c = fresh.has(fold) ? undefined : spellings([fold]).map((s) => oldOf.get(s)).find((x) => x !== undefined);
    return c === undefined ? `f\u0001${fold}` : `c\u0001${c}`;
  };
  const union = (a: string, b: string) => keys.union(a, b);
  for (const [a, b] of links) union(node(a), node(b));
  for (const row of exonymFolds) if (row.some((k) => fresh.has(k))) for (const k of row) union(node(row[0]!), node(k));
  const comps = new Map<string, Set<string>>();
  const add = (root: string, spelling: string) => {
    const set = comps.get(root);
    if (set === undefined) comps.set(root, new Set([spelling]));
    else set.add(spelling);
  };
  for (const f of reached) {
    const n = node(f);
    for (const s of spellings([f])) add(find(n), s);
    if (n[0] === 'c') for (const s of members.get(n.slice(2)) ?? []) add(find(n), s);
  }
  // Each component clustered by itself: its spellings with their counts, in the order first mentioned.
  const clusters: EntityCluster[] = [];
  const texts: string[] = [];
  for (const names of comps.values()) {
    const folds = new Set([...names].map((s) => foldOfSpelling.get(s)!));
    const own = [...folds].flatMap((f) => byFold.get(f) ?? []);
    texts.push(...own);
    const tallied = own.map((t) => ({ t, ...tallies.entityTally(t)! })).sort((a, b) => a.o - b.o || a.i - b.i);
    const made = clusterNames(tallied.map((x) => ({ name: x.t, count: x.n })), { exonyms });
    if (made.length !== 1) return null;
    const blocks = new Set(made[0]!.links.filter((l) => l.why === 'edit distance').map((l) => foldOfSpelling.get(l.a)![0]));
    if (blocks.size > 1) return null;
    clusters.push(made[0]!);
  }
  const canonical = new Map<string, string>();
  for (const c of clusters) for (const n of c.names) canonical.set(n.name, c.canonical);
  const rows = clusterRows(clusters);
  const gone = [...new Set([...comps.values()].flatMap((s) => [...s]))];
  return {
    clusters,
    changes: [
      { set: SETS.entities, clear: { keys: oldCanon }, rows: rows.entities },
      { set: SETS.entityNames, clear: { keys: gone }, rows: rows.names },
    ],
    canonical, texts, links,
  };
}
