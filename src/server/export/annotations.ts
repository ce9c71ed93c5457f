/** Every extraction as a W3C Web Annotation (JSON-LD), anchored by quote and by position. */
import type { Count, DateMention, Span } from '../../domain/types.js';
import { countKey, dateKey, reviewState } from '../../storage/review-items.js';
import type { Review, Store } from '../../storage/store.js';
import { formatRange } from '../api/format.js';

/** Characters of context kept on each side of a quote. */
const CONTEXT = 32;

/** Media type of the export. */
export const ANNOTATION_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

const CONTEXT_DOC = [
  'http://www.w3.org/ns/anno.jsonld',
  { '@version': 1.1, crosscheck: 'urn:crosscheck:vocab#', extracted: { '@id': 'crosscheck:extracted', '@type': '@json' }, reviewed: { '@id': 'crosscheck:reviewed', '@type': '@json' } },
];

/** Maps UTF-16 offsets (our spans) to Unicode code point offsets (what TextPositionSelector counts). */
export function codePointMapper(text: string): (i: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const high = (text.charCodeAt(i) & 0xfc00) === 0xd800;
    // A high surrogate and the low one after it are one code point.
    if (high && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) map[++i] = cp;
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[Math.max(0, Math.min(text.length, i))]!;
}

/** Moves an offset off the middle of a surrogate pair, so prefix and suffix stay well-formed. */
function whole(text: string, i: number, dir: -1 | 1): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + (dir === 1 ? 1 : -1) : i;
}

/** The target of an annotation on `span` of a document's text. */
function target(sha256: string, text: string, span: Span, cp: (i: number) => number) {
  const from = Math.max(0, whole(text, span.start - CONTEXT, 1));
  const to = Math.min(text.length, whole(text, span.end + CONTEXT, -1));
  return {
    source: `urn:sha256:${sha256}`,
    selector: [
      { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end), prefix: text.slice(from, span.start), suffix: text.slice(span.end, to) },
      { type: 'TextPositionSelector', start: cp(span.start), end: cp(span.end) },
    ],
  };
}

/** "at least 42 killed (all, people), according to the regional council". */
export function describeCount(c: Count): string {
  return `${formatRange(c)} ${c.measure} (${c.group}, ${c.unit})${c.attribution ? `, according to ${c.attribution.source}` : ''}`;
}

/** One annotation. */
function annotation(docId: string, key: string, sha256: string, text: string, item: Count | DateMention, tag: string, description: string, review: Review | undefined, cp: (i: number) => number) {
  return {
    id: `urn:crosscheck:annotation:${docId}:${key}`,
    type: 'Annotation',
    motivation: 'describing',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: tag },
      { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: description },
    ],
    target: target(sha256, text, item.span, cp),
    extracted: item,
    ...(review ? { reviewed: reviewState(item, review) } : {}),
  };
}

/**
 * Every current extraction as one AnnotationCollection, written a report at a time: its total
 * comes from the reports' listing, so no annotation is held past its report.
 */
export async function* annotationsJsonLd(store: Store, builtAt: string): AsyncGenerator<string> {
  const shas = new Map<string, string>();
  let total = 0;
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ limit: 1000, offset, currentOnly: true });
    for (const d of page.items) { shas.set(d.id, d.sha256); total += d.counts + d.dates; }
    if (offset + 1000 >= page.total) break;
  }
  const reviews = new Map((await store.currentReviews()).map((r) => [`${r.documentId}\n${r.key}`, r]));
  const head = JSON.stringify({
    '@context': CONTEXT_DOC, id: `urn:crosscheck:annotations:${builtAt}`, type: 'AnnotationCollection',
    label: 'crosscheck: every extracted count and date', total, first: { type: 'AnnotationPage', startIndex: 0, items: [] },
  });
  // Everything up to the items' opening bracket, then the items, then what closes them.
  yield head.slice(0, -3);
  let first = true;
  for await (const x of store.allExtractions()) {
    const sha = shas.get(x.id);
    if (sha === undefined) continue;
    const cp = codePointMapper(x.text);
    const items: unknown[] = [];
    for (const c of x.extraction.counts) {
      const key = countKey(c);
      items.push(annotation(x.id, key, sha, x.text, c, `count:${c.measure}`, describeCount(c), reviews.get(`${x.id}\n${key}`), cp));
    }
    for (const d of x.extraction.dates) {
      const key = dateKey(d);
      items.push(annotation(x.id, key, sha, x.text, d, 'date', `date ${d.value}${d.relative ? ' (resolved against the report date)' : ''}`, reviews.get(`${x.id}\n${key}`), cp));
    }
    if (!items.length) continue;
    yield `${first ? '' : ','}${items.map((i) => JSON.stringify(i)).join(',')}`;
    first = false;
  }
  yield head.slice(-3);
}
