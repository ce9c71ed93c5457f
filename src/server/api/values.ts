/**
 * Values many API responses share: spans, counts, dates, metadata (the domain's own types, which
 * import nothing), document labels, errors.
 */
export type { Attribution, Count, DateMention, DocumentFormat, DocumentMeta, Measure, Span } from '../../domain/types.js';

/** How a document is named wherever another resource points at it. */
export interface DocumentLabel {
  id: string;
  name: string;
  title: string | null;
  publisher: string | null;
  /** EDTF. */
  published: string | null;
}

/** Report id → its label, for every report a response mentions. */
export type DocumentLabels = Record<string, DocumentLabel>;

/** Every error body: a stable code and a message fit to show. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** Stable error codes of the API. */
export type ApiErrorCode = 'E_BAD_INPUT' | 'E_BAD_QUERY' | 'E_NOT_FOUND' | 'E_UNAUTHORIZED' | 'E_READ_ONLY' | 'E_CONFLICT' | 'E_TOO_LARGE' | 'E_INTERNAL';
