import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalMap, clusterNames, foldName, nearPairs, typoKeyLinks } from './aliases.js';
import type { KeyLink } from './aliases.js';
import { damerauLevenshtein } from './distance.js';

test('folding makes x, kh and h one sound and plain letters of Turkic ones', () => {
  const table: Array<[string, string]> = [
    ['Xocavar', 'hocavar'],
    ['Hocavar', 'hocavar'],
    ['Khodjavar', 'hojavar'],
    ['Şəkilı', 'sakili'],
    ['Güzdağ', 'guzdag'],
    ['Aghmar', 'agmar'],
    ['Tashkendy', 'tashkendi'],
    ["Port-d'Ève", 'port deve'],
  ];
  for (const [input, expected] of table) assert.equal(foldName(input), expected, input);
});

test('a swap of two neighbouring letters is one edit, two far-apart swaps are two', () => {
  assert.equal(damerauLevenshtein('hojavar', 'hoajvar'), 1);
  assert.equal(damerauLevenshtein('hojavar', 'hojarav'), 2);
  assert.equal(damerauLevenshtein('abcdef', 'uvwxyz', 2), 3);
});

test('transliterations and a typo of one town form one cluster named by its most used spelling', () => {
  const names = ['Khojavar', 'Xocavar', 'Khojavar', 'Hocavar', 'Khodjavar', 'Khojavary', 'Khojarav', 'Khojavar'];
  const [cluster, ...rest] = clusterNames(names);
  assert.equal(rest.length, 0);
  assert.equal(cluster!.canonical, 'Khojavar');
  assert.deepEqual(new Set(cluster!.aliases), new Set(['Xocavar', 'Hocavar', 'Khodjavar', 'Khojavary', 'Khojarav']));
  assert.deepEqual(cluster!.names[0], { name: 'Khojavar', count: 3 });
  const typo = cluster!.links.find((l) => l.b === 'Khojarav' || l.a === 'Khojarav');
  assert.deepEqual(typo && [typo.why, typo.distance], ['edit distance', 2]);
});

test('exonyms join only when the table passed in says so', () => {
  const names = ['Eastgate', 'Vostokgrad', 'Eastgate'];
  assert.equal(clusterNames(names).length, 2);
  const [one] = clusterNames(names, { exonyms: [['Vostokgrad', 'Eastgate']] });
  assert.equal(one!.canonical, 'Eastgate');
  assert.deepEqual(one!.aliases, ['Vostokgrad']);
  assert.equal(one!.links[0]!.why, 'exonym');
});

test('short names and names with another first letter are not taken for typos', () => {
  assert.equal(clusterNames(['Tarin', 'Tarim']).length, 2);
  assert.equal(clusterNames(['Berlon', 'Merlon']).length, 2);
  assert.equal(clusterNames(['Kelvadar', 'Kalvadar']).length, 1);
});

test('clusters are ordered by mentions then first appearance, so swapping two names mirrors the output', () => {
  const run = (a: string, b: string) => clusterNames([a, b, a, b]).map((c) => c.canonical);
  assert.deepEqual(run('Orvania', 'Telmark'), ['Orvania', 'Telmark']);
  assert.deepEqual(run('Telmark', 'Orvania'), ['Telmark', 'Orvania']);
});

test('the canonical map resolves every spelling', () => {
  const map = canonicalMap(clusterNames(['Khojavar', 'Xocavar', 'Khojavar']));
  assert.equal(map.get('Xocavar'), 'Khojavar');
});

test('the deletion index finds every pair of names within two edits that comparing every pair finds, in the same order', () => {
  // Names with typos among them: swaps, dropped and doubled letters, substitutions, accents folded away.
  let seed = 11;
  const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const letters = 'abdeiklmnorstuvz';
  const base = Array.from({ length: 300 }, () => Array.from({ length: 6 + Math.floor(r() * 6) }, () => letters[Math.floor(r() * letters.length)]).join(''));
  const keys = [...new Set(base.flatMap((b) => {
    const i = Math.floor(r() * (b.length - 1));
    return r() < 0.5 ? [b] : [b, b.slice(0, i) + b[i + 1] + b[i] + b.slice(i + 2), b.slice(0, i) + b.slice(i + 1), `${b}${b.at(-1)}`];
  }))];
  const brute: Array<[number, number]> = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (damerauLevenshtein(keys[i]!, keys[j]!, 2) <= 2) brute.push([i, j]);
  const indexed = nearPairs(keys, 2).filter(([i, j]) => damerauLevenshtein(keys[i]!, keys[j]!, 2) <= 2);
  assert.ok(brute.length > 100, `typo pairs to find: ${brute.length}`);
  assert.deepEqual(indexed, brute);
});

test('typo links kept from earlier builds, with only the new names compared, cluster as a search over every name does', () => {
  let seed = 29;
  const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const letters = 'abdeiklmnorstuvz';
  const word = () => Array.from({ length: 5 + Math.floor(r() * 7) }, () => letters[Math.floor(r() * letters.length)]).join('');
  // Blocks by first letter both small (every pair compared) and past the index threshold; a name often comes back with a typo.
  const names: Array<{ name: string; count: number }> = [];
  for (let i = 0; i < 1500; i++) {
    const prev = names.length > 0 && r() < 0.3 ? names[Math.floor(r() * names.length)]!.name : undefined;
    const base = prev ?? (r() < 0.6 ? `a${word()}` : `${word()} ${word()}`);
    const j = Math.floor(r() * (base.length - 1));
    const name = prev === undefined ? base : r() < 0.5 ? base.slice(0, j) + base[j + 1] + base[j] + base.slice(j + 2) : `${base}${base.at(-1)}`;
    names.push({ name: name[0]!.toUpperCase() + name.slice(1), count: 1 + Math.floor(r() * 5) });
  }
  const keysOf = (list: typeof names) => [...new Set(list.map((n) => foldName(n.name)))];
  // Arriving in batches of very different sizes: one name, a few, most of a block.
  let links: KeyLink[] = typoKeyLinks(keysOf(names.slice(0, 200)));
  let seen = new Set(keysOf(names.slice(0, 200)));
  for (const end of [201, 230, 900, 1500]) {
    const keys = keysOf(names.slice(0, end));
    links = typoKeyLinks(keys, {}, { links, fresh: new Set(keys.filter((k) => !seen.has(k))) });
    seen = new Set(keys);
    const norm = (l: readonly KeyLink[]) => l.map(([a, b, d]) => (a < b ? `${a}|${b}|${d}` : `${b}|${a}|${d}`)).sort();
    assert.deepEqual(norm(links), norm(typoKeyLinks(keys)), `links after ${end} names`);
    assert.deepEqual(clusterNames(names.slice(0, end), { typoLinks: links }), clusterNames(names.slice(0, end)), `clusters after ${end} names`);
  }
  assert.ok(links.length > 100, `typo links: ${links.length}`);
});
