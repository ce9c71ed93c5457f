/** Extraction throughput beside wink-nlp's bare readDoc on the same text, in the same run. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extract } from '../src/pipeline/2-extract/index.js';
import { buildCorpus, sourceSentences, splitReports } from './sentences.js';

/** Median of a list of numbers. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs the extraction benchmark and prints its figures; returns them for the caller. */
export function benchExtract(opts: { mb: number; rounds: number; dirs: string[] }): Record<string, number> {
  const sentences = sourceSentences(opts.dirs);
  if (!sentences.length) throw new Error(`no report sentences found in ${opts.dirs.join(', ')}`);
  const corpus = buildCorpus(sentences, opts.mb * 1_000_000);
  const reports = splitReports(corpus, 5_000);
  const mb = Buffer.byteLength(corpus) / 1e6;
  const nlp = winkNLP(model);
  // Warm both up on a slice, so the JIT is not measured.
  for (const r of reports.slice(0, 50)) { nlp.readDoc(r); extract(r); }
  const winkTimes: number[] = [];
  const oursTimes: number[] = [];
  let counts = 0;
  for (let round = 0; round < opts.rounds; round++) {
    let t = performance.now();
    for (const r of reports) nlp.readDoc(r);
    winkTimes.push((performance.now() - t) / 1000);
    t = performance.now();
    counts = 0;
    for (const r of reports) counts += extract(r).counts.length;
    oursTimes.push((performance.now() - t) / 1000);
  }
  const wink = mb / median(winkTimes);
  const ours = mb / median(oursTimes);
  const out = { corpusMB: mb, reports: reports.length, counts, extractMBps: ours, extractReportsPerS: reports.length / median(oursTimes), winkReadDocMBps: wink, ratio: ours / wink };
  console.log(`extract: ${mb.toFixed(1)} MB in ${reports.length} reports, ${counts} counts`);
  console.log(`  crosscheck extract   ${ours.toFixed(2)} MB/s  ${(reports.length / median(oursTimes)).toFixed(0)} reports/s`);
  console.log(`  wink-nlp readDoc     ${wink.toFixed(2)} MB/s`);
  console.log(`  ratio (extract / readDoc) ${(ours / wink).toFixed(2)}  (target >= 1.0; medians of ${opts.rounds} rounds)`);
  return out;
}
