/** wink-nlp, loaded once: part-of-speech tags and entity hints for candidate sentences. */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { Token } from './tokens.js';

// The model takes tens of megabytes and a third of a second to load (its modules ~150 ms, the
// pipeline ~150 ms), so both are required only when a sentence first needs tagging: texts whose
// rules never ask do not pay it, and an ingest worker does not pay it before its first file.
const require = createRequire(import.meta.url);
let loaded: { nlp: ReturnType<typeof winkNLP>; its: ReturnType<typeof winkNLP>['its'] } | null = null;
function wink() {
  if (!loaded) {
    const create = require('wink-nlp') as typeof winkNLP;
    const nlp = create(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], ['pos', 'ner']);
    loaded = { nlp, its: nlp.its };
  }
  return loaded;
}

/** A span wink-nlp marks as an entity (DURATION, ORDINAL, PERCENT, DATE, CARDINAL, …). */
export interface EntityHint {
  type: string;
  start: number;
  end: number;
}

/**
 * Tags `tokens` (which cover `text.slice(start, end)`) with wink-nlp's parts of speech,
 * aligning wink's tokens to ours by offset, and returns wink's entity spans as hints (none when `withHints` is false).
 */
export function tagSentence(text: string, start: number, end: number, tokens: Token[], withHints = true): EntityHint[] {
  const { nlp, its } = wink();
  const sentence = text.slice(start, end);
  const doc = nlp.readDoc(sentence);
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // Offsets of wink's tokens, found by walking the sentence (wink keeps text losslessly).
  const offs: number[] = new Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const k = sentence.indexOf(values[i]!, at);
    offs[i] = k < 0 ? -1 : start + k;
    if (k >= 0) at = k + values[i]!.length;
  }
  const byStart = new Map<number, string>();
  for (let i = 0; i < values.length; i++) if (offs[i]! >= 0) byStart.set(offs[i]!, pos[i]!);
  for (const t of tokens) {
    const p = byStart.get(t.start);
    if (p) t.pos = p;
  }
  const hints: EntityHint[] = [];
  // Callers that read only the tags skip the walk over wink's entities.
  if (!withHints) return hints;
  doc.entities().each((e: { out: (f?: unknown) => unknown }) => {
    const [a, b] = e.out(its.span) as [number, number];
    const s = offs[a]!;
    const last = offs[b]!;
    if (s >= 0 && last >= 0) hints.push({ type: e.out(its.type) as string, start: s, end: last + values[b]!.length });
  });
  return hints;
}
