/** Gives each count the attribution its sentence, its quote or its speaker's earlier sentence supplies. */
import type { Attribution, Span } from '../../../domain/types.js';
import type { Found } from './patterns.js';
import { bodySubject, findAttributions, isPluralBody } from './patterns.js';
import type { QuoteSpan } from './quotes.js';
import { quoteAt } from './quotes.js';

const HINT = /\b(?:according|able|gave|gives|said|say|says|saying|told|tells|report|reported|reports|stated|states|noted|notes|added|adds|announced|announces|claimed|claims|estimated|estimates|confirmed|confirms|declared|wrote|recorded|documented|registered|verified|listed|counted|alleged|indicated|revealed|put|puts|found|finds|believes?|concluded|ruled|held|determined|established|satisfied|argued|argues|per|citing|quoting|official|figures|data|statistics|tally|toll|count|list|shows?|warns?|warned|tweeted|posted|notified|informed|testified|recalls?|recalled|recollects?|recollected|acknowledged|admitted|conceded|insisted|asserted|reporting|regretted|explained|cautioned|feared)\b|\b(?:claim|state|note|estimate|confirm|announce)\s+that\b|\b(?:given|provided|released|published|cited|issued|compiled)\s+by\b/i;
// "Varn Rescuers: 70 Dead in Mudslide": a short headline with a colon may name its source.
const HEADLINE_HINT = (s: string) => s.length <= 160 && s.includes(': ') && !/[.!?]\s*$/.test(s);

// A sentence that breaks down the figure of the sentence before: "Among the dead were …", "Among them, …".
const CONTINUES = /^\s*Among\s+(?:the\s+(?:dead|victims|wounded|injured|missing|killed)|them|those)\b/i;

const FIGURES = /\d|\b(?:figures|data|statistics|toll|tally|following|casualties|dead|deaths|killed|injured|wounded|missing|displaced|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b/i;
const FIRST_PERSON = /\b(?:[Ww]e|us|[Oo]ur|I|[Mm]y|me)\b/;
const LIST_ITEM = /^\s*(?:[-•*–]|\d{1,2}[.)])\s+\S/;

/** Tracks speakers through a report, so that "it added" finds the statement it continues. */
export class AttributionTracker {
  private lastSpeaker: Attribution | null = null;
  /** The last sentences with no speaker of their own (newest last), read for a body only when a pronoun needs one. */
  private recent: { sentence: string; at: number }[] = [];
  private sentenceNo = 0;
  private carry: Attribution | null = null;
  private readonly bySentence = new Map<number, Found[]>();
  private starts: number[] | null = null;

  constructor(private readonly text: string, private readonly quotes: QuoteSpan[]) {}

  /** Reads a sentence's attributions (resolving pronouns) and remembers its explicit speakers. */
  read(span: Span): Found[] {
    const s = this.text.slice(span.start, span.end);
    const n = this.sentenceNo++;
    // One literal for empty and full lists alike: they then share one shape (see findCounts).
    const found: Found[] = [];
    if (!HINT.test(s) && !HEADLINE_HINT(s)) {
      this.noteBody(s, n);
      this.bySentence.set(span.start, found);
      return found;
    }
    for (const f of findAttributions(s)) found.push({ ...f, start: f.start + span.start, end: f.end + span.start });
    for (const f of found) {
      if (f.pronoun) {
        const antecedent = this.antecedent(f.attribution.source, n);
        if (antecedent) f.attribution = { ...f.attribution, source: antecedent.source, kind: antecedent.kind };
        if (!f.attribution.kind) delete f.attribution.kind;
      } else {
        this.lastSpeaker = f.attribution;
        this.recent = [];
      }
      f.attribution.span = { start: f.start, end: f.end };
    }
    if (!found.some((f) => !f.pronoun)) this.noteBody(s, n);
    this.bySentence.set(span.start, found);
    return found;
  }

  /** Remembers a sentence with no speaker: it may name the body a later "it" stands for. */
  private noteBody(sentence: string, n: number): void {
    this.recent.push({ sentence, at: n });
    if (this.recent.length > 2) this.recent.shift();
  }

  /**
   * What a pronoun speaker stands for: a body named as the subject of one of the two sentences
   * before ("The commission published its report. It found that …"), if its number agrees,
   * else the last explicit speaker ("The ministry said …. It added …").
   */
  private antecedent(pronoun: string, n: number): Attribution | null {
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const r = this.recent[k]!;
      if (n - r.at > 2) break;
      const body = bodySubject(r.sentence);
      if (!body) continue;
      const p = pronoun.toLowerCase();
      const plural = isPluralBody(body);
      if ((p === 'it' && !plural) || (p === 'they' && plural)) return { text: body, source: body };
      break;
    }
    return this.lastSpeaker;
  }

  /** Sets what the sentence after `span` inherits: a statement that ends with a colon ("The ministry said:"). */
  endSentence(span: Span, found: Found[]): void {
    const tail = this.text.slice(Math.max(span.start, span.end - 2), span.end);
    this.carry = found.length && /:\s*$/.test(tail) ? found[found.length - 1]!.attribution : null;
    this.previous = found.length ? found[found.length - 1]!.attribution : null;
    const own = found.find((f) => !f.pronoun)?.attribution ?? (found.length ? found[0]!.attribution : null);
    // "According to the Flood Authority, 40 people died. Another 12 are missing.": a paragraph's
    // opening source speaks for the figures after it in the paragraph, and in a list right after it.
    // Another voice later in the paragraph ends the opening source's reach; a source carries only
    // from a sentence that gives figures ("The office said the dig had begun." passes on nothing).
    if (own) this.paragraphSource = this.firstOfParagraph && FIGURES.test(this.text.slice(span.start, span.end)) ? own : null;
    // A list item and the sentences inside it set nothing for the items after it.
    if (!this.inItem) this.listSource = own && FIGURES.test(this.text.slice(span.start, span.end)) ? own : own ? null : this.firstOfParagraph ? null : this.paragraphSource;
    this.lastEnd = span.end;
  }

  private paragraphSource: Attribution | null = null;
  private listSource: Attribution | null = null;
  private firstOfParagraph = true;
  private isItem = false;
  private inItem = false;
  private lastEnd = 0;

  /** The last speaker of the sentence read before, for a breakdown that continues it (see carried). */
  private previous: Attribution | null = null;

  /** The attribution for a count at `at` in sentence `span`, or null for the report's own voice. */
  attributionFor(at: Span, span: Span, found: Found[], carried: Attribution | null): Attribution | null {
    const q = quoteAt(this.quotes, at.start);
    if (q) {
      const speaker = this.quoteSpeaker(q, found);
      if (speaker) return speaker;
    }
    if (found.length) return nearest(this.text, at, span, found).attribution;
    return carried;
  }

  /** What the previous sentence passed on (see endSentence). */
  carried(span?: Span): Attribution | null {
    if (!span) return this.carry;
    const head = this.text.slice(span.start, Math.min(span.end, span.start + 40));
    const newParagraph = this.text.slice(this.lastEnd, span.start).includes('\n') || this.lastEnd === 0;
    this.isItem = LIST_ITEM.test(head);
    this.inItem = this.isItem || (!newParagraph && this.inItem);
    this.firstOfParagraph = newParagraph && !this.isItem;
    if (this.firstOfParagraph) this.paragraphSource = null;
    // "Those of us who grew up there have always believed …": the author's own voice ends the source's reach.
    const sentence = !newParagraph && this.paragraphSource ? this.text.slice(span.start, span.end) : '';
    if (sentence && FIRST_PERSON.test(sentence)) this.paragraphSource = null;
    // "… rose to 64, the ministry said. Among the dead were 17 children": a breakdown of the
    // figure before it comes from the same speaker.
    if (!this.carry && CONTINUES.test(head)) return this.previous;
    if (this.carry) return this.carry;
    // "- Sindh: 43 deaths" under "The authority reported:", or under a paragraph that named its source.
    if (this.isItem) return this.listSource;
    if (newParagraph || !this.paragraphSource) return null;
    // "The survivors' association keeps a list of 534 names": a sentence with a body of its own as subject speaks for itself.
    return bodySubject(sentence) !== null ? null : this.paragraphSource;
  }

  /** The speaker named right after a quote closes (or right before it opens). */
  private quoteSpeaker(q: QuoteSpan, found: Found[]): Attribution | null {
    // "… says of the flight from the town: “…”": a statement whose colon opens the quote speaks it.
    const opens = (f: Found) => f.end <= q.outer.start && q.outer.start - f.end < 160 && /^[^.!?“”"]*:\s*$/.test(this.text.slice(f.end, q.outer.start));
    const near = (f: Found) => (f.start >= q.outer.end && f.start - q.outer.end < 80) || (f.end <= q.outer.start && q.outer.start - f.end < 20) || opens(f);
    const local = found.find(near);
    if (local) return local.attribution;
    // The speaker stands in the sentence where the quote closes (or the one where it opens).
    for (const at of [q.outer.end - 1, q.outer.start]) {
      const list = this.bySentence.get(this.sentenceStartOf(at));
      const f = list?.find(near);
      if (f) return f.attribution;
    }
    return null;
  }

  /** Start of the read sentence holding offset `p` (binary search over the sentence starts). */
  private sentenceStartOf(p: number): number {
    if (!this.starts) this.starts = [...this.bySentence.keys()].sort((a, b) => a - b);
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! <= p) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best >= 0 ? s[best]! : -1;
  }
}

/** The attribution nearest a count: first in its own `;` clause, else anywhere in the sentence. */
function nearest(text: string, at: Span, span: Span, found: Found[]): Found {
  if (found.length === 1) return found[0]!;
  // Clauses: "Official figures put the toll at 312, while survivors' groups say more than 500 died".
  const semis: number[] = [];
  const re = /;|,?\s(?:while|whereas|but)\s/g;
  const s = text.slice(span.start, span.end);
  for (let m = re.exec(s); m; m = re.exec(s)) semis.push(span.start + m.index);
  const clauseOf = (p: number) => semis.filter((x) => x < p).length;
  const c = clauseOf(at.start);
  // The speakers of the count's own clause if it has any, else all of them.
  const anyInClause = found.some((f) => clauseOf(f.start) === c);
  let best = found[0]!;
  let dist = Infinity;
  for (const f of found) {
    if (anyInClause && clauseOf(f.start) !== c) continue;
    // "X say they counted more than 90 bodies, and councillors put the number at …": a speaker
    // after the count that opens a new clause with "and" speaks for what follows it.
    const opensNext = f.start >= at.end && /^(?:and|but)\s/i.test(f.attribution.text);
    const d = (f.end <= at.start ? at.start - f.end : f.start - at.end) + (opensNext ? 200 : 0);
    if (d < dist) { dist = d; best = f; }
  }
  return best;
}
