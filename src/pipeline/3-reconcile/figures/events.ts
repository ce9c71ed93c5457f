/** Assigns each count to the event it speaks of, and says why. */
import type { Count } from '../../../domain/types.js';
import { clusterNames, type AliasOptions } from '../entities/aliases.js';
import { foldName } from '../entities/fold.js';
import { makeCountRefs } from '../refs.js';
import type { EventCount, ReportInput } from '../types.js';
import { distinctEvents, EVENT_NOUNS, findEventMentions, type EventMention, type EventName } from './event-mentions.js';

export { findEventMentions, distinctEvents, type EventMention, type EventName } from './event-mentions.js';

/** The key of counts no rule could place. */
export const UNASSIGNED = '(unassigned)';

/** What is known around a count when its event is chosen. */
export interface EventContext {
  /** Events named in the count's report, with offsets into the report (see `findEventMentions`). */
  mentions: readonly EventMention[];
  /** Specific events named anywhere in the corpus: a sentence naming their place or year recalls them. */
  known?: readonly EventName[];
  /** Set when the corpus discusses only one specific event. */
  corpusDefault?: EventName;
  /**
   * False when the report names places, none of them the default event's place, nor its name or
   * year: such a report is about somewhere else and is not assumed to speak of the default.
   */
  defaultApplies?: boolean;
  /** Folded name → the key of its cluster (transliterations, typos, exonyms); see `corpusEvents`. */
  canonical?: ReadonlyMap<string, string>;
  /** How many characters before the sentence a named event still counts as near (default 400). */
  near?: number;
  /** The incident the report is mainly about (see `mainIncident`); its counts go there when nothing nearer places them. */
  main?: MainIncident;
  /** The report's text, to find the paragraph a sentence stands in. */
  text?: string;
  /** True when the text has no blank lines, so that each line is a paragraph. */
  lineParagraphs?: boolean;
}

/** The incident a report is mainly about, and why. */
export interface MainIncident {
  event: string;
  label: string;
  reason: string;
  /** True when it is a named event (of this report or a known one), false when only a place. */
  named: boolean;
  /** True when the report's title names it. */
  titled: boolean;
  /** The place as written, for an incident known only by its place. */
  place?: string;
}

/** An event for a count, with the rule that chose it. */
export interface EventAssignment {
  event: string;
  label: string;
  reason: string;
}

/** The mention nearest the count, preferring one before it on a tie. */
function nearest(mentions: readonly EventMention[], at: number): EventMention | undefined {
  let best: EventMention | undefined;
  let bestD = Infinity;
  for (const m of mentions) {
    const d = m.end <= at ? at - m.end : m.start >= at ? m.start - at + 0.5 : 0;
    if (d < bestD) [best, bestD] = [m, d];
  }
  return best;
}

const isYear = (key: string) => /^\d{4}$/.test(key);

/** Known events by the first word of their key, to find the ones a sentence names without trying each. */
class KnownIndex {
  private readonly byFirst = new Map<string, Array<{ e: EventName; words: string[]; order: number }>>();
  constructor(known: readonly EventName[]) {
    known.forEach((e, order) => {
      const words = e.key.split(' ');
      const list = this.byFirst.get(words[0]!);
      if (list === undefined) this.byFirst.set(words[0]!, [{ e, words, order }]);
      else list.push({ e, words, order });
    });
  }
  /** The event whose key the words hold earliest (the first known on a tie). */
  first(tokens: readonly string[]): EventName | undefined {
    for (let i = 0; i < tokens.length; i++) {
      let best: { e: EventName; order: number } | undefined;
      for (const k of this.byFirst.get(tokens[i]!) ?? []) {
        if (best !== undefined && k.order > best.order) continue;
        if (k.words.every((w, j) => tokens[i + j] === w)) best = k;
      }
      if (best !== undefined) return best.e;
    }
    return undefined;
  }
}

/** Known events indexed, names and years apart (a name is tried before a year); made once per list. */
const knownIndexes = new WeakMap<readonly EventName[], { names: KnownIndex; years: KnownIndex }>();

/** A known event whose name (or, failing that, year) the sentence contains as whole words. */
function recalled(sentenceText: string, known: readonly EventName[], canonical: ReadonlyMap<string, string>): EventName | undefined {
  if (known.length === 0) return undefined;
  const words = foldName(sentenceText).split(' ');
  // As one string and split again: a spelling's key may be of several words.
  const tokens = words.map((w) => canonical.get(w) ?? w).join(' ').split(' ');
  let index = knownIndexes.get(known);
  if (index === undefined) {
    index = { names: new KnownIndex(known.filter((e) => !isYear(e.key))), years: new KnownIndex(known.filter((e) => isYear(e.key))) };
    knownIndexes.set(known, index);
  }
  return index.names.first(tokens) ?? index.years.first(tokens);
}

/** A mention with its key replaced by its cluster's. */
function unify(m: EventMention, canonical: ReadonlyMap<string, string> | undefined): EventMention {
  const key = canonical?.get(m.key);
  return key === undefined || key === m.key ? m : { ...m, key };
}

/** "the sentence names it: …" and the other reasons, for one mention. */
function fromMention(m: EventMention, reason: string): EventAssignment {
  return { event: m.key, label: m.label, reason: `${reason}: "${m.quote}"` };
}

/**
 * The event a count speaks of, tried in order: a specific event named in its sentence (nearest
 * the number; comparisons skipped); a known event's place or year in the sentence; a broad one
 * (a war, an offensive) named in the sentence; a specific event named shortly before; the only
 * specific event its report names; the corpus default.
 */
export function assignEvent(count: Count, sentenceText: string, context: EventContext): EventAssignment {
  const alias = (m: EventMention) => aliasOf(m, context.main);
  const own = findEventMentions(sentenceText, count.sentence.start).filter((m) => !m.comparison).map((m) => alias(unify(m, context.canonical)));
  const specific = nearest(own.filter((m) => m.tier === 'specific'), count.span.start);
  if (specific !== undefined) return fromMention(specific, 'the sentence names it');
  const main = context.main;
  // A year alone recalls a known event only in a report that is about no incident of its own.
  const known = main === undefined ? context.known ?? NONE : reportMentions(context).knownNoYears;
  const recall = recalled(sentenceText, known, context.canonical ?? NO_SPELLINGS);
  // "returnees from Pakistan" in a report about another incident names a place, not the floods
  // there: a known event other than the report's own is recalled only with its noun.
  if (recall !== undefined && (main === undefined || recall.key === main.event || namesItsNoun(sentenceText, recall))) {
    return { event: recall.key, label: recall.label, reason: `the sentence names ${isYear(recall.key) ? 'the year' : 'the place'} of the ${recall.label}` };
  }
  const broad = nearest(own, count.span.start);
  if (broad !== undefined) return fromMention(broad, 'the sentence names it');
  const report = reportMentions(context);
  const from = paragraphStart(context.text, count.sentence.start, context.lineParagraphs === true);
  const lastInParagraph = report.lastBefore(count.sentence.start, (m) => m.start >= from, from);
  if (lastInParagraph !== undefined) return fromMention(lastInParagraph, 'named earlier in its paragraph');
  const near = context.near ?? 400;
  const last = report.lastBefore(count.sentence.start, (m) => count.sentence.start - m.end <= near, count.sentence.start - near);
  if (last !== undefined) return fromMention(last, `named ${count.sentence.start - last.end} characters before the sentence`);
  if (main !== undefined && (main.named || main.titled)) return { event: main.event, label: main.label, reason: main.reason };
  const inReport = report.distinct;
  if (inReport.length === 1) return { event: inReport[0]!.key, label: inReport[0]!.label, reason: 'the only event the report names' };
  if (context.corpusDefault !== undefined && context.defaultApplies !== false) {
    return { event: context.corpusDefault.key, label: context.corpusDefault.label, reason: 'the only event the reports discuss' };
  }
  if (main !== undefined) return { event: main.event, label: main.label, reason: main.reason };
  if (context.corpusDefault !== undefined) {
    return { event: UNASSIGNED, label: 'unplaced', reason: `the report names other places and never the ${context.corpusDefault.label}, its place or its year` };
  }
  const why = inReport.length === 0 ? 'the report names no event and no place' : `the report names ${inReport.length} events`;
  return { event: UNASSIGNED, label: 'unplaced', reason: `no event named in or near the sentence, ${why}, and the reports discuss several` };
}

/** A report's own specific mentions (comparisons aside, aliases applied), made once per context and searched by position. */
interface ReportMentions {
  distinct: EventName[];
  /** The known events other than years alone (one list per context, so that its index is made once). */
  knownNoYears: EventName[];
  /**
   * The last mention, in the report's order, that ends at or before `at` and passes `ok`; `ok`
   * holds of none that ends before `floor`, so the search stops there.
   */
  lastBefore(at: number, ok: (m: EventMention) => boolean, floor: number): EventMention | undefined;
}

const prepared = new WeakMap<EventContext, ReportMentions>();
const NONE: readonly EventName[] = [];
const NO_SPELLINGS: ReadonlyMap<string, string> = new Map();

/** The known events but years, once per list (one list for every report of a build, so its index is made once). */
const noYears = new WeakMap<readonly EventName[], EventName[]>();
function knownNoYears(known: readonly EventName[]): EventName[] {
  let list = noYears.get(known);
  if (list === undefined) noYears.set(known, (list = known.filter((e) => !isYear(e.key))));
  return list;
}

/** Known events but years by the first word of their key, with their place in the list; once per list. */
const byFirstWord = new WeakMap<readonly EventName[], Map<string, Array<{ e: EventName; order: number }>>>();
/** The known events (not years) whose key a folded text (` word word `) holds as whole words, in the list's order. */
function knownIn(folded: string, known: readonly EventName[]): EventName[] {
  let index = byFirstWord.get(known);
  if (index === undefined) {
    index = new Map();
    known.forEach((e, order) => {
      if (isYear(e.key)) return;
      const first = e.key.split(' ')[0]!;
      const list = index!.get(first);
      if (list === undefined) index!.set(first, [{ e, order }]);
      else list.push({ e, order });
    });
    byFirstWord.set(known, index);
  }
  const found: Array<{ e: EventName; order: number }> = [];
  for (const w of new Set(folded.split(' '))) for (const k of index.get(w) ?? []) if (folded.includes(` ${k.e.key} `)) found.push(k);
  return found.sort((a, b) => a.order - b.order).map((k) => k.e);
}

function reportMentions(context: EventContext): ReportMentions {
  const known = prepared.get(context);
  if (known !== undefined) return known;
  const list = context.mentions.filter((m) => !m.comparison && m.tier === 'specific').map((m) => aliasOf(m, context.main));
  const byStart = list.every((m, i) => i === 0 || list[i - 1]!.start <= m.start);
  const longest = list.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  const lastBefore = (at: number, ok: (m: EventMention) => boolean, floor: number): EventMention | undefined => {
    if (!byStart) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.end <= at && ok(list[i]!)) return list[i];
      return undefined;
    }
    // Mentions by start: those starting before `at` are a prefix; walk it back until none can end after `floor`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.start < at) lo = mid + 1; else hi = mid; }
    for (let i = lo - 1; i >= 0 && list[i]!.start + longest >= floor; i--) if (list[i]!.end <= at && ok(list[i]!)) return list[i];
    return undefined;
  };
  const out = { distinct: distinctEvents(list), knownNoYears: knownNoYears(context.known ?? NONE), lastBefore };
  prepared.set(context, out);
  return out;
}

/**
 * Where the paragraph holding `at` starts: after the last blank line, or, in a text without
 * blank lines (`lines`), after the last line break. 0 without the text; looks back 20,000
 * characters at most.
 */
function paragraphStart(text: string | undefined, at: number, lines: boolean): number {
  if (text === undefined) return 0;
  const floor = Math.max(0, at - 20_000);
  let i = text.lastIndexOf('\n', at - 1);
  if (lines) return Math.max(i, floor);
  while (i > floor) {
    const j = text.lastIndexOf('\n', i - 1);
    if (j < 0) return 0;
    if (text.slice(j + 1, i).trim() === '') return i;
    i = j;
  }
  return floor;
}

/** True when the sentence holds the noun of the event's label ("floods" for "floods in Pakistan"), in either number. */
function namesItsNoun(sentenceText: string, e: EventName): boolean {
  const lower = sentenceText.toLowerCase();
  return e.label.toLowerCase().split(/\s+/).some((w) => {
    const stem = w.replace(/(?:es|s)$/, '');
    return EVENT_NOUNS.has(w) && new RegExp(`\\b${stem}(?:e?s)?\\b`).test(lower);
  });
}

// "Europe's worst massacre", "the country's deadliest quake": a description, not a name.
const DESCRIPTIVE = /(?:['’]s|s['’])$/;

/**
 * A mention of the report's own main incident under another name: a year alone ("the 1995
 * massacre") or a description ("Europe's worst massacre") in a report about a named incident.
 */
function aliasOf(m: EventMention, main: MainIncident | undefined): EventMention {
  if (main === undefined || m.key === main.event || m.tier !== 'specific') return m;
  const described = m.name !== '' && DESCRIPTIVE.test(m.name.split(' ').pop() ?? '');
  if (!(isYear(m.key) || described)) return m;
  return { ...m, key: main.event, label: main.label };
}

// Nouns that name one happening, most telling first when counting what a report is about.
const KIND_NOUNS = /\b(massacres?|killings|ambush(?:es)?|attacks?|bombings?|shelling|airstrikes?|explosions?|earthquakes?|quakes?|floods?|flooding|cyclones?|hurricanes?|typhoons?|tsunamis?|landslides?|fires?|epidemics?|outbreaks?|shipwrecks?|crash|sieges?|pogroms?|genocide|fighting|clashes|raids?)\b/gi;

/** The happening a text names most ("earthquake", "flood"), singular, or '' when none. */
function mainKind(text: string): string {
  const counts = new Map<string, number>();
  KIND_NOUNS.lastIndex = 0;
  for (const m of text.slice(0, 200_000).matchAll(KIND_NOUNS)) {
    const noun = m[1]!.toLowerCase().replace(/(?<=[^s])s$/, '').replace(/^quake$/, 'earthquake').replace(/^flooding$/, 'flood').replace(/^killings$/, 'killing').replace(/^ambushe$/, 'ambush');
    counts.set(noun, (counts.get(noun) ?? 0) + 1);
  }
  let best = '';
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** Occurrences of ` key ` in a folded text (bounded). */
function occurrences(folded: string, key: string): number {
  let n = 0;
  for (let i = folded.indexOf(` ${key} `); i >= 0 && n < 50; i = folded.indexOf(` ${key} `, i + 1)) n++;
  return n;
}

// "Published: 16 March 1996", "Svoboda, 12 June 1992": a line of metadata or a dateline, not a title.
const META_LINE = /^(?:[\p{L}][\p{L} ]{0,20}:[^\n]{0,60}|[^\n]{0,30}\b(?:1[89]|20)\d\d\b[^\n]{0,10})$/u;

/**
 * Where the title (its first paragraph, past metadata lines) and the lead (that and the next)
 * of a text end, at most 200 and 600 characters after the title starts.
 */
function headEnds(text: string): [number, number] {
  const head = text.slice(0, 1000);
  const breaks = /\n[ \t]*\n/.test(text.slice(0, 100_000)) ? /\n[ \t]*\n/g : /\n/g;
  const paragraphs: Array<[number, number]> = [];
  let from = 0;
  const cuts: Array<[number, number]> = [...head.matchAll(breaks)].map((m) => [m.index, m.index + m[0].length]);
  for (const [at, next] of [...cuts, [head.length, head.length] as [number, number]]) {
    const body = head.slice(from, at).trim();
    if (body !== '' && !(paragraphs.length === 0 && META_LINE.test(body))) paragraphs.push([from, at]);
    from = next;
    if (paragraphs.length === 2) break;
  }
  const start = paragraphs[0]?.[0] ?? 0;
  return [Math.min(start + 200, paragraphs[0]?.[1] ?? start + 200), Math.min(start + 600, paragraphs[1]?.[1] ?? start + 600)];
}

type Candidate = { score: number; label: string; first: number; named: boolean; times: number };

/**
 * The incident a report is mainly about, tried in order: what its title names (a named event
 * before a place); the event it names most (its own specific events, 3 points a mention, and
 * the corpus's known events whose place its lead writes, 1 a time it does anywhere; 3 more
 * when the lead names it); the place it names most (1 more for the lead; then the most often), with the
 * happening it names most: "earthquake in Vale". Undefined when it names neither.
 */
export function mainIncident(text: string, mentions: readonly EventMention[], places: readonly string[], ctx: Pick<CorpusEvents, 'canonical' | 'known' | 'labels'>): MainIncident | undefined {
  const canon = (w: string) => ctx.canonical.get(w) ?? w;
  const fold = (s: string) => ` ${foldName(s).split(' ').map(canon).join(' ')} `;
  const folded = fold(text.slice(0, 200_000));
  const [titleEnd, leadEnd] = headEnds(text);
  const title = fold(text.slice(0, titleEnd));  // from the start: a skipped dateline names nothing
  const lead = fold(text.slice(0, leadEnd));
  const all = new Map<string, Candidate>();
  // The lead counts 3 for an event, 1 for a place (a region named once in a lead is no town named twice).
  const add = (key: string, label: string, points: number, at: number, named: boolean) => {
    const s = all.get(key);
    if (s === undefined) all.set(key, { score: points + (lead.includes(` ${key} `) ? (named ? 3 : 1) : 0), label, first: at, named, times: 1 });
    else { s.score += points; s.first = Math.min(s.first, at); s.named ||= named; s.times++; }
  };
  for (const m of mentions) {
    if (m.comparison || m.tier !== 'specific' || isYear(m.key)) continue;
    const key = canon(m.key);
    add(key, ctx.labels.get(key) ?? m.label, 3, m.start, true);
  }
  // Another report's event is this one's subject only when this one's title or lead names its place.
  for (const e of knownIn(lead, ctx.known ?? NONE)) {
    add(e.key, ctx.labels.get(e.key) ?? e.label, occurrences(folded, e.key), folded.indexOf(` ${e.key} `), true);
  }
  places.forEach((p, i) => {
    const key = canon(foldName(p));
    if (key !== '' && !/^\d+$/.test(key)) add(key, p, 1, text.length + i, false);
  });
  const best = (keep: (key: string, c: Candidate) => boolean) => {
    let top: [string, Candidate] | undefined;
    for (const e of all) {
      if (!keep(...e)) continue;
      const [, c] = e;
      if (top === undefined || Number(c.named) - Number(top[1].named) > 0 || (c.named === top[1].named && (c.score - top[1].score || c.times - top[1].times || top[1].first - c.first) > 0)) top = e;
    }
    return top;
  };
  const inTitle = best((key) => title.includes(` ${key} `));
  const top = inTitle ?? best((_, c) => c.named) ?? best(() => true);
  if (top === undefined) return undefined;
  const [event, c] = top;
  const where = inTitle !== undefined ? 'its title names' : 'it names most';
  const titled = inTitle !== undefined;
  if (c.named) return { event, label: c.label, reason: `the report's main incident: the ${c.label}, the event ${where}`, named: true, titled };
  const kind = mainKind(text);
  const label = ctx.labels.get(event) ?? (kind === '' ? c.label : `${kind} in ${c.label}`);
  return { event, label, reason: `the report's main incident: ${c.label}, the place ${where}`, named: false, titled, place: c.label };
}

/**
 * Whether a report that names no event may speak of the corpus's one event: it names no place
 * at all, or names the event's place (in any spelling the alias rules join) or year.
 */
export function mayBeDefault(text: string, places: readonly string[], def: EventName, names: readonly string[], corpus: Pick<CorpusEvents, 'canonical'>, options: AliasOptions = {}): boolean {
  if (places.length === 0) return true;
  if (recalled(text, [def], corpus.canonical) !== undefined) return true;
  if (isYear(def.key) || names.length === 0) return false;
  const own = new Set(names);
  return clusterNames([...names, ...places], options).some((c) => c.names.some((n) => own.has(n.name)) && c.names.some((n) => !own.has(n.name)));
}

/** True when the alias rules join `name` to one of `names`. */
function joins(name: string, names: readonly string[], exonyms: AliasOptions['exonyms']): boolean {
  const own = foldName(name);
  return clusterNames([name, ...names], { exonyms }).some((c) => c.names.some((n) => foldName(n.name) === own) && c.names.some((n) => foldName(n.name) !== own || names.includes(n.name)));
}

/** The corpus-wide context, and every report's mentions with their keys unified. */
export interface CorpusEvents {
  mentions: EventMention[][];
  known: EventName[];
  corpusDefault?: EventName;
  canonical: Map<string, string>;
  /** Key → the first label the corpus gives it. */
  labels: Map<string, string>;
}

/**
 * Unifies event names across the corpus (one cluster per place: transliterations, typos and
 * the exonym table passed in), then lists the specific events and, when there is only one,
 * makes it the default.
 */
export function corpusEvents(mentionsByReport: ReadonlyArray<readonly EventMention[]>, options: AliasOptions = {}): CorpusEvents {
  // A tallied mention (`n`) stands for n repeats of itself.
  const names = mentionsByReport.flat().filter((m) => m.name !== '').map((m) => ({ name: m.name, count: (m as TalliedMention).n ?? 1 }));
  const canonical = new Map<string, string>();
  for (const c of clusterNames(names, options)) {
    for (const n of c.names) canonical.set(foldName(n.name), foldName(c.canonical));
  }
  const mentions = mentionsByReport.map((list) => list.map((m) => unify(m, canonical)));
  const all = mentions.flat();
  const discussed = distinctEvents(all, { tier: 'specific' });
  const known = distinctEvents(all, { comparisons: true, tier: 'specific' });
  const labels = new Map(distinctEvents(all, { comparisons: true }).map((e) => [e.key, e.label]));
  const base = { mentions, known, canonical, labels };
  return discussed.length === 1 ? { ...base, corpusDefault: discussed[0]! } : base;
}

/** A mention standing for `n` alike (a tally of the corpus's mentions: see pipeline/run/tallies.ts). */
export type TalliedMention = EventMention & { n?: number };

/** The corpus context with the default event's place as the reports write it ("Dorvik", "Dörvik", …). */
export interface AssignContext {
  corpus: CorpusEvents;
  defNames: string[];
  exonyms?: AliasOptions['exonyms'];
  near?: number;
}

/** The context `assignReport` uses, from every report's event mentions (no texts needed). */
export function assignContext(mentionsByReport: ReadonlyArray<readonly EventMention[]>, options: { near?: number; exonyms?: AliasOptions['exonyms']; typoLinks?: AliasOptions['typoLinks'] } = {}): AssignContext {
  const corpus = corpusEvents(mentionsByReport, { exonyms: options.exonyms, ...(options.typoLinks ? { typoLinks: options.typoLinks } : {}) });
  const def = corpus.corpusDefault;
  const defNames = def ? [...new Set(corpus.mentions.flat().filter((m) => m.key === def.key && m.name !== '').map((m) => m.name))] : [];
  return { corpus, defNames, exonyms: options.exonyms, near: options.near };
}

/**
 * Assigns the counts of one report (its own mentions, unified, at `mentions`) under the corpus
 * context. Labels are unified per event (the first label seen), so "the Dorvik massacre" and
 * "the attack on Dorvik" read as one event.
 */
export function assignReport(report: Pick<ReportInput, 'id' | 'text' | 'counts'>, mentions: readonly EventMention[], places: readonly string[], ctx: AssignContext): EventCount[] {
  const { corpus, defNames } = ctx;
  const def = corpus.corpusDefault;
  const defaultApplies = def === undefined || mayBeDefault(report.text, places, def, defNames, corpus, { exonyms: ctx.exonyms });
  const unified = mentions.map((m) => unify(m, corpus.canonical));
  let main = mainIncident(report.text, unified, places, corpus);
  // A report about "Dorvikk" is about the corpus's Dorvik massacre: a place the alias rules join to its place.
  if (main !== undefined && !main.named && def !== undefined && defNames.length > 0 && joins(main.place ?? main.label, defNames, ctx.exonyms)) {
    main = { event: def.key, label: corpus.labels.get(def.key) ?? def.label, reason: `the report's main incident: the ${def.label}, whose place it names as ${main.label}`, named: true, titled: main.titled };
  }
  const context: EventContext = { ...corpus, mentions: unified, near: ctx.near, defaultApplies, main, text: report.text, lineParagraphs: !/\n[ \t]*\n/.test(report.text) };
  const out: EventCount[] = [];
  for (const ref of makeCountRefs(report)) {
    const text = report.text.slice(ref.count.sentence.start, ref.count.sentence.end);
    const a = assignEvent(ref.count, text, context);
    out.push({ ...ref, event: a.event, eventLabel: corpus.labels.get(a.event) ?? a.label, eventReason: a.reason });
  }
  return out;
}

/**
 * Assigns every count of every report. Cheap (one regex pass per report), but the corpus
 * default depends on every report, so a change of context reassigns them all.
 */
export function assignEvents(reports: readonly ReportInput[], options: { near?: number; exonyms?: AliasOptions['exonyms']; places?: ReadonlyArray<readonly string[]> } = {}): EventCount[] {
  const mentions = reports.map((r) => findEventMentions(r.text));
  const ctx = assignContext(mentions, options);
  const out: EventCount[] = [];
  reports.forEach((report, i) => {
    for (const c of assignReport(report, mentions[i]!, options.places?.[i] ?? [], ctx)) out.push(c);
  });
  return out;
}
