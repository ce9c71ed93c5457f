/** A corpus for benchmarks: sentences of real reports, shuffled, with their numbers varied. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src/nlp/sentences.js';

/** The project's seeded generator, so every run builds the same corpus. */
import { rng } from '../src/pipeline/3-reconcile/sources/hash.js';
export { rng };

/** Sentences of the reports in `dirs` (the seeds when present, else the bundled examples). */
export function sourceSentences(dirs: string[]): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(txt|md)$/.test(f)) continue;
      const text = readFileSync(join(dir, f), 'utf8');
      for (const s of splitSentences(text)) out.push(text.slice(s.start, s.end));
    }
  }
  return out;
}

/** Replaces each number with another of the same shape, so the corpus is not the seeds repeated. */
export function varyNumbers(sentence: string, rand: () => number): string {
  return sentence.replace(/\d+/g, (m) => {
    if (m.length === 4 && /^(19|20)/.test(m)) return String(1900 + Math.floor(rand() * 125));
    const lo = 10 ** (m.length - 1);
    return String(Math.floor(lo + rand() * (lo * 9)));
  });
}

/** Builds about `bytes` of text: paragraphs of shuffled sentences with varied numbers. */
export function buildCorpus(sentences: string[], bytes: number, seed = 1): string {
  const rand = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const n = 3 + Math.floor(rand() * 5);
    const para: string[] = [];
    for (let i = 0; i < n; i++) para.push(varyNumbers(sentences[Math.floor(rand() * sentences.length)]!, rand));
    const p = para.join(' ');
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n');
}

/** Cuts a corpus into reports of about `size` characters, at paragraph breaks. */
export function splitReports(corpus: string, size: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < corpus.length) {
    let end = corpus.indexOf('\n\n', at + size);
    if (end < 0) end = corpus.length;
    out.push(corpus.slice(at, end));
    at = end + 2;
  }
  return out;
}
