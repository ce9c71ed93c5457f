/** Writes N synthetic reports built from varied sentence patterns: numbers, names, dates, attributions. */
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './sentences.js';

// Places, as an archive of many incidents has them: three syllables each, from enough sounds
// that two places seldom differ by a typo's two letters (the alias rules would join them).
const ONSETS = ['b', 'd', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'h', 'j', 'f'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ya', 'ai', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 'k', 's', 'm', 'sh', 'th'];
/** The i-th place of the archive (the same name for the same i, in every run). */
function placeName(i: number): string {
  const r = rng(7_000_003 + i * 7919);
  const pick = (list: readonly string[]) => list[Math.floor(r() * list.length)]!;
  const name = Array.from({ length: 3 }, () => pick(ONSETS) + pick(VOWELS) + pick(CODAS)).join('');
  return name[0]!.toUpperCase() + name.slice(1);
}
// As a monitoring archive grows, so do its incidents: every 1,000 reports bring 25 new places
// into the news, reported on for a while (three such stretches) and now and then again later;
// and a few places (the conflict's main sites) are reported on throughout.
const WINDOW = 1000;
const NEW_PLACES = 25;
const MAJORS = 12;
const placeAt = (i: number) => placeName(MAJORS + i);

const SOURCES = ['the health ministry', 'police', 'the Red Crescent', 'local officials', 'a monitoring group', 'the UN office', 'witnesses', 'the district governor', 'hospital staff', 'the civil defence',
  'the interior ministry', 'a local council member', 'the regional prosecutor', 'rescue workers', 'a relief agency', 'the mayor', 'an army spokesman', 'a rights group', 'medical sources', 'the coroner'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Interchangeable words, so that independent reports do not share long runs of text by chance.
const W = {
  attack: ['shelling', 'bombardment', 'air strike', 'rocket attack', 'assault', 'raid', 'mortar fire', 'drone strike', 'ambush', 'artillery barrage'],
  killed: ['killed', 'left dead', 'claimed the lives of'],
  said: ['said', 'reported', 'told reporters', 'stated', 'said on Tuesday', 'confirmed', 'told local radio', 'said in a statement'],
  fled: ['fled', 'were displaced from', 'left', 'escaped'],
  town: ['town', 'village', 'district', 'city', 'settlement', 'suburb', 'valley'],
  aid: ['Aid convoys', 'Relief trucks', 'Medical teams', 'Rescue crews', 'Volunteers', 'Engineers', 'Food shipments'],
  reach: ['reached', 'arrived in', 'were sent to', 'returned to', 'got through to'],
  delay: ['a two-hour delay', 'days of waiting', 'a long detour', 'a night of shelling', 'negotiations', 'heavy rain', 'a blocked bridge', 'checkpoint searches'],
  meet: ['met', 'spoke with', 'were briefed by', 'consulted', 'wrote to'],
  topic: ['reconstruction', 'schools', 'clinics', 'water supplies', 'roads', 'shelters', 'compensation', 'power lines', 'burials', 'missing relatives', 'rubble clearance'],
  when: ['before dawn', 'at midday', 'late at night', 'during the evening', 'shortly after noon', 'at first light'],
  people: ['people', 'civilians', 'residents', 'villagers'],
};

interface Pick { n: (max: number) => string; place: () => string; source: () => string; date: () => string; w: (k: keyof typeof W) => string; year: () => number }

const PATTERNS: ((p: Pick) => string)[] = [
  (p) => `On ${p.date()}, ${p.w('attack')} in ${p.place()} ${p.w('killed')} ${p.n(500)} ${p.w('people')}, including ${p.n(60)} women and ${p.n(40)} children, ${p.source()} ${p.w('said')}.`,
  (p) => `According to ${p.source()}, at least ${p.n(900)} people were injured in ${p.place()} and some ${p.n(300)} remain missing.`,
  (p) => `More than ${p.n(20_000)} residents ${p.w('fled')} the ${p.w('town')} of ${p.place()} after ${MONTHS[Math.floor(Number(p.n(11)))]} ${p.year()}.`,
  (p) => `The ${p.w('attack')} on ${p.place()} left ${p.n(90)} dead, per ${p.source()}.`,
  (p) => `"We counted ${p.n(200)} bodies in ${p.place()}," ${p.source()} ${p.w('said')} on ${p.date()}.`,
  (p) => `Hundreds of families ${p.w('reach')} ${p.place()} in the last days of ${p.year()}.`,
  (p) => `Fighters near ${p.place()} captured ${p.n(1500)} people, ${p.n(100)} of whom are still unaccounted for.`,
  (p) => `The ${p.w('town')} of ${p.place()}, home to ${p.n(50_000)} people, was hit in the ${p.year()} ${p.w('attack')}.`,
  (p) => `${p.w('aid')} ${p.w('reach')} ${p.place()} after ${p.w('delay')}.`,
  (p) => `Officials in ${p.place()} ${p.w('meet')} ${p.source()} about ${p.w('topic')} and ${p.w('topic')}.`,
  (p) => `Unofficial data put the toll in ${p.place()} at ${p.n(2000)}, while ${p.source()} ${p.w('said')} ${p.n(800)} died.`,
];

// Sentences without figures, as most of a real report is: background, reaction, description.
const FILLER: ((p: Pick) => string)[] = [
  (p) => `Residents of ${p.place()} described ${p.w('delay')} and ${p.w('topic')} left in ruins.`,
  (p) => `The ${p.w('town')} of ${p.place()} had been calm before the ${p.w('attack')}, ${p.source()} ${p.w('said')}.`,
  (p) => `${p.w('aid')} were still trying to reach ${p.place()} and ${p.place()}.`,
  (p) => `Officials in ${p.place()} called for an inquiry into the ${p.w('attack')} on ${p.place()}.`,
  (p) => `Families from ${p.place()} gathered outside the hospital in ${p.place()}.`,
  (p) => `${p.place()} lies on the road from ${p.place()} to ${p.place()}.`,
  (p) => `Schools in ${p.place()} stayed closed, and ${p.w('topic')} in ${p.place()} were damaged.`,
  (p) => `Witnesses in ${p.place()} said the ${p.w('attack')} began ${p.w('when')}.`,
];

/** Length of the synthetic reports: a paragraph (a wire flash, an update) or an article of several. */
export type ReportLength = 'short' | 'article';

/**
 * One synthetic report with a title line: `short` is one paragraph of 4–12 sentences (~600
 * bytes); `article` is 4–11 such paragraphs (~3.5 KB, the length of the development reports).
 * As wire stories are: every twentieth is another outlet's copy of an earlier report under its
 * own headline, and one in twenty-five takes an earlier report's opening and adds its own.
 */
export function syntheticReport(seed: number, length: ReportLength = 'short'): string {
  if (seed > 20 && seed % 20 === 0) {
    // A reprint: another outlet's headline over an earlier report's body.
    const body = syntheticReport(seed - 1 - (seed % 13), length).split('\n\n').slice(1).join('\n\n');
    return `Reprinted report ${seed}\n\n${body}`;
  }
  if (seed > 25 && seed % 25 === 0) {
    // A partial copy: the wire story's first sentences, then the outlet's own reporting.
    const wire = syntheticReport(seed - 3 - (seed % 11), 'short').split('\n\n')[1]!;
    const lead = wire.split(/(?<=\.) /).slice(0, 3).join(' ');
    const own = syntheticReport(seed + 1_000_003, length).split('\n\n').slice(1).join('\n\n');
    return `Report ${seed}, with wire copy\n\n${lead} ${own}`;
  }
  const r = rng(seed);
  // A report is about one place: one of the main sites, one in the news now, or an earlier one;
  // most of its sentences speak of it, some of other places in the news, a few of any known so far.
  const window = Math.floor(seed / WINDOW);
  const known = (window + 1) * NEW_PLACES;
  const pick = r();
  const main = pick < 0.05 ? placeName(Math.floor(r() * MAJORS))
    : pick < 0.85 ? placeAt(Math.max(0, window - Math.floor(r() * 3)) * NEW_PLACES + Math.floor(r() * NEW_PLACES))
      : placeAt(Math.floor(r() * known));
  const p: Pick = {
    n: (max) => (Math.floor(r() * max) + 2).toLocaleString('en-US'),
    place: () => (r() < 0.85 ? main : r() < 0.6 ? placeAt(Math.max(0, window - Math.floor(r() * 3)) * NEW_PLACES + Math.floor(r() * NEW_PLACES)) : r() < 0.3 ? placeName(Math.floor(r() * MAJORS)) : placeAt(Math.floor(r() * known))),
    source: () => SOURCES[Math.floor(r() * SOURCES.length)]!,
    date: () => `${1 + Math.floor(r() * 28)} ${MONTHS[Math.floor(r() * 12)]} ${1990 + Math.floor(r() * 35)}`,
    w: (k) => W[k][Math.floor(r() * W[k].length)]!,
    year: () => 1990 + Math.floor(r() * 35),
  };
  const paragraph = () => {
    const n = 4 + Math.floor(r() * 9);
    // About half the sentences carry figures or dates, as in the development reports.
    return Array.from({ length: n }, () => (r() < 0.5 ? PATTERNS[Math.floor(r() * PATTERNS.length)]! : FILLER[Math.floor(r() * FILLER.length)]!)(p)).join(' ');
  };
  const paragraphs = length === 'short' ? 1 : 4 + Math.floor(r() * 8);
  const body = Array.from({ length: paragraphs }, paragraph).join('\n\n');
  return `Report ${seed}: events in ${p.place()}\n\n${body}\n`;
}

/** Writes reports 0..n-1 into `dir` (reusing a complete earlier run); returns the folder. */
export function writeCorpus(dir: string, n: number, length: ReportLength = 'short'): string {
  const done = join(dir, '..', `.v6-${length}-${n}`);
  if (existsSync(dir) && readdirSync(dir).length === n && existsSync(done)) return dir;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `report-${String(i).padStart(6, '0')}.txt`), syntheticReport(i + 1, length));
  writeFileSync(done, '');
  return dir;
}

// `node --import tsx bench/corpus.ts --n 10000 [--length short|article] [--out DIR]` writes a corpus by itself.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => { const i = process.argv.indexOf(`--${k}`); return i >= 0 ? process.argv[i + 1] : undefined; };
  const n = Number(arg('n') ?? 10_000);
  const length: ReportLength = arg('length') === 'article' ? 'article' : 'short';
  const out = arg('out') ?? join(import.meta.dirname, 'out', length === 'short' ? `corpus-${n}` : `articles-${n}`);
  writeCorpus(out, n, length);
  console.log(`wrote ${n} reports to ${out}`);
}
