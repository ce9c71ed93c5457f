/** A document as the reader shows it: text, every extraction with its reviews, shared passages, names. */
import { countKey, dateKey, reviewState } from '../../storage/review-items.js';
import type { Review, Store, StoredDocument } from '../../storage/store.js';
import type { Count, DateMention } from '../../domain/types.js';
import type { CitationItem, CountItem, DateItem, DocumentDetail, DocumentLabels, EntityMention, QuoteItem, SharedSpan } from '../api-types.js';
import type { Extras } from '../../pipeline/2-extract/extras.js';
import { extractExtras } from '../../pipeline/2-extract/extras.js';
import type { SourcePair } from '../../pipeline/3-reconcile/types.js';
import { countRefKey } from '../records.js';
import type { RecordSource } from '../records.js';
import { publicPath } from './paths.js';
import { fetchOf } from '../../pipeline/run/ingest-bytes.js';
import { applyMetaEdit, metaEdits } from '../curation.js';
import { entitiesOf } from '../../pipeline/run/derive.js';

/** Every review of a document, oldest first. */
async function allReviews(store: Store, documentId: string): Promise<Review[]> {
  const out: Review[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listReviews({ documentId, limit: 1000, offset });
    out.push(...page.items);
    if (offset + 1000 >= page.total) return out;
  }
}

/** Reviews grouped by item key, oldest first. */
function byKey(reviews: readonly Review[]): Map<string, Review[]> {
  const m = new Map<string, Review[]>();
  for (const r of reviews) {
    const list = m.get(r.key);
    if (list) list.push(r);
    else m.set(r.key, [r]);
  }
  return m;
}

/** An item with its reviews, status and the value reconciliation uses. */
function item<T extends Count | DateMention>(extracted: T, index: number, key: string, reviews: Review[]) {
  const state = reviewState(extracted, reviews[reviews.length - 1] ?? null);
  return { index, key, extracted, status: state.status, value: state.value as T | null, reviews };
}

/** Passages the document shares with others, seen from its side. */
function shared(id: string, pairs: readonly SourcePair[]): SharedSpan[] {
  const out: SharedSpan[] = [];
  for (const p of pairs) {
    for (const s of p.passages) {
      const [mine, theirs] = p.a === id ? [s.a, s.b] : [s.b, s.a];
      out.push({ other: theirs.doc, span: mine.span, otherSpan: theirs.span, words: s.words });
    }
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}

/** Escapes a name for use inside a regular expression. */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the reconciled entities' names occur in the text, longest name first at each place. */
export function entityMentions(text: string, canonicalOf: ReadonlyMap<string, string>): EntityMention[] {
  if (!canonicalOf.size) return [];
  const names = [...canonicalOf.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({
    canonical: canonicalOf.get(m[0])!, name: m[0], span: { start: m.index, end: m.index + m[0].length },
  }));
}

/**
 * For a span, the indices (ascending) of the counts whose sentence overlaps it. Counts sorted by
 * sentence start, with the running maximum of their ends, so each lookup is a binary search and
 * a walk over the overlapping ones only: one marker against every count was quadratic, 477 ms of
 * a 300,000-character report's page and hours for a 20-million-character one.
 */
export function sentenceIndex(counts: readonly Count[]): (span: { start: number; end: number }) => number[] {
  const order = counts.map((_, i) => i).sort((a, b) => counts[a]!.sentence.start - counts[b]!.sentence.start);
  const starts = order.map((i) => counts[i]!.sentence.start);
  const maxEnd: number[] = [];
  for (let k = 0; k < order.length; k++) maxEnd.push(Math.max(maxEnd[k - 1] ?? -Infinity, counts[order[k]!]!.sentence.end));
  return ({ start, end }) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo - 1; k >= 0 && maxEnd[k]! > start; k--) if (counts[order[k]!]!.sentence.end > start) out.push(order[k]!);
    return out.sort((a, b) => a - b);
  };
}

/** Quotes and footnotes of a text, as stored at ingest (or, for a report stored without them, extracted now). */
function quotesAndCitations(x: Pick<Extras, 'quotes' | 'citations'>, counts: readonly Count[]): { quotes: QuoteItem[]; citations: CitationItem[] } {
  const quotes = x.quotes.map((q) => ({ span: q.span, speaker: q.speaker ? { text: q.speaker.text, span: q.speaker.span ?? null } : null }));
  const inSentence = sentenceIndex(counts);
  const citations = x.citations.markers.map((m) => {
    const entry = m.entry === null ? null : x.citations.entries[m.entry] ?? null;
    return { label: m.label, span: m.span, entry: entry ? { text: entry.text, span: entry.span } : null, counts: inSentence(m.sentence) };
  });
  return { quotes, citations };
}

/** The whole reader view of one stored document. */
export async function documentDetail(store: Store, doc: StoredDocument, records: RecordSource): Promise<DocumentDetail> {
  const extraction = (await store.getExtraction(doc.id)) ?? { counts: [], dates: [] };
  const parts = (await store.getParts([doc.id], ['entities', 'quotes', 'citations'])).get(doc.id) as (Pick<Extras, 'quotes' | 'citations'> & { entities: unknown }) | undefined;
  const extras: Extras = parts?.quotes && parts.citations && parts.entities ? { ...parts, entities: entitiesOf(parts.entities) } : extractExtras(doc.text);
  const [figureOf, groupId, pairs] = await Promise.all([records.figuresOfDocument(doc.id), records.groupOf(doc.id), records.pairsOf(doc.id)]);
  // Spellings the record joined, of the names this report was found to mention.
  const canonicalOf = await records.canonicalOf([...new Set(extras.entities.map((e) => e.text).filter((n) => n.length > 1))]);
  const [reviews, fetched, edits] = await Promise.all([allReviews(store, doc.id), fetchOf(store, doc.id), metaEdits(store, [doc.id])]);
  const edit = edits.get(doc.id) ?? null;
  const keyed = byKey(reviews);
  const used = new Set<string>();
  const take = (key: string) => {
    used.add(key);
    return keyed.get(key) ?? [];
  };
  const counts: CountItem[] = extraction.counts.map((c, i) => {
    const it = item(c, i, countKey(c), take(countKey(c)));
    return { ...it, figureId: it.value ? figureOf.get(countRefKey(doc.id, it.value)) ?? null : null };
  });
  const dates: DateItem[] = extraction.dates.map((d, i) => item(d, i, dateKey(d), take(dateKey(d))));
  const group = groupId === null ? null : (await records.group(groupId)) ?? [doc.id];
  const sharing = shared(doc.id, pairs);
  const documents: DocumentLabels = await records.labels([...(group ?? []), ...sharing.map((s) => s.other)]);
  const { pageStarts, ...info } = doc;
  return {
    document: {
      id: info.id, sha256: info.sha256, name: info.name, path: publicPath(info.path), format: info.format, meta: applyMetaEdit(info.meta, edit),
      byteLength: info.byteLength, ingestedAt: info.ingestedAt, version: info.version, superseded: info.superseded,
      text: info.text, pageStarts: pageStarts ?? null,
    },
    counts, dates,
    orphanReviews: reviews.filter((r) => !used.has(r.key)),
    sourceGroup: group && groupId !== null ? { id: groupId, documents: group } : null,
    shared: sharing,
    entities: entityMentions(doc.text, canonicalOf),
    ...quotesAndCitations(extras, extraction.counts),
    documents,
    fetched: fetched && { url: fetched.url, finalUrl: fetched.finalUrl, fetchedAt: fetched.fetchedAt },
    extractedMeta: edit ? info.meta : null,
    metaEdit: edit && { by: edit.by, at: edit.at, reason: edit.reason },
  };
}
