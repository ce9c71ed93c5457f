/** Fills the metadata a report does not state from what its text says, marking each such field `inferred`. */
import type { DocumentMeta } from '../../../domain/types.js';
import { inferAuthor, inferTitle } from './infer-title.js';
import { inferPublished } from './infer-published.js';

/** "BAKU, Feb. 26 (Reuters) -", "BAKU (AA) –": the agency a wire story names in its dateline. */
const DATELINE_AGENCY = /^[ \t]*\p{Lu}[\p{Lu} .'’-]*(?:,[^\n(]{0,40})?\(([\p{L}][\p{L}\d .&'’-]{0,38}[\p{L}])\)\s*[-–—]\s/mu;

/** The news agency a dateline at the start of the text credits, or undefined. */
export function inferPublisher(text: string): string | undefined {
  return DATELINE_AGENCY.exec(text.slice(0, 600))?.[1];
}

/** The fields inference may fill, in the order they are listed in `inferred`. */
const RULES: { field: 'title' | 'author' | 'published' | 'publisher'; infer: (text: string, now: Date) => string | undefined }[] = [
  { field: 'title', infer: inferTitle },
  { field: 'author', infer: inferAuthor },
  { field: 'publisher', infer: inferPublisher },
  { field: 'published', infer: (text, now) => inferPublished(text, now)?.value },
];

/**
 * Returns `meta` with its missing title, author, publisher and published date inferred from
 * `text` where the text states them; inferred fields are listed in `inferred`. Stated fields
 * are never replaced, and nothing is filled when the text does not say it.
 */
export function withInferredMeta(meta: DocumentMeta, text: string, now: Date = new Date()): DocumentMeta {
  const out: DocumentMeta = { ...meta };
  const inferred = new Set(meta.inferred ?? []);
  for (const rule of RULES) {
    if (out[rule.field] !== undefined) continue;
    const value = rule.infer(text, now);
    if (value === undefined) continue;
    out[rule.field] = value;
    inferred.add(rule.field);
  }
  if (inferred.size) out.inferred = [...inferred];
  return out;
}
