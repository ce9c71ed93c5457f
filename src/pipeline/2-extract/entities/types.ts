/** What the entity extractor returns: each name as written, its kind and where it stands. */
import type { Span } from '../../../domain/types.js';

/** The three kinds of named thing the extractor tells apart. */
export type EntityKind = 'person' | 'organisation' | 'place';

/** One mention of a person, organisation or place; `text` is the report's `text.slice(span.start, span.end)`. */
export interface EntityMention {
  kind: EntityKind;
  text: string;
  span: Span;
  /** The sentence the mention stands in. */
  sentence: Span;
}
