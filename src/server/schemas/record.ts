/** Schemas of the timeline, entities, sources, search and stats. */
import { arr, bool, int, nullable, num, obj, oneOf, str } from './build.js';
import { countRef, dateMention, labels, span } from './common.js';
import { sourceGroup } from './documents.js';

/** Timeline. */
export const timeline = obj({
  builtAt: str(),
  entries: arr(obj({
    value: str(), start: nullable(str()), end: nullable(str()), sentenceText: str(),
    statements: arr(obj({ doc: str(), date: dateMention, sentence: span, sentenceText: str() })),
    reports: arr(str()), counts: arr(countRef), entities: arr(str()),
  })),
  total: int(), limit: int(), offset: int(),
  range: nullable(obj({ start: str(), end: str() })),
  publications: arr(obj({ doc: str(), value: str(), start: nullable(str()), end: nullable(str()), mentions: arr(dateMention) })),
  publicationCount: int(),
  documents: labels,
});

/** EntityCluster. */
export const entityCluster = obj({
  canonical: str(), aliases: arr(str()), names: arr(obj({ name: str(), count: int() })),
  links: arr(obj({ a: str(), b: str(), why: oneOf(['same folded spelling', 'edit distance', 'exonym', 'merged by a curator']), distance: num() }, ['distance'])),
});
/** EntityDecisionView. */
export const entityDecision = obj({
  decision: oneOf(['merge', 'split']), name: str(), into: str(), from: str(), by: str(), at: str(), reason: str(),
}, ['into', 'from']);
/** EntityList. */
export const entityList = obj({ builtAt: str(), items: arr(entityCluster), decisions: arr(entityDecision) });

const side = obj({ doc: str(), span, text: str() });
/** SourcePairView. */
export const sourcePair = obj({
  a: str(), b: str(), containmentA: num(), containmentB: num(), passages: arr(obj({ words: int(), a: side, b: side })),
});
/** SourcesView. */
export const sourcesView = obj({
  builtAt: str(), groups: arr(sourceGroup), pairs: obj({ total: int(), items: arr(sourcePair) }), possible: arr(sourcePair),
  decisions: arr(obj({ a: str(), b: str(), decision: oneOf(['same', 'independent']), by: str(), at: str(), reason: str() })), documents: labels,
});

/** SearchResponse. */
export const searchResponse = obj({
  query: str(), capped: bool(),
  items: arr(obj({ documentId: str(), name: str(), title: nullable(str()), score: num(), snippet: arr(obj({ text: str(), match: bool() })) })),
});

/** StatsView. */
export const statsView = obj({
  documents: int(), paths: int(), counts: int(), dates: int(), bytes: int(), schemaVersion: int(), reviews: int(), builtAt: nullable(str()),
});
