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
  'the interior ministry', 'the defence ministry', 'a parliamentary commission', 'the ombudsman', 'an aid worker', 'the district police', 'a witness', 'a survivor', 'the provincial council', 'a priest', 'an imam', 'a journalist', 'a surgeon',
  'a local council member', 'the regional prosecutor', 'rescue workers', 'a relief agency', 'the mayor', 'an army spokesman', 'a rights group', 'medical sources', 'the coroner'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Interchangeable words, so that independent reports do not share long runs of text by chance
// (with `n`, `date`, `person` and the places, the choices `bench/repeats.ts` counts on).
const W = {
  attack: ['tank fire', 'cluster bombing', 'grenade attack', 'sniper attack', 'shelling', 'bombardment', 'air strike', 'rocket attack', 'assault', 'raid', 'mortar fire', 'drone strike', 'ambush', 'artillery barrage', 'missile strike', 'attack'],
  killed: ['killed', 'left dead', 'claimed the lives of'],
  said: ['said', 'reported', 'told reporters', 'stated', 'said on Tuesday', 'confirmed', 'told local radio', 'said in a statement'],
  said2: ['said', 'reported', 'stated', 'confirmed', 'told reporters', 'added', 'wrote', 'announced'],
  fled: ['fled', 'were displaced from', 'left', 'escaped'],
  town: ['town', 'village', 'district', 'city', 'settlement', 'suburb', 'valley', 'hamlet'],
  aid: ['Ambulances', 'Fuel trucks', 'Blanket deliveries', 'Mobile clinics', 'Aid convoys', 'Relief trucks', 'Medical teams', 'Rescue crews', 'Volunteers', 'Engineers', 'Food shipments', 'Water tankers'],
  reach: ['drove into', 'made it to', 'flew into', 'got to', 'reached', 'arrived in', 'returned to', 'entered', 'fled to', 'came to', 'walked to', 'crossed into'],
  delay: ['a flooded road', 'fuel shortages', 'a closed border crossing', 'looting', 'a two-hour delay', 'days of waiting', 'a long detour', 'a night of shelling', 'negotiations', 'heavy rain', 'a blocked bridge', 'checkpoint searches',
    'snowfall', 'a burning fuel depot', 'mined roads', 'sniper fire'],
  meet: ['phoned', 'hosted', 'questioned', 'urged', 'met', 'spoke with', 'consulted', 'wrote to', 'briefed', 'called', 'visited', 'thanked'],
  topic: ['sewage', 'grain stores', 'orphanages', 'ambulances', 'fuel', 'telephone lines', 'markets', 'cemeteries', 'reconstruction', 'schools', 'clinics', 'water supplies', 'roads', 'shelters', 'compensation', 'power lines', 'burials', 'missing relatives', 'rubble clearance',
    'bakeries', 'bridges', 'heating', 'wells', 'pensions'],
  when: ['at daybreak', 'overnight', 'at noon', 'toward evening', 'before dawn', 'at midday', 'late at night', 'during the evening', 'shortly after noon', 'at first light', 'in the afternoon', 'after sunset',
    'around midnight', 'early that morning', 'at dusk', 'by nightfall'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  people: ['people', 'civilians', 'residents', 'villagers'],
  hurt: ['injured', 'wounded', 'hurt'],
  describe: ['described', 'recalled', 'spoke of', 'remembered'],
  many: ['Hundreds', 'Dozens', 'Thousands', 'Scores'],
  families: ['families', 'households', 'refugees', 'evacuees'],
  ruined: ['destroyed', 'damaged', 'in ruins', 'flooded', 'burned', 'looted', 'cut off', 'shut'],
  missing: ['remain missing', 'are still missing', 'are unaccounted for', 'have not been found', 'are missing'],
  unofficial: ['Unofficial data', 'Unofficial figures', 'Unofficial counts', 'Unofficial estimates'],
  sites: ['Schools', 'Clinics', 'Markets', 'Mosques', 'Bakeries', 'Libraries', 'Shops', 'Banks'],
  hedge: ['at least', 'more than', 'some', 'about', 'nearly', 'up to', 'over', 'around'],
  side: ['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest'],
  job: ['a teacher', 'a shopkeeper', 'a nurse', 'a farmer', 'a driver', 'an engineer', 'a student', 'a baker'],
  site: ['clinic', 'library', 'police station', 'railway station', 'hospital', 'mosque', 'school', 'market', 'town hall', 'bus station', 'stadium', 'bakery'],
};
// People named in reports: residents quoted by name.
const GIVEN = ['Amal', 'Ruslan', 'Leyla', 'Tural', 'Nigar', 'Samir', 'Gulnar', 'Elchin', 'Sevda', 'Rashad', 'Aygun', 'Farid', 'Lala', 'Vusal', 'Nargiz', 'Orkhan'];
const FAMILY = ['Aliyeva', 'Mammadov', 'Hasanova', 'Guliyev', 'Huseynova', 'Ismayilov', 'Karimova', 'Rzayev', 'Abbasova', 'Safarov', 'Jafarova', 'Nabiyev', 'Ahmadova', 'Valiyev', 'Babayeva', 'Musayev'];

interface Pick { n: (max: number) => string; place: () => string; source: () => string; date: () => string; w: (k: keyof typeof W) => string; year: () => number; month: () => string; person: () => string; other: () => string }
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

// Pairing joins two reports that share a run of twelve words, as a reprint and its wire story do.
// So every such run of these sentences holds a place's name (only reports on one place can share
// it) or ~24 bits of choice (numbers, a date), and the words between one place and the next hold
// ~13 bits; a sentence ends soon after its last place and the next names one early. Then
// independent reports seldom repeat twelve words even on a main site (~4,000 reports at 1M):
// `bench/repeats.ts` counts 51 such pairs at 10k and 924 at 100k (0.009 a report, against one
// copy in ~11 reports). The v6 sentences had 7 bits in "Hundreds of families reached Meshougo in
// the last days of": 176,661 pairs at 100k, 88% of the pairs reconciliation stored, and growing
// with the archive.
const PATTERNS: ((p: Pick) => string)[] = [
  (p) => `On ${p.date()}, ${p.w('attack')} ${p.w('killed')} ${p.n(500)} ${p.w('people')} in ${p.place()}, including ${p.n(60)} women and ${p.n(40)} children, ${p.source()} in ${p.place()} ${p.w('said')}.`,
  (p) => `In ${p.place()}, ${p.w('hedge')} ${p.n(900)} ${p.w('people')} were ${p.w('hurt')} ${p.w('when')}; ${p.n(300)} in ${p.place()} ${p.w('missing')}.`,
  (p) => `${cap(p.w('hedge'))} ${p.n(20_000)} ${p.w('people')} ${p.w('fled')} the ${p.w('town')} of ${p.place()} after ${p.month()} ${p.year()}.`,
  (p) => `The ${p.w('attack')} on ${p.place()} ${p.w('when')} left ${p.n(90)} dead in ${p.place()}, per ${p.source()}.`,
  (p) => `In ${p.place()}, "we counted ${p.n(200)} bodies on ${p.date()}," ${p.source()} ${p.w('said2')}.`,
  (p) => `${p.w('many')} of ${p.w('families')} from ${p.other()} ${p.w('reach')} ${p.place()} in the last days of ${p.year()}, ${p.person()} of ${p.place()} ${p.w('said')}.`,
  (p) => `Fighters near ${p.place()} captured ${p.n(1500)} ${p.w('people')}, ${p.source()} in ${p.place()} ${p.w('said2')}; ${p.n(100)} are unaccounted for.`,
  (p) => `The ${p.w('town')} of ${p.place()}, home to ${p.n(50_000)} people, was hit in the ${p.year()} ${p.w('attack')}.`,
  (p) => `${p.w('aid')} ${p.w('reach')} ${p.place()} after ${p.w('delay')}.`,
  (p) => `Officials in ${p.place()} ${p.w('meet')} ${p.source()} about ${p.w('topic')} in ${p.place()} on ${p.w('day')} and ${p.w('topic')}.`,
  (p) => `${p.w('unofficial')} from ${p.place()} put the toll at ${p.n(2000)}; ${p.source()} in ${p.place()} ${p.w('said')} ${p.n(800)} died.`,
];

// Sentences without figures, as most of a real report is: background, reaction, description.
const FILLER: ((p: Pick) => string)[] = [
  (p) => `${p.person()} of ${p.place()} ${p.w('describe')} ${p.w('delay')} on ${p.w('day')}; ${p.w('topic')} in ${p.place()} were ${p.w('ruined')}.`,
  (p) => `The ${p.w('town')} of ${p.place()} was calm before ${p.w('day')}'s ${p.w('attack')}, ${p.person()} of ${p.place()} ${p.w('said')}.`,
  (p) => `${p.w('aid')} for ${p.place()} were held up at ${p.other()} by ${p.w('delay')}, ${p.person()} ${p.w('said')}.`,
  (p) => `Officials in ${p.place()} asked ${p.source()} on ${p.date()} to investigate the ${p.w('attack')}.`,
  (p) => `Families in ${p.place()} gathered outside the ${p.w('site')} on ${p.w('day')}.`,
  (p) => `${p.place()} lies ${p.n(90)} km ${p.w('side')} of ${p.other()}, on the road to ${p.other()}.`,
  (p) => `${p.w('sites')} in ${p.place()} stayed closed after ${p.w('day')}'s ${p.w('attack')}; ${p.w('topic')} in ${p.place()} were damaged, ${p.source()} ${p.w('said2')}.`,
  (p) => `${p.person()}, ${p.w('job')} in ${p.place()}, said the ${p.w('attack')} began on ${p.date()} ${p.w('when')}.`,
];

const isReprint = (seed: number) => seed > 20 && seed % 20 === 0;
const isPartialCopy = (seed: number) => seed > 25 && seed % 25 === 0;
/** Whether report `seed` copies an earlier one, whole (a reprint) or its opening. */
export const isCopy = (seed: number) => isReprint(seed) || isPartialCopy(seed);

/** Length of the synthetic reports: a paragraph (a wire flash, an update) or an article of several. */
export type ReportLength = 'short' | 'article';

/**
 * One synthetic report with a title line: `short` is one paragraph of 3–8 sentences (~630
 * bytes); `article` is 3–10 such paragraphs (~3.6 KB, the length of the development reports).
 * As wire stories are: every twentieth is another outlet's copy of an earlier report under its
 * own headline, and one in twenty-five takes an earlier report's opening and adds its own.
 */
export function syntheticReport(seed: number, length: ReportLength = 'short'): string {
  if (isReprint(seed)) {
    // A reprint: another outlet's headline over an earlier report's body.
    const body = syntheticReport(seed - 1 - (seed % 13), length).split('\n\n').slice(1).join('\n\n');
    return `Reprinted report ${seed}\n\n${body}`;
  }
  if (isPartialCopy(seed)) {
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
  const majorSite = () => placeName(Math.floor(r() * MAJORS));
  const inNews = () => placeAt(Math.max(0, window - Math.floor(r() * 3)) * NEW_PLACES + Math.floor(r() * NEW_PLACES));
  const anyKnown = () => placeAt(Math.floor(r() * known));
  const pick = r();
  const main = pick < 0.05 ? majorSite() : pick < 0.85 ? inNews() : anyKnown();
  // Another place in the news now, a main site, or any known so far.
  const other = () => (r() < 0.6 ? inNews() : r() < 0.3 ? majorSite() : anyKnown());
  const year = () => 1990 + Math.floor(r() * 35);
  const month = () => MONTHS[Math.floor(r() * 12)]!;
  const p: Pick = {
    n: (max) => (Math.floor(r() * max) + 2).toLocaleString('en-US'),
    place: () => (r() < 0.85 ? main : other()),
    other,
    source: () => SOURCES[Math.floor(r() * SOURCES.length)]!,
    date: () => `${1 + Math.floor(r() * 28)} ${month()} ${year()}`,
    w: (k) => W[k][Math.floor(r() * W[k].length)]!,
    year,
    month,
    person: () => `${GIVEN[Math.floor(r() * GIVEN.length)]!} ${FAMILY[Math.floor(r() * FAMILY.length)]!}`,
  };
  const paragraph = () => {
    const n = 3 + Math.floor(r() * 6);
    // About half the sentences carry figures or dates, as in the development reports.
    return Array.from({ length: n }, () => (r() < 0.5 ? PATTERNS[Math.floor(r() * PATTERNS.length)]! : FILLER[Math.floor(r() * FILLER.length)]!)(p)).join(' ');
  };
  const paragraphs = length === 'short' ? 1 : 3 + Math.floor(r() * 8);
  const body = Array.from({ length: paragraphs }, paragraph).join('\n\n');
  return `Report ${seed}: events in ${p.place()}\n\n${body}\n`;
}

/** Writes reports 0..n-1 into `dir` (reusing a complete earlier run); returns the folder. */
export function writeCorpus(dir: string, n: number, length: ReportLength = 'short'): string {
  const done = join(dir, '..', `.v7-${length}-${n}`);
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
