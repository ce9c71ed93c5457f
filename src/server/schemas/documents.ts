/** Schemas of the document routes. */
import { arr, bool, int, nullable, obj, str } from './build.js';
import { count, dateMention, format, labels, meta, reviewStatus, span } from './common.js';
import { review } from './reviews.js';

const base = {
  id: str(), sha256: str(), name: str(), path: str(), format, meta, byteLength: int(), ingestedAt: str(),
  version: int(), superseded: bool(),
};

/** DocumentSummary. */
export const documentSummary = obj({ ...base, counts: int(), dates: int() });
/** DocumentList. */
export const documentList = obj({ total: int(), limit: int(), offset: int(), items: arr(documentSummary) });
/** DocumentInfo. */
export const documentInfo = obj({ ...base, text: str(), pageStarts: nullable(arr(int())) });

const itemBase = { index: int(), key: str(), status: reviewStatus, reviews: arr(review) };
/** CountItem. */
export const countItem = obj({ ...itemBase, extracted: count, value: nullable(count), figureId: nullable(str()) });
/** DateItem. */
export const dateItem = obj({ ...itemBase, extracted: dateMention, value: nullable(dateMention) });
/** SourceGroup. */
export const sourceGroup = obj({ id: str(), documents: arr(str()) });

/** DocumentDetail. */
export const documentDetail = obj({
  document: documentInfo,
  counts: arr(countItem),
  dates: arr(dateItem),
  orphanReviews: arr(review),
  sourceGroup: nullable(sourceGroup),
  shared: arr(obj({ other: str(), span, otherSpan: span, words: int() })),
  entities: arr(obj({ canonical: str(), name: str(), span })),
  quotes: arr(obj({ span, speaker: nullable(obj({ text: str(), span: nullable(span) })) })),
  citations: arr(obj({ label: str(), span, entry: nullable(obj({ text: str(), span })), counts: arr(int()) })),
  documents: labels,
  fetched: nullable(obj({ url: str(), finalUrl: str(), fetchedAt: str() })),
  extractedMeta: nullable(meta),
  metaEdit: nullable(obj({ by: str(), at: str(), reason: str() })),
});
