/** The reconcile stage's public API: pure functions and incremental indexes over plain data. */
export type * from './types.js';
export { makeCountRefs, sentenceText } from './refs.js';

export { SourceIndex, DEFAULT_SOURCE_OPTIONS, resolveSourceOptions, type SourceIndexSnapshot, type SourceIndexData } from './sources/source-index.js';
export { SourceGroups, groupSources, judgePair, pairScore, DEFAULT_THRESHOLDS, resolveThresholds } from './sources/groups.js';
export {
  sourceLookup, sameSource, independentUnits, independentCount, passagesHolding, coreOf,
  type SourceLookup, type PassageView,
} from './sources/same-source.js';
export { normaliseWords, wordsOf, wordCore, type WordList } from './sources/words.js';

export {
  assignEvent, assignEvents, assignReport, assignContext, corpusEvents, findEventMentions, distinctEvents, UNASSIGNED,
  type EventContext, type EventAssignment, type AssignContext, type CorpusEvents, type EventMention, type EventName, type TalliedMention,
} from './figures/events.js';
export { buildFigures, buildFigure, figureKeyOf, figureKeyString, type FigureOptions } from './figures/figures.js';
export { compatible, intervalOf, rangeLabel, formatNumber, type Bounds, type Interval } from './figures/ranges.js';
export { dataKind, sentenceKind } from './figures/values.js';
export { signatureOf, pairsWith, MAX_CANDIDATES, type Signature } from './sources/signature.js';
export { verdictOf, type VerdictContext, type Published } from './figures/verdict.js';
export { valuePhrase, measurePhrase } from './figures/wording.js';

export { runChecks, subgroupExceedsTotal, subgroupsExceedTotal, jointVsParts, contradictions } from './checks/checks.js';

export { Timeline, buildTimeline, datedSentences, jaccard } from './timeline/timeline.js';
export { edtfRange, compareEdtf, compareRanges, type DayRange } from './timeline/edtf.js';

export { clusterNames, canonicalMap, foldName, type AliasOptions } from './entities/aliases.js';
export type { NameDecision } from './entities/decide.js';
export { damerauLevenshtein } from './entities/distance.js';
