/** Direct quotations with their speakers: “…,” she said · “…,” a ministry statement said · X said: “…”. */
import type { Span } from '../../../domain/types.js';
import { findMarks } from './marks.js';
import type { Marks } from './marks.js';
import { Antecedents, mergeInOrder, personLike } from './resolve.js';
import type { Antecedent } from './resolve.js';
import { speakerAfter, speakerBefore, subjectBefore } from './speaker.js';
import type { Named } from './speaker.js';
import type { Quote } from './types.js';

/** Options for `findQuotes`. */
export interface QuoteOptions {
  /** Where the body ends (back matter after it is not read). */
  end?: number;
  /** People named as the subject of a sentence, which "he" and "she" may point to. */
  persons?: readonly { text: string; span: Span }[];
}

// Reported speech outside quotations names speakers too: "The ministry said on Monday that …".
const REPORTED = /\b(?:said|says|told|added|stated|noted|announced|declared|wrote|reported|explained)\b/g;
// A quotation that ends a clause (“…,” / “….” / “…?” / “…”,) may be followed by its attribution.
const CLAUSE_END = /[,.!?…]/;

/** The speaker a quotation's own words name, after it or else before it. */
function speakerOf(text: string, q: Marks, end: number): Named | null {
  const closed = CLAUSE_END.test(text[q.inner.end - 1] ?? '') || text[q.outer.end] === ',';
  const after = closed ? speakerAfter(text, q.outer.end, Math.min(end, q.outer.end + 160)) : null;
  return after ?? speakerBefore(text, q.outer.start, Math.max(0, q.outer.start - 200));
}

/** The list in text order; already sorted lists (the usual case) are returned as they are. */
function sorted(list: Antecedent[]): Antecedent[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.span.start > list[i]!.span.start) return list.sort((a, b) => a.span.start - b.span.start);
  return list;
}

/** Speakers of reported speech outside the quotations, as antecedents for pronouns. */
function reported(text: string, end: number, marks: readonly Marks[]): Antecedent[] {
  const out: Antecedent[] = [];
  let k = 0;
  REPORTED.lastIndex = 0;
  const body = end === text.length ? text : text.slice(0, end);
  for (let m = REPORTED.exec(body); m; m = REPORTED.exec(body)) {
    while (k < marks.length && marks[k]!.outer.end <= m.index) k++;
    if (k < marks.length && marks[k]!.outer.start <= m.index) continue;
    // "…,” she said": the attribution of a quotation, already read as its speaker.
    if (k > 0 && m.index - marks[k - 1]!.outer.end < 40 && !/[.!?]/.test(text.slice(marks[k - 1]!.outer.end, m.index))) continue;
    // The subject stands on the same line, within a few words: never look back further than that.
    let floor = m.index;
    while (floor > 0 && m.index - floor < 200 && text[floor - 1] !== '\n') floor--;
    const s = subjectBefore(text, m.index, floor);
    if (s && !s.pronoun) out.push({ text: s.text, span: s.span, person: personLike(s.text) });
  }
  return out;
}

/** Finds every direct quotation before `end` (default: the whole text), with its speaker where the text names one. */
export function findQuotes(text: string, options: QuoteOptions = {}): Quote[] {
  const end = options.end ?? text.length;
  const marks = findMarks(text, end);
  const speakers = marks.map((q) => speakerOf(text, q, end));
  // Antecedents are gathered only when some quotation is attributed to a pronoun ("it added").
  let index: Antecedents | null = null;
  const antecedents = (): Antecedents => {
    const named: Antecedent[] = [];
    for (const s of speakers) if (s && !s.pronoun) named.push({ text: s.text, span: s.span, person: personLike(s.text) });
    const persons = (options.persons ?? []).map((p) => ({ text: p.text, span: p.span, person: true }));
    // Speakers named after a quotation can stand before the next one's opening mark, so each list is sorted first.
    return new Antecedents(mergeInOrder(reported(text, end, marks), sorted(named), sorted(persons)));
  };
  const out: Quote[] = [];
  marks.forEach((q, i) => {
    const s = speakers[i];
    let speaker: Quote['speaker'] = null;
    if (s?.pronoun) {
      const a = (index ??= antecedents()).resolve(s, s.span.start);
      if (a) speaker = { text: a.text, span: a.span };
    } else if (s) speaker = { text: s.text, span: s.span };
    // “A,” she said. “B.”: a quotation that follows an attributed one in the same breath shares its speaker.
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(marks[i - 1]!.outer.end, q.outer.start) : '';
    if (!speaker && prev?.speaker && speakers[i - 1] && gap.length <= 80 && !gap.includes('\n') && speakers[i - 1]!.span.start >= marks[i - 1]!.outer.end) speaker = prev.speaker;
    out.push({ text: text.slice(q.inner.start, q.inner.end), span: { ...q.inner }, speaker });
  });
  return out;
}
