/** Assigns each count to the event it speaks of, and says why. */
import type { Count } from '../../../domain/types.js';
import { clusterNames, type AliasOptions } from '../entities/aliases.js';
import { foldName } from '../entities/fold.js';
import { makeCountRefs } from '../refs.js';
import type { EventCount, ReportInput } from '../types.js';
import { distinctEvents, findEventMentions, type EventMention, type EventName } from './event-mentions.js';

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

/** A known event whose name (or, failing that, year) the sentence contains as whole words. */
function recalled(sentenceText: string, known: readonly EventName[], canonical: ReadonlyMap<string, string>): EventName | undefined {
  const words = foldName(sentenceText).split(' ');
  const folded = ` ${words.map((w) => canonical.get(w) ?? w).join(' ')} `;
  const hit = (e: EventName) => folded.indexOf(` ${e.key} `);
  const byPosition = (list: EventName[]) => list.filter((e) => hit(e) >= 0).sort((a, b) => hit(a) - hit(b))[0];
  return byPosition(known.filter((e) => !isYear(e.key))) ?? byPosition(known.filter((e) => isYear(e.key)));
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
  const own = findEventMentions(sentenceText, count.sentence.start).filter((m) => !m.comparison).map((m) => unify(m, context.canonical));
  const specific = nearest(own.filter((m) => m.tier === 'specific'), count.span.start);
  if (specific !== undefined) return fromMention(specific, 'the sentence names it');
  const recall = recalled(sentenceText, context.known ?? [], context.canonical ?? new Map());
  if (recall !== undefined) {
    return { event: recall.key, label: recall.label, reason: `the sentence names ${isYear(recall.key) ? 'the year' : 'the place'} of the ${recall.label}` };
  }
  const broad = nearest(own, count.span.start);
  if (broad !== undefined) return fromMention(broad, 'the sentence names it');
  const mentions = context.mentions.filter((m) => !m.comparison && m.tier === 'specific');
  const near = context.near ?? 400;
  const before = mentions.filter((m) => m.end <= count.sentence.start && count.sentence.start - m.end <= near);
  const last = before[before.length - 1];
  if (last !== undefined) return fromMention(last, `named ${count.sentence.start - last.end} characters before the sentence`);
  const inReport = distinctEvents(mentions);
  if (inReport.length === 1) return { event: inReport[0]!.key, label: inReport[0]!.label, reason: 'the only event the report names' };
  if (context.corpusDefault !== undefined && context.defaultApplies !== false) {
    return { event: context.corpusDefault.key, label: context.corpusDefault.label, reason: 'the only event the reports discuss' };
  }
  if (context.corpusDefault !== undefined) {
    return { event: UNASSIGNED, label: 'unassigned', reason: `the report names other places and never the ${context.corpusDefault.label}, its place or its year` };
  }
  const why = inReport.length === 0 ? 'the report names no event' : `the report names ${inReport.length} events`;
  return { event: UNASSIGNED, label: 'unassigned', reason: `no event named in or near the sentence, ${why}, and the reports discuss several` };
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
  const names = mentionsByReport.flat().map((m) => m.name).filter((n) => n !== '');
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

/** The corpus context with the default event's place as the reports write it ("Dorvik", "Dörvik", …). */
export interface AssignContext {
  corpus: CorpusEvents;
  defNames: string[];
  exonyms?: AliasOptions['exonyms'];
  near?: number;
}

/** The context `assignReport` uses, from every report's event mentions (no texts needed). */
export function assignContext(mentionsByReport: ReadonlyArray<readonly EventMention[]>, options: { near?: number; exonyms?: AliasOptions['exonyms'] } = {}): AssignContext {
  const corpus = corpusEvents(mentionsByReport, { exonyms: options.exonyms });
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
  const context: EventContext = { ...corpus, mentions: mentions.map((m) => unify(m, corpus.canonical)), near: ctx.near, defaultApplies };
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
