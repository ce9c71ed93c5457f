/** Entities, quotes and citations of one text in one pass over its sentences: the extractor's extras. */
import { splitSentences } from '../../nlp/sentences.js';
import { bodyEnd } from './bodyEnd.js';
import { findCitations } from './citations/citations.js';
import type { CitationEntry, CitationMarker } from './citations/types.js';
import { findEntities } from './entities/entities.js';
import type { EntityMention } from './entities/types.js';
import { findQuotes } from './quotes/quotes.js';
import type { Quote } from './quotes/types.js';

// The types of the three results, so callers need only this module.
export type { EntityKind, EntityMention } from './entities/types.js';
export type { Quote, QuoteSpeaker } from './quotes/types.js';
export type { CitationEntry, CitationMarker, Citations } from './citations/types.js';

/** What `extractExtras` returns for one text. */
export interface Extras {
  entities: EntityMention[];
  quotes: Quote[];
  citations: { markers: CitationMarker[]; entries: CitationEntry[] };
}

/**
 * Extracts named people, organisations and places, direct quotes with their speakers, and footnote markers
 * linked to their notes. Pure and deterministic: the same text always gives the same result.
 */
export function extractExtras(text: string): Extras {
  const end = bodyEnd(text);
  // One sentence split serves all three: it is the costliest pass they share.
  const sentences = splitSentences(text, 0, end);
  const entities = findEntities(text, { sentences, end });
  // "she said" points to the person who opened a sentence before it, as well as to earlier speakers.
  const persons = entities.filter((e) => e.kind === 'person' && e.span.start === e.sentence.start);
  const quotes = findQuotes(text, { end, persons });
  const citations = findCitations(text, { sentences, end });
  return { entities, quotes, citations };
}
