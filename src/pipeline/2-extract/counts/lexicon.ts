/** Words that tell who is counted and what happened to them. Data only; the rules read it. */
import type { Measure } from '../../../domain/types.js';

/** Nouns that count people (plural and singular), mapped to the age/sex group they name. */
export const PEOPLE_NOUNS: ReadonlyMap<string, string> = new Map(Object.entries({
  people: 'all', persons: 'all', person: 'all', individuals: 'all', individual: 'all', civilians: 'all', civilian: 'all',
  residents: 'all', inhabitants: 'all', citizens: 'all', nationals: 'all', villagers: 'all', townspeople: 'all', locals: 'all',
  others: 'all', more: 'all', victims: 'all', survivors: 'all', souls: 'all', lives: 'all', bodies: 'all', corpses: 'all',
  soldiers: 'all', soldier: 'all', troops: 'all', servicemen: 'all', servicemembers: 'all', officers: 'all', policemen: 'all',
  militants: 'all', fighters: 'all', rebels: 'all', insurgents: 'all', combatants: 'all', militiamen: 'all', guards: 'all',
  prisoners: 'all', detainees: 'all', hostages: 'all', captives: 'all', pows: 'all', refugees: 'all', migrants: 'all',
  idps: 'all', evacuees: 'all', returnees: 'all', casualties: 'all', dead: 'all', deaths: 'all', fatalities: 'all',
  wounded: 'all', injured: 'all', missing: 'all', orphans: 'children', students: 'all', workers: 'all', employees: 'all',
  journalists: 'all', reporters: 'all', doctors: 'all', nurses: 'all', medics: 'all', volunteers: 'all', peacekeepers: 'all',
  protesters: 'all', demonstrators: 'all', worshippers: 'all', pilgrims: 'all', passengers: 'all', patients: 'all',
  miners: 'all', farmers: 'all', fishermen: 'all', relatives: 'all', members: 'all', brothers: 'all', sisters: 'all',
  sons: 'all', daughters: 'all', parents: 'all', siblings: 'all', adults: 'all', families: 'all', family: 'all', households: 'all',
  whom: 'all', them: 'all', those: 'all',
  women: 'women', woman: 'women', females: 'women', mothers: 'women', wives: 'women', widows: 'women',
  men: 'men', man: 'men', males: 'men', fathers: 'men', husbands: 'men',
  children: 'children', child: 'children', boys: 'children', girls: 'children', minors: 'children', infants: 'children',
  babies: 'children', kids: 'children', schoolgirls: 'children', schoolboys: 'children', toddlers: 'children', teenagers: 'children', schoolchildren: 'children', pupils: 'children',
  elderly: 'elderly', pensioners: 'elderly', seniors: 'elderly', 'old people': 'elderly',
}));

/** Modifiers that name an age/sex group inside a noun phrase ("elderly individuals", "pregnant women"). */
export const GROUP_MODIFIERS: ReadonlyMap<string, string> = new Map(Object.entries({
  elderly: 'elderly', old: 'elderly', aged: 'elderly', female: 'women', male: 'men', young: '', underage: 'children',
}));

/** Nouns after a number that show it does not count people ("18 countries", "33 years"). */
export const NON_PEOPLE = new Set([
  'countries', 'country', 'states', 'nations', 'organisations', 'organizations', 'groups', 'parties', 'regions', 'districts',
  'villages', 'towns', 'cities', 'settlements', 'provinces', 'houses', 'homes', 'buildings', 'schools', 'hospitals', 'km', 'kilometres',
  'kilometers', 'miles', 'metres', 'meters', 'hectares', 'tons', 'tonnes', 'kg', 'years', 'year', 'months', 'month', 'weeks',
  'week', 'days', 'day', 'hours', 'hour', 'minutes', 'seconds', 'decades', 'centuries', 'times', 'per', 'percent', '%',
  'resolutions', 'resolution', 'articles', 'pages', 'dollars', 'euros', 'manat', 'rubles', 'pounds', 'cases', 'incidents',
  'attacks', 'shells', 'rockets', 'missiles', 'tanks', 'vehicles', 'aircraft', 'points', 'votes', 'seats', 'items', 'documents',
  'shelters', 'centers', 'centres', 'camps', 'containers', 'towers', 'rivers', 'waters', 'quarters', 'headquarters', 'letters',
  'papers', 'clusters', 'trailers', 'helicopters', 'tankers', 'computers', 'acres', 'ha', 'structures', 'livestock', 'animals',
  'tents', 'tarpaulins', 'blankets', 'kits', 'rations', 'meals', 'litres', 'liters', 'beds', 'boats', 'trucks', 'cars', 'buses',
]);

/** A measure cue: words in order (lower case) and the measure they signal. */
export interface Cue {
  words: string[];
  measure: Measure;
}

function cues(measure: Measure, phrases: string[]): Cue[] {
  return phrases.map((p) => ({ words: p.split(' '), measure }));
}

/** Verbs and predicates after a counted phrase: "613 civilians were killed", "150 remain missing". */
export const POST_CUES: Cue[] = [
  ...cues('orphaned', ['lost one or both parents', 'lost one or both of their parents', 'lost both parents', 'lost one parent', 'lost a parent', 'lost their parents', 'lost both their parents', 'lost their parent', 'orphaned', 'left orphans']),
  ...cues('killed', ['lost their lives', 'lost his life', 'lost her life', 'killed', 'died', 'dead', 'perished', 'slain', 'slaughtered', 'massacred', 'murdered', 'executed', 'beheaded', 'wiped out', 'shot dead', 'drowned', 'succumbed', 'were buried', 'have been buried', 'had been buried', 'burned to death', 'burnt to death', 'froze to death', 'frozen to death', 'starved to death', 'crushed to death', 'fatally']),
  ...cues('injured', ['injured', 'wounded', 'hurt', 'injuries', 'wounds', 'in serious condition', 'in critical condition', 'in a serious condition', 'in a critical condition', 'in intensive care', 'remain in hospital', 'remained in hospital', 'treated for injuries', 'needed treatment', 'received treatment', 'taken to hospital', 'taken to hospitals', 'taken to the hospital', 'hospitalised', 'hospitalized', 'admitted to hospital']),
  ...cues('captured', ['taken hostage', 'taken prisoner', 'hostage', 'captive', 'taken captive', 'held hostage', 'held captive', 'captured', 'abducted', 'kidnapped', 'detained', 'arrested', 'imprisoned']),
  ...cues('missing', ['missing', 'unaccounted', 'disappeared']),
  ...cues('displaced', ['forced from', 'displaced', 'fled', 'expelled', 'sheltering', 'relocated', 'moved to', 'housed in', 'deported', 'evacuated', 'uprooted', 'homeless', 'driven out', 'forced out', 'forced to flee', 'forced to leave', 'left their homes', 'left their villages', 'left the country', 'left the region', 'left the area', 'left the valley', 'crossed the border', 'walked to the border', 'fled across', 'to relocate', 'to evacuate', 'to flee', 'out of their homes', 'from their homes', 'to leave their homes', 'left homeless', 'taken to evacuation', 'moved to evacuation', 'staying with host', 'living with host', 'hosted by', 'living in camps', 'staying in camps', 'living in tents', 'in evacuation centres', 'in evacuation centers', 'in evacuation shelters']),
  ...cues('returned', ['returned', 'return', 'resettled', 'repatriated', 'went back', 'moved back', 'come back', 'came back']),
];

/** Words right before a number: "killed 613", "the killings of hundreds", "home to 7,000". */
export const PRE_CUES: Cue[] = [
  ...cues('killed', ['remains of', 'bodies of', 'corpses of', 'death toll', 'toll', 'killed', 'kill', 'kills', 'killing', 'killings of', 'killing of', 'deaths of', 'death of', 'murder of', 'murdered', 'massacre of', 'massacred', 'slaughtered', 'executed', 'execution of', 'death toll of', 'death toll to', 'death toll at', 'toll of', 'toll to', 'toll at', 'claimed the lives of', 'lives of', 'lost']),
  ...cues('injured', ['injured', 'injures', 'injuring', 'wounded', 'wounding', 'hurt', 'injury to', 'injuries to', 'wounds to']),
  ...cues('captured', ['captured', 'capturing', 'abducted', 'abducting', 'kidnapped', 'detained', 'detaining', 'arrested', 'arresting', 'abduction of', 'capture of', 'took', 'taking']),
  // "still looking for between 40 and 50 people"
  ...cues('missing', ['looking for', 'searching for', 'search for', 'whereabouts of']),
  ...cues('displaced', ['displaced', 'displacing', 'displacement of', 'evacuated', 'evacuation of', 'evacuations of', 'evacuating', 'expelled', 'expulsion of', 'uprooted', 'forced out']),
  ...cues('returned', ['resettled', 'return of', 'resettlement of', 'repatriated', 'repatriation of']),
  ...cues('population', ['home to', 'population of', 'populated by', 'inhabited by', 'population']),
];

/** Nouns that tell the measure when they are the counted head ("300 casualties", "20 dead"). */
export const HEAD_MEASURES: ReadonlyMap<string, Measure> = new Map<string, Measure>(Object.entries({
  casualties: 'casualties', dead: 'killed', deaths: 'killed', fatalities: 'killed', bodies: 'killed', corpses: 'killed', lives: 'killed',
  wounded: 'injured', injured: 'injured', missing: 'missing', orphans: 'orphaned',
}) as [string, Measure][]);

/**
 * Nouns that name a state people are in ("73 detainees died": the verb tells more than the noun),
 * so they decide the measure only when no verb near the count does.
 */
export const STATUS_MEASURES: ReadonlyMap<string, Measure> = new Map<string, Measure>(Object.entries({
  hostages: 'captured', prisoners: 'captured', detainees: 'captured', captives: 'captured', pows: 'captured',
  refugees: 'displaced', idps: 'displaced', evacuees: 'displaced', returnees: 'returned',
}) as [string, Measure][]);

/** Adjectives inside the counted phrase that name the measure ("212 wounded patients", "2,310 displaced families"). */
export const MODIFIER_MEASURES: ReadonlyMap<string, Measure> = new Map<string, Measure>(Object.entries({
  wounded: 'injured', injured: 'injured', displaced: 'displaced', missing: 'missing', dead: 'killed', orphaned: 'orphaned',
  abducted: 'captured', detained: 'captured', kidnapped: 'captured', captured: 'captured', returning: 'returned', returned: 'returned',
}) as [string, Measure][]);

/** Nouns earlier in a clause that tell what a later number counts ("refugees ... constitute one million"). */
export const SUBJECT_CUES: Cue[] = [
  ...cues('killed', ['death toll', 'toll', 'human remains', 'remains', 'bodies', 'dead', 'deaths', 'fatalities']),
  ...cues('injured', ['wounded', 'injured', 'injuries']),
  ...cues('captured', ['hostages', 'prisoners', 'detainees', 'captives']),
  ...cues('missing', ['missing']),
  ...cues('displaced', ['refugees', 'displaced', 'idps', 'evacuees']),
  ...cues('orphaned', ['orphans']),
  ...cues('casualties', ['casualties']),
];

/** Words within a few tokens before a cue that negate it ("cannot return", "the right to return"). */
export const NEGATORS = new Set(['not', 'no', 'never', 'cannot', "can't", 'unable', 'without', 'nobody', 'right', 'deprived', 'denied', 'prevented', 'refused', 'hope', 'want', 'wish', 'plan', 'planned', 'expected']);

/** Words that end the stretch a cue may be looked for in. */
export const CLAUSE_BREAKS = new Set([';', ':', '.', '!', '?', 'while', 'whereas', 'but', 'although', 'though', 'however', 'whilst']);

/** Words that open a breakdown of the count before them ("613 killed, including 106 women"). */
export const BREAKDOWN_OPENERS = new Set(['including', 'include', 'includes', 'included', 'incl', 'among', '(', '—', '–', '-', ':']);

/** Tokens before a number that make it a reference, not a count ("No. 822", "resolution 853"). */
export const REFERENCE_WORDS = new Set(['no', 'nos', 'number', '#', 'resolution', 'resolutions', 'page', 'pages', 'p', 'pp', 'article', 'articles', 'chapter', 'section', 'paragraph', 'para', 'tel', 'fax', 'phone', '+', '$', '€', '£', 'usd', 'eur', 'azn', 'code', 'law', 'decree', 'item', 'table', 'figure', 'fig', 'vol', 'volume', 'issue', 'route', 'flight', 'unit', 'regiment', 'brigade', 'division', 'battalion', 'km', 'kilometre', 'mile', 'room', 'block', 'building', 'apartment', 'house', 'street', 'aged', 'age', 'ages']);
