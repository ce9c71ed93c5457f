/**
 * How often independent synthetic reports share a run of twelve words by chance (not by copying):
 * `node --import tsx bench/repeats.ts --n 100000 [--top 15]`. Reprints and partial copies are left
 * out; a pair is counted once, against the first report that had the run. Pairing joins two
 * reports that share such a run, so on a realistic corpus this stays far below the copies
 * (one report in twenty is a reprint, one in twenty-five a partial copy).
 */
import { isCopy, syntheticReport } from './corpus.js';

const arg = (k: string, d: number) => { const i = process.argv.indexOf(`--${k}`); return i >= 0 ? Number(process.argv[i + 1]) : d; };
const n = arg('n', 100_000);
const top = arg('top', 15);
const firstReport = new Map<string, number>();
const pairs = new Set<number>();
const shapes = new Map<string, number>();
let copies = 0;
for (let seed = 1; seed <= n; seed++) {
  if (isCopy(seed)) { copies++; continue; }
  const words = syntheticReport(seed).split('\n\n').slice(1).join(' ').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  for (let i = 0; i + 12 <= words.length; i++) {
    const run = words.slice(i, i + 12).join(' ');
    const first = firstReport.get(run);
    if (first === undefined) firstReport.set(run, seed);
    else if (first !== seed && !pairs.has(first * 4_000_000 + seed)) {
      pairs.add(first * 4_000_000 + seed);
      const shape = run.replace(/\d+/g, 'N');
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
  }
}
console.log(`${n} reports (${copies} copies left out): ${pairs.size} pairs of independent reports share a run of 12 words (${(pairs.size / n).toFixed(3)} a report)`);
for (const [shape, count] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(String(count).padStart(6), shape);
