/** Finds named events in text: "the X massacre", "the 1995 massacre", "the attack on X". */
import { foldName } from '../entities/fold.js';

/** A named event: its key (the folded name, or the year) and a label as first written. */
export interface EventName {
  key: string;
  label: string;
  /** `specific` (a massacre, an attack) or `broad` (a war, an offensive: a period holding many). */
  tier: 'specific' | 'broad';
}

/** One place a text names an event. */
export interface EventMention extends EventName {
  /** The name as written ("Dorvik"), or '' when only a year names it. */
  name: string;
  quote: string;
  start: number;
  end: number;
  /** Named only to compare ("more than in the 1995 massacre"): not what the sentence is about. */
  comparison: boolean;
}

// Nouns that name one happening; generic English, nothing about any conflict.
const SPECIFIC = [
  'massacres', 'massacre', 'attacks', 'attack', 'assault', 'bombings', 'bombing', 'shelling', 'raid', 'killings',
  'shooting', 'explosion', 'blast', 'earthquake', 'quake', 'floods', 'flooding', 'flood', 'fire', 'collapse',
  'tragedy', 'genocide', 'pogrom', 'crash', 'storm', 'hurricane', 'cyclone', 'typhoon', 'tsunami', 'landslide',
  'eruption', 'disaster', 'ambush', 'airstrike', 'strike',
];
// Nouns that name a stretch of time holding many happenings.
const BROAD = [
  'war', 'offensive', 'occupation', 'uprising', 'battle', 'clashes', 'riots', 'siege', 'capture', 'fall', 'famine',
  'epidemic', 'outbreak', 'deportation', 'expulsion',
];
const BROAD_SET = new Set(BROAD);
/** Every noun that names an event, specific or broad, lower case. */
export const EVENT_NOUNS: ReadonlySet<string> = new Set([...SPECIFIC, ...BROAD]);
const NOUN = `(?:${[...SPECIFIC, ...BROAD].map((n) => `[${n[0]!.toUpperCase()}${n[0]}]${n.slice(1)}`).join('|')})`;
const WORD = `\\p{Lu}[\\p{L}\\p{M}'’-]*`;

// "the Dorvik massacre", "the 1995 massacre", "the 1992 Dorvik market attack"; a year on the
// line before ("Published: 18 May 2015" over "Market bombing in Lisk") is not the event's.
const NAME_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[Tt]he\\s+)?(?:(1\\d{3}|20\\d{2})[ \\t]+)?((?:${WORD}[ \\t]+){0,3})(?:([a-z]+)\\s+)?(${NOUN})(?![\\p{L}])`,
  'gu',
);
// "the attack on Dorvik", "the earthquake in Upper Vale", "the fall of Dorvik"
const NAME_AFTER = new RegExp(`(?<![\\p{L}])(${NOUN})\\s+(in|at|on|of|near)\\s+(${WORD}(?:[ \\t]+${WORD}){0,2})`, 'gu');

// Capitalised words that begin sentences or name times, not events; and small words that
// cannot stand between a name and its noun ("the Crime of Genocide" names no place).
const STOP = new Set(
  ('the a an in on at of to for by with from after before during since until despite although though ' +
    'however because while when where whereas as and but or nor yet so then thus also both each every all ' +
    'many some such another other this that these those its their his her our my your last next ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december yesterday today tonight').split(' '),
);

// "more than in the 1995 massacre", "like the Dorvik attack": the event is a yardstick.
const COMPARISON = /(?:than|like|unlike|as in|as during|compared (?:with|to)|reminiscent of|recalling)\s+(?:in\s+|at\s+|during\s+|to\s+)?$/i;

// "Veshian", "Tolese", "Brelish": adjectives of a people name no event ("an Arvenian
// offensive" is one side's offensive, not a named event). Matched by suffix, never by name.
const ADJECTIVE = /(?:ian|ean|ese|ish)$/i;

/**
 * Drops leading stop words from a run of capitalised words, possessive ones too: "Thursday's
 * attack" is dated, not named ("Europe's worst massacre", a description, is another matter: see
 * DESCRIPTIVE in events.ts).
 */
function nameWords(run: string): string[] {
  const words = run.trim().split(/\s+/).filter((w) => w !== '');
  while (words.length > 0 && STOP.has(words[0]!.toLowerCase().replace(/['’]s$/, ''))) words.shift();
  return words;
}

/** True when the words before `at` make the mention a comparison. */
function isComparison(text: string, at: number): boolean {
  return COMPARISON.test(text.slice(Math.max(0, at - 30), at));
}

/** Every named event in `text`; offsets are shifted by `offset` (for sentence slices). */
export function findEventMentions(text: string, offset = 0): EventMention[] {
  const found: EventMention[] = [];
  for (const m of text.matchAll(NAME_FIRST)) {
    const year = m[1];
    let run = nameWords(m[2] ?? '');
    // "Artillery fire struck …": a single capitalised word opening a sentence is just capitalised
    // (not one after a possessive time: "Tuesday's Dorvik attack").
    const at = m.index + m[0].search(/\S/);
    const raw = (m[2] ?? '').trim().split(/\s+/);
    const afterTime = raw.length > run.length && /['’]s$/.test(raw[0]!);
    if (run.length === 1 && year === undefined && !afterTime && !/^[Tt]he\s/.test(m[0].trimStart()) && /(?:^|[.!?]["”’)]?\s+|\n\s*|\s[-–—]\s+)$/.test(text.slice(Math.max(0, at - 4), at))) run = [];
    const words = run.every((w) => ADJECTIVE.test(w)) ? [] : run;
    const modifier = m[3];
    if ((words.length === 0 && year === undefined) || (modifier !== undefined && STOP.has(modifier))) continue;
    // "the National Disaster Management Authority", "the Earthquake Commission": a capitalised
    // noun running on into more capitalised words names a body, not a happening.
    if (/^\p{Lu}/u.test(m[4]!) && /^[ \t]+\p{Lu}\p{Ll}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    const name = words.join(' ');
    const noun = m[4]!.toLowerCase();
    const label = [year, name, modifier, noun].filter((w) => w !== undefined && w !== '').join(' ');
    const start = m.index + m[0].search(/\S/);
    const end = m.index + m[0].length;
    found.push({
      key: name !== '' ? foldName(name) : year!, label, name, tier: BROAD_SET.has(noun) ? 'broad' : 'specific',
      quote: text.slice(start, end), start: start + offset, end: end + offset, comparison: isComparison(text, m.index),
    });
  }
  for (const m of text.matchAll(NAME_AFTER)) {
    const words = nameWords(m[3]!);
    if (words.length === 0 || STOP.has(m[3]!.split(/\s+/)[0]!.toLowerCase())) continue;
    const name = words.join(' ');
    const noun = m[1]!.toLowerCase();
    const end = m.index + m[1]!.length + 1 + m[2]!.length + 1 + m[3]!.length;
    if (found.some((f) => f.start - offset < end && m.index < f.end - offset)) continue;
    found.push({
      key: foldName(name), label: `${noun} ${m[2]} ${name}`, name, tier: BROAD_SET.has(noun) ? 'broad' : 'specific',
      quote: text.slice(m.index, end), start: m.index + offset, end: end + offset, comparison: isComparison(text, m.index),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Distinct events in order of first mention, each with its first label (`tier`: only those). */
export function distinctEvents(mentions: Iterable<EventMention>, options: { comparisons?: boolean; tier?: EventName['tier'] } = {}): EventName[] {
  const seen = new Map<string, EventName>();
  for (const m of mentions) {
    if ((m.comparison && options.comparisons !== true) || (options.tier !== undefined && m.tier !== options.tier)) continue;
    if (!seen.has(m.key)) seen.set(m.key, { key: m.key, label: m.label, tier: m.tier });
  }
  return [...seen.values()];
}
