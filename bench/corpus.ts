/** Writes N synthetic reports built from varied sentence patterns: numbers, names, dates, attributions. */
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './sentences.js';

const PLACES = ['Varn', 'Kessrin', 'Ardel', 'Tolmar', 'Osk', 'Brenno', 'Marsk', 'Lidova', 'Sorn', 'Pellan', 'Grenvale', 'Hathor'];
const SOURCES = ['the health ministry', 'police', 'the Red Crescent', 'local officials', 'a monitoring group', 'the UN office', 'witnesses', 'the district governor'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PATTERNS: ((r: () => number, p: Pick) => string)[] = [
  (r, p) => `On ${p.date()}, shelling in ${p.place()} killed ${p.n(500)} people, including ${p.n(60)} women and ${p.n(40)} children, ${p.source()} said.`,
  (r, p) => `According to ${p.source()}, at least ${p.n(900)} people were injured and some ${p.n(300)} remain missing.`,
  (r, p) => `More than ${p.n(20_000)} residents of ${p.place()} have been displaced since ${MONTHS[Math.floor(r() * 12)]} ${1990 + Math.floor(r() * 35)}.`,
  (r, p) => `The attack on ${p.place()} left ${p.n(90)} dead, per ${p.source()}.`,
  (r, p) => `"We counted ${p.n(200)} bodies," ${p.source()} told reporters on ${p.date()}.`,
  (r, p) => `Hundreds of families returned to ${p.place()} in the last days of ${1990 + Math.floor(r() * 35)}.`,
  (r, p) => `Fighters captured ${p.n(1500)} people, ${p.n(100)} of whom are still unaccounted for.`,
  (r, p) => `The town, home to ${p.n(50_000)} people, was largely destroyed in the ${1990 + Math.floor(r() * 35)} offensive.`,
  (r, p) => `Aid convoys reached ${p.place()} after a two-hour delay, and the roads were reopened.`,
  (r, p) => `Officials in ${p.place()} met representatives of ${p.source()} to discuss the reconstruction of schools and clinics.`,
  (r, p) => `Unofficial data put the death toll at ${p.n(2000)}, while official figures say ${p.n(800)} died.`,
];

interface Pick { n: (max: number) => string; place: () => string; source: () => string; date: () => string }

/** One synthetic report of 4–12 sentences with a title line. */
export function syntheticReport(seed: number): string {
  const r = rng(seed);
  const p: Pick = {
    n: (max) => (Math.floor(r() * max) + 2).toLocaleString('en-US'),
    place: () => PLACES[Math.floor(r() * PLACES.length)]!,
    source: () => SOURCES[Math.floor(r() * SOURCES.length)]!,
    date: () => `${1 + Math.floor(r() * 28)} ${MONTHS[Math.floor(r() * 12)]} ${1990 + Math.floor(r() * 35)}`,
  };
  const n = 4 + Math.floor(r() * 9);
  const body = Array.from({ length: n }, () => PATTERNS[Math.floor(r() * PATTERNS.length)]!(r, p));
  return `Report ${seed}: events in ${p.place()}\n\n${body.join(' ')}\n`;
}

/** Writes reports 0..n-1 into `dir` (reusing a complete earlier run); returns the folder. */
export function writeCorpus(dir: string, n: number): string {
  if (existsSync(dir) && readdirSync(dir).length === n) return dir;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `report-${String(i).padStart(6, '0')}.txt`), syntheticReport(i + 1));
  return dir;
}

// `node --import tsx bench/corpus.ts --n 10000 [--out DIR]` writes a corpus by itself.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => { const i = process.argv.indexOf(`--${k}`); return i >= 0 ? process.argv[i + 1] : undefined; };
  const n = Number(arg('n') ?? 10_000);
  const out = arg('out') ?? join(import.meta.dirname, 'out', `corpus-${n}`);
  writeCorpus(out, n);
  console.log(`wrote ${n} reports to ${out}`);
}
