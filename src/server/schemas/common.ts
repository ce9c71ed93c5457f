/** Schemas of the values many responses share: spans, counts, dates, labels, errors. */
import { arr, bool, int, mapOf, nullable, num, obj, oneOf, str } from './build.js';
import type { Schema } from './build.js';

/** The measures a count may have. */
export const MEASURES = ['killed', 'injured', 'captured', 'missing', 'displaced', 'returned', 'orphaned', 'casualties', 'population', 'other'] as const;

/** Span. */
export const span = obj({ start: int({ minimum: 0 }), end: int({ minimum: 0 }) });
/** Attribution. */
export const attribution = obj({ text: str(), source: str(), span, kind: oneOf(['official', 'unofficial']) }, ['span', 'kind']);
/** Count. */
export const count = obj({
  measure: oneOf(MEASURES), group: str(), unit: oneOf(['people', 'families']), subject: str(),
  min: nullable(num()), max: nullable(num()), approximate: bool(), attribution: nullable(attribution),
  span, quote: str(), sentence: span, partOf: int(),
}, ['partOf']);
/** DateMention. */
export const dateMention = obj({ value: str(), span, quote: str(), relative: bool() }, ['relative']);
/** DocumentMeta. */
export const meta = obj({
  title: str(), publisher: str(), author: str(), published: str(), url: str(), language: str(), inferred: arr(str()),
}, ['title', 'publisher', 'author', 'published', 'url', 'language', 'inferred']);
/** DocumentFormat. */
export const format = oneOf(['txt', 'md', 'html', 'pdf']);
/** DocumentLabel. */
export const label = obj({ id: str(), name: str(), title: nullable(str()), publisher: nullable(str()), published: nullable(str()) });
/** DocumentLabels. */
export const labels = mapOf(label);
/** CountRef. */
export const countRef = obj({ doc: str(), index: int(), count });
/** DocSpan. */
export const docSpan = obj({ doc: str(), span });

/** ApiError. */
export const error = obj({
  code: oneOf(['E_BAD_INPUT', 'E_BAD_QUERY', 'E_NOT_FOUND', 'E_UNAUTHORIZED', 'E_READ_ONLY', 'E_CONFLICT', 'E_TOO_LARGE', 'E_INTERNAL']),
  message: str(),
});

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed input', 401: 'A valid bearer token is needed', 403: 'The server is read-only (serve --read-only)', 404: 'No such item', 409: 'Conflicts with the stored state',
  413: 'The body is larger than the limit', 415: 'The body is not JSON', 500: 'Internal error',
};

/** Error responses for the given statuses (500 always), for a route's `response`. */
export function errors(...statuses: number[]): Record<number, Schema> {
  return Object.fromEntries([...statuses, 500].map((s) => [s, { ...error, description: ERROR_TEXT[s] ?? 'Error' }]));
}

/** A response that is not JSON: `type` is its media type. */
export function content(type: string, description: string, schema: Schema = str()): Schema {
  return { description, content: { [type]: { schema } } };
}

/** A date prefix in a filter: a year, a month or a day. */
export const dayPrefix = str({ pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });

/** Who states a value, as the listings' `kind` filter names it. */
export const ATTRIBUTION_CLASSES = ['official', 'unofficial', 'named', 'unattributed'] as const;

/** Paging parameters of listings. */
export const paging = { limit: int({ minimum: 1, maximum: 1000 }), offset: int({ minimum: 0 }) };

/** An `:id` path parameter. */
export const idParams = obj({ id: str({ minLength: 1, maxLength: 200 }) });

/** Review status values. */
export const reviewStatus = oneOf(['extracted', 'confirmed', 'rejected', 'corrected']);
