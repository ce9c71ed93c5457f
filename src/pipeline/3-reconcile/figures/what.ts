/**
 * What a count counts beyond its measure and group: a qualifier ("lost both parents",
 * "seriously injured", "identified", "nationwide") and a scope (a subset of the whole, "31 of
 * the injured"; a place inside the incident, "in the north district"). Read from the count's own
 * stretch of its sentence by general English rules, once, in the ingest worker (see `derive.ts`).
 * Counts that differ in either are separate figures, never rivals. Also read here, for the
 * verdict and not the key: whether the count is stated as a revised figure ("rose to 61") and
 * the time it speaks of ("as of Tuesday").
 */
import type { Count, DateMention, Measure, Span } from '../../../domain/types.js';
import type { CountWhat } from '../types.js';

export type { CountWhat };

/** The scope of a subset: "our staff treated 31 of the injured". */
export const PART = 'part';

/**
 * Qualifiers, each with the phrases that give it and the measures it can qualify (null: any;
 * `other` stands for a count whose measure the extractor left open). The label is what figures show.
 */
const QUALIFIERS: ReadonlyArray<[label: string, rule: RegExp, measures: ReadonlySet<Measure> | null]> = [
  // "25 children lost both parents", "lost both of their parents", "left without both parents", "full orphans"
  ['lost both parents', /\b(?:lost|losing|lose|without)\s+(?:both|all)\s+(?:of\s+)?(?:their\s+|his\s+|her\s+)?parents\b|\b(?:double|full)\s+orphans?\b/, new Set<Measure>(['orphaned', 'other'])],
  // "130 lost one parent", "lost a parent", "lost one of their parents", "lost their father or mother", "half orphans"
  ['lost one parent', /\b(?:lost|losing|lose)\s+(?:one|a|a\s+single)\s+(?:of\s+(?:their|his|her)\s+)?parents?\b|\blost\s+(?:their|his|her|a)\s+(?:father|mother)\s+or\s+(?:father|mother)\b|\b(?:half|single)[- ]orphans?\b/, new Set<Measure>(['orphaned', 'other'])],
  // "40 seriously injured", "badly wounded", "14 in critical condition", "suffered serious injuries"
  ['seriously injured', /\b(?:seriously|severely|critically|gravely|badly)\s+(?:injured|wounded|hurt|burned|burnt)\b|\bin\s+(?:a\s+)?(?:critical|serious|grave)\s+condition\b|\b(?:serious|severe|critical|grave)\s+(?:injuries|wounds)\b/, new Set<Measure>(['injured', 'casualties', 'other'])],
  // "12 lightly injured", "suffered minor injuries"
  ['lightly injured', /\b(?:lightly|slightly|mildly)\s+(?:injured|wounded|hurt)\b|\bminor\s+(?:injuries|wounds)\b/, new Set<Measure>(['injured', 'casualties', 'other'])],
  // "the 57 identified dead", "57 people we identified by name", "whose identities are known" (of the dead
  // or missing: "833 people identified to receive assistance" are no identified dead)
  ['identified', /\bidentified\b|\bidentities\b|\bidentification\b/, new Set<Measure>(['killed', 'missing', 'other'])],
  // "treated at the hospital", "admitted to hospital", "hospitalised"
  ['treated in hospital', /\b(?:treated|admitted)\s+(?:at|in|to)\s+(?:the\s+|a\s+|local\s+)?(?:[a-z]+\s+)?(?:hospitals?|clinics?)\b|\bhospitali[sz]ed\b/, new Set<Measure>(['injured', 'casualties', 'other'])],
  // "four bodies found in a grave", "remains discovered during excavations", "a 2001 exhumation"
  ['found in graves', /\b(?:mass\s+)?graves?\b|\bremains\s+(?:were\s+|had\s+been\s+)?(?:found|discovered|recovered|unearthed|exhumed)\b|\b(?:found|discovered|recovered|unearthed)\s+(?:the\s+|human\s+)*remains\b|\bexhum\w*|\bexcavations?\b|\bunearthed\b/, new Set<Measure>(['killed', 'missing', 'other'])],
  // "one million nationwide", "across the country", "one million persons out of the total population of 9 million"
  ['nationwide', /\b(?:nationwide|nation-wide|country-?wide)\b|\b(?:across|throughout|all\s+over)\s+the\s+(?:whole\s+|entire\s+)?country\b|\bin\s+the\s+(?:whole|entire)\s+country\b|\bout\s+of\s+(?:the|a|its)\s+(?:total\s+)?population\b|\bof\s+the\s+country'?s\s+(?:total\s+)?population\b/, null],
];

// "31 of the injured", "31 of the 96 wounded", "12 of those killed": the whole the part is drawn from, by its measure.
const WHOLE_NOUNS: ReadonlyArray<[Measure, RegExp]> = [
  ['injured', /^(?:injured|wounded|hurt|casualties)$/],
  ['killed', /^(?:dead|killed|deceased|victims|bodies|fatalities)$/],
  ['missing', /^(?:missing|disappeared)$/],
  ['displaced', /^(?:displaced|refugees|evacuees|homeless)$/],
  ['captured', /^(?:captured|hostages|detained|abducted|prisoners)$/],
];
const PARTITIVE = /^[^,;]*?\bof\s+(?:the|those|these)\s+(?:[\d,.]+\s+|[a-z]+-[a-z]+\s+)?(?:people\s+)?([a-z]+)\b/;

// "in the north district", "in the old quarter", "in the Harbour district": a place inside the incident.
const INNER_PLACE = /\bin\s+the\s+((?:(?:north|south|east|west|northern|southern|eastern|western|central|old|new|upper|lower|[A-Z][a-z]+)[- ]?)+\s*(?:district|quarter|neighbou?rhood|ward|sector|suburbs?))\b/;

// Where the words between two counts change hands: "… 70 elderly people – and seriously injured 487".
const HANDOVER = /(?:[,;:()\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas)\b)(?![\s\S]*(?:[,;:()\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas)\b))/i;

/** Where the words from `from` to `to` stop being the earlier count's and start being the later one's. */
function handover(text: string, from: number, to: number): number {
  const m = HANDOVER.exec(text.slice(from, to));
  return m === null ? from : from + m.index + m[0].length;
}

/**
 * The stretch of the sentence that speaks of this count. The words between two counts are the
 * earlier one's predicate ("25 children lost both parents, and 130 lost one parent") up to the
 * last comma, dash or conjunction, and the later one's after it ("613 killed … and seriously
 * injured 487 others"); before the sentence's first count, they are the first count's ("Of
 * the 57 identified dead, …").
 */
function windowOf(text: string, count: Count, others: readonly Span[]): Span {
  let before: Span | undefined;
  let after: Span | undefined;
  for (const o of others) {
    if (o.end <= count.span.start && (before === undefined || o.end > before.end)) before = o;
    if (o.start >= count.span.end && (after === undefined || o.start < after.start)) after = o;
  }
  const start = before === undefined ? count.sentence.start : handover(text, before.end, count.span.start);
  const end = after === undefined ? count.sentence.end : handover(text, count.span.end, after.start);
  return { start, end };
}

/**
 * The qualifier and scope of one count, read from its own stretch of `text`: from the end of
 * the count (the sentence start for its first count) to the next count of its sentence (`others`:
 * the spans of the sentence's other counts). A part listed in a breakdown takes none of its
 * whole's words: "of the 57 identified dead, 16 were women" counts 16 women killed.
 */
export function countedWhat(text: string, count: Count, others: readonly Span[] = []): CountWhat {
  const w = windowOf(text, count, others);
  const stretch = text.slice(w.start, w.end);
  const lower = stretch.toLowerCase();
  const out: CountWhat = {};
  const found = QUALIFIERS.filter(([, rule, measures]) => (measures === null || measures.has(count.measure)) && rule.test(lower)).map(([label]) => label);
  if (found.length) out.qualifier = found.join(', ');
  const own = text.slice(count.span.start, w.end).toLowerCase();
  const whole = count.group === 'all' ? PARTITIVE.exec(own)?.[1] : undefined;
  if (whole !== undefined && WHOLE_NOUNS.some(([m, nouns]) => m === count.measure && nouns.test(whole))) out.scope = PART;
  else {
    const place = INNER_PLACE.exec(stretch)?.[1];
    if (place !== undefined) out.scope = `in the ${place.toLowerCase()}`;
  }
  return out;
}

/** The key part of a qualifier and scope (not the revision): "" for neither, so unqualified counts keep their old keys. */
export function whatKey(w: Pick<CountWhat, 'qualifier' | 'scope'> | undefined): string {
  if (w === undefined || (w.qualifier === undefined && w.scope === undefined)) return '';
  return `${w.qualifier ?? ''}\u0001${w.scope ?? ''}`;
}

// "The toll rose to 61", "was revised down to 2,314", "has reached 80": the figure after a change, and which way.
const CHANGED_TO = /\b(rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|jumped|grew|grown|reached|raised|fell|fallen|falls|dropped|lowered|revised|corrected|updated|adjusted)\s+(?:(up|down|upwards?|downwards?|sharply|again|further)\s+)?(?:to\s+|at\s+)?(?:about\s+|around\s+|some\s+|at\s+least\s+|more\s+than\s+|over\s+)?$/i;
const RISE_WORDS = /^(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|jumped|grew|grown|reached|raised|up|upwards?|higher)$/i;
const FALL_WORDS = /^(?:fell|fallen|falls|dropped|lowered|down|downwards?|lower)$/i;
// "57 killed, a higher figure than the 42 first reported", "61, up from 45": the figure after a change, named after it.
const CHANGED_AFTER = /^[^.;]*?\b(higher|lower|new|revised|updated|corrected)\s+(?:figure|toll|count|number|total|tally)\s+than\b|^[^.;]*?\bthan\s+(?:the\s+)?(?:[\d,.]+\s+)?(?:first|initially|originally|previously|earlier)\s+reported\b|^[\s\S]{0,30}?,?\s+(up|down)\s+from\b/i;

/** "risen", "fallen" or (direction unstated) "later", from the words that mark a changed figure. */
function direction(words: ReadonlyArray<string | undefined>): 'risen' | 'fallen' | 'later' {
  for (const w of [...words].reverse()) {
    if (w === undefined) continue;
    if (RISE_WORDS.test(w)) return 'risen';
    if (FALL_WORDS.test(w)) return 'fallen';
  }
  return 'later';
}

/** Revision marks of a sentence's counts: "from 300 to 412", "rose to 61", "61, up from 45". */
function revisionsOf(text: string, counts: readonly Count[], out: CountWhat[]): void {
  counts.forEach((c, i) => {
    const before = text.slice(Math.max(c.sentence.start, c.span.start - 60), c.span.start);
    const next = counts[i + 1];
    const sameSentence = next !== undefined && next.sentence.start === c.sentence.start;
    // "rose from 300 to 412", "corrected from 3,214 to 2,314"
    if (sameSentence && /\bfrom\s+(?:about\s+|around\s+|some\s+)?$/i.test(before) && /^\s+to\s+(?:about\s+|around\s+|some\s+)?$/i.test(text.slice(c.span.end, next.span.start)) && next.measure === c.measure) {
      out[i]!.revision = 'earlier';
      out[i + 1]!.revision = 'later';
      return;
    }
    // "61, up from 45": the first is the later figure, the second the earlier
    if (sameSentence && /^,?\s+(?:up|down)\s+from\s+(?:about\s+|around\s+|some\s+)?$/i.test(text.slice(c.span.end, next.span.start)) && next.measure === c.measure) {
      out[i]!.revision = 'later';
      out[i + 1]!.revision = 'earlier';
      return;
    }
    if (out[i]!.revision !== undefined) return;
    const to = CHANGED_TO.exec(before);
    const end = sameSentence ? next.span.start : c.sentence.end;
    const after = to === null ? CHANGED_AFTER.exec(text.slice(c.span.end, end)) : null;
    if (to !== null) out[i]!.revision = direction([to[1], to[2]]);
    else if (after !== null) out[i]!.revision = direction([after[1], after[2]]);
  });
}

/** The count `c` is drawn from when "of the" joins them: "20 of the 150 wounded" (`sentence`: the counts of its sentence). */
function partitiveWhole(text: string, c: Count, sentence: readonly Count[]): Count | undefined {
  return sentence.find((o) => o.span.start >= c.span.end && o.span.start - c.span.end <= 12 && /^\s+of\s+(?:the|those|these)\s+$/i.test(text.slice(c.span.end, o.span.start)));
}

// "As of Tuesday, 40 people …", "61 dead as of 14 June", "By 3 May 2019, 31 had died": the time a toll speaks of.
const AS_OF = /\b(?:as\s+(?:of|at)|by|until|up\s+to)\s+(?:the\s+end\s+of\s+|late\s+|early\s+)?$/i;
// A date whose quote holds the word itself: "By Friday".
const AS_OF_QUOTE = /^(?:as\s+(?:of|at)|by|until|up\s+to)\s/i;

/**
 * The date a count's sentence says it speaks of: a date after "as of", "by" or "until" in the
 * sentence, when there is one only (`dates`: the text's dates by start, so a sentence's are
 * found by a binary search, not a pass over every date of a long report).
 */
function asOfDate(text: string, c: Count, dates: readonly DateMention[]): string | undefined {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (dates[mid]!.span.start < c.sentence.start) lo = mid + 1; else hi = mid; }
  const found: DateMention[] = [];
  for (let i = lo; i < dates.length && dates[i]!.span.start < c.sentence.end; i++) {
    const d = dates[i]!;
    if (d.span.end <= c.sentence.end && (AS_OF.test(text.slice(Math.max(c.sentence.start, d.span.start - 24), d.span.start)) || AS_OF_QUOTE.test(d.quote))) found.push(d);
  }
  return found.length === 1 ? found[0]!.value : undefined;
}

/** The qualifiers and scopes of every count of a text, parallel to `counts` (`dates`: the text's dates, for `asOf`). */
export function countsWhat(text: string, counts: readonly Count[], dates: readonly DateMention[] = []): CountWhat[] {
  const byStart = [...dates].sort((a, b) => a.span.start - b.span.start);
  const bySentence = new Map<number, Count[]>();
  for (const c of counts) {
    const list = bySentence.get(c.sentence.start);
    if (list === undefined) bySentence.set(c.sentence.start, [c]);
    else list.push(c);
  }
  const out = counts.map((c) => {
    const sentence = bySentence.get(c.sentence.start) ?? [];
    const w = countedWhat(text, c, sentence.filter((o) => o !== c).map((o) => o.span));
    // "96 were treated, 31 of whom by our staff": a part of the same measure and group as its whole is a subset.
    // "20 of the 150 wounded": a partitive whose whole is the next count, of the same measure.
    const whole = c.partOf === undefined ? partitiveWhole(text, c, sentence) : counts[c.partOf];
    if (w.scope === undefined && whole !== undefined && whole.measure === c.measure && whole.group === c.group && whole.unit === c.unit) w.scope = PART;
    const asOf = dates.length ? asOfDate(text, c, byStart) : undefined;
    if (asOf !== undefined) w.asOf = asOf;
    return w;
  });
  restated(text, counts, out);
  revisionsOf(text, counts, out);
  return out;
}

/**
 * "Our monitors documented 57 people killed. … Of the 57 people we identified by name, …": a
 * count named again as "the N" is the report's earlier count of N restated, in the same
 * figure, whatever words stand around it the second time.
 */
function restated(text: string, counts: readonly Count[], out: CountWhat[]): void {
  counts.forEach((c, i) => {
    if (c.min === null || !/\b(?:the|those|these)\s+$/i.test(text.slice(Math.max(0, c.span.start - 8), c.span.start))) return;
    for (let j = i - 1; j >= 0; j--) {
      const e = counts[j]!;
      if (e.min !== c.min || e.max !== c.max || e.measure !== c.measure || e.group !== c.group || e.unit !== c.unit || e.sentence.start === c.sentence.start) continue;
      const { qualifier: _q, scope: _s, ...rest } = out[i]!;
      out[i] = { ...rest, ...(out[j]!.qualifier === undefined ? {} : { qualifier: out[j]!.qualifier }), ...(out[j]!.scope === undefined ? {} : { scope: out[j]!.scope }) };
      return;
    }
  });
}
