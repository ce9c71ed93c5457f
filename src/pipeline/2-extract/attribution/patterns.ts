/** The ways a report says where a figure comes from, each rule with the phrase it handles. */
import type { Attribution } from '../../../domain/types.js';

/** An attribution found in a sentence, with its place (sentence-relative offsets). */
export interface Found {
  attribution: Attribution;
  start: number;
  end: number;
  /** True when the source is a pronoun ("it added") still to be resolved. */
  pronoun?: boolean;
}

const SPEECH = String.raw`said|told|reported|stated|noted|added|announced|claimed|estimated|confirmed|declared|wrote|recorded|documented|indicated|revealed|says|adds|tells|(?:reports|states|notes|claims|estimates|shows|confirms|announces)(?=\s+that\b)`;
const PRONOUN = /^(?:it|he|she|they|this|the latter|the former)$/i;
// Words that may stand between a speaker and the verb: "the statement further noted".
const ADVERB = String.raw`(?:\s+(?:further|also|later|earlier|then|previously|separately|again|officially|reportedly))?`;

/** Cuts a source phrase where the attributing phrase ends and the reported content begins. */
function trimSource(s: string): string {
  let t = s.replace(/^[\s,:–—-]+/, '');
  // "reports from human rights organisations and international media the events that …":
  // a determiner after a noun starts a new phrase unless a preposition or conjunction joins them.
  const m = /^(.*?[\p{L}\p{N}])\s+(?:the|a|an|this|these|those|some|many|its|their)\s/iu.exec(t);
  if (m && !/\b(?:of|from|by|in|on|at|for|with|and|or|to|between|among|per)$/i.test(m[1]!)) t = m[1]!;
  return t.replace(/[\s,.;:]+$/, '').trim();
}

/** Kind of data an attribution names, when its words say official or unofficial. */
export function kindOf(words: string): Attribution['kind'] {
  if (/\bunofficial\b/i.test(words)) return 'unofficial';
  if (/\bofficial\b/i.test(words)) return 'official';
  return undefined;
}

function make(text: string, source: string, start: number): Found {
  const attribution: Attribution = { text: text.trim(), source: source.trim() };
  const kind = kindOf(text);
  if (kind) attribution.kind = kind;
  return { attribution, start, end: start + text.length };
}

/** Every attribution stated in a sentence, in order. */
export function findAttributions(sentence: string): Found[] {
  const out: Found[] = [];
  const add = (f: Found) => {
    if (!out.some((o) => f.start < o.end && o.start < f.end)) out.push(f);
  };
  // "according to the official data", "according to reports from human rights organisations …"
  for (const m of sentence.matchAll(/\baccording\s+to\s+([^,;:.!?()“”"–—]{2,160})/gi)) {
    const source = trimSource(m[1]!);
    if (source) add(make(`${m[0].slice(0, m[0].length - m[1]!.length)}${source}`, source, m.index!));
  }
  // "per the ministry", "citing local officials"
  for (const m of sentence.matchAll(/\b(?:per|citing|quoting)\s+(?!cent\b|capita\b|day\b|year\b|week\b|month\b|hour\b|person\b)((?:the\s+)?[\p{Lu}][^,;:.!?()“”"]{1,80}|the\s+[^,;:.!?()“”"]{2,80})/giu, )) {
    const source = trimSource(m[1]!);
    if (source) add(make(`${m[0].slice(0, m[0].length - m[1]!.length)}${source}`, source, m.index!));
  }
  // "Azerbaijani figures", "the ministry's figures", "UN estimates"
  for (const m of sentence.matchAll(/\b((?:the\s+)?[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,4}(?:['’]s)?)\s+(figures|data|statistics|estimates|tally|count|toll)\b/gu)) {
    add(make(m[0], m[0], m.index!));
  }
  // "the official data", "unofficial figures"
  for (const m of sentence.matchAll(/\b(?:the\s+)?(?:un)?official\s+(?:data|figures|statistics|sources|estimates|count|toll|information|records)\b/gi)) {
    add(make(m[0], m[0], m.index!));
  }
  // "X said (that)", "a Turkish Foreign Ministry statement said on Monday", "it added"
  const before = new RegExp(String.raw`(?:^|[,;:“”"(]\s*|\bthat\s+)((?:[\p{L}\p{N}'’.-]+\s+){0,9}?[\p{L}\p{N}'’.-]+)${ADVERB}\s+(${SPEECH})\b`, 'giu');
  for (const m of sentence.matchAll(before)) {
    const speaker = m[1]!.replace(/^(?:and|but|so|as|while|when|then)\s+/i, '').trim();
    if (!speaker || /^(?:that|which|who|what|where|when|there)$/i.test(speaker)) continue;
    const start = m.index! + m[0].indexOf(m[1]!) + (m[1]!.length - m[1]!.trimStart().length);
    const text = sentence.slice(start, m.index! + m[0].length);
    const f = make(text, speaker, start);
    if (PRONOUN.test(speaker)) f.pronoun = true;
    add(f);
  }
  // "…, said the ministry." (inverted, at the end)
  for (const m of sentence.matchAll(new RegExp(String.raw`[,”"]\s*(${SPEECH})\s+((?:the\s+)?[^,;:.!?“”"]{2,80})`, 'giu'))) {
    const source = trimSource(m[2]!);
    if (source && !/^that\b/i.test(source)) add(make(m[0].replace(/^[,”"]\s*/, ''), source, m.index! + m[0].search(/\p{L}/u)));
  }
  return out.sort((a, b) => a.start - b.start);
}
