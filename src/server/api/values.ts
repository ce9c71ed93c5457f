/** Values many API responses share: spans, counts, dates, metadata, document labels, errors. Imports nothing. */

/** Offsets into a document's text, as JavaScript string indices (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** What a count counts. */
export type Measure = 'killed' | 'injured' | 'captured' | 'missing' | 'displaced' | 'returned' | 'orphaned' | 'casualties' | 'population' | 'other';

/** Who a report says a figure comes from. */
export interface Attribution {
  /** The attributing words as written. */
  text: string;
  /** The source named. */
  source: string;
  span?: Span;
  kind?: 'official' | 'unofficial';
}

/** One mention of a number of people. */
export interface Count {
  measure: Measure;
  /** `all`, or an age/sex part joined with `+`. */
  group: string;
  unit: 'people' | 'families';
  subject: string;
  min: number | null;
  max: number | null;
  approximate: boolean;
  /** null: the report's own voice. */
  attribution: Attribution | null;
  span: Span;
  quote: string;
  sentence: Span;
  /** Index of the count this one is a part of (breakdowns). */
  partOf?: number;
}

/** One mention of a point or stretch of time, as EDTF. */
export interface DateMention {
  value: string;
  span: Span;
  quote: string;
  relative?: boolean;
}

/** Metadata of a report. */
export interface DocumentMeta {
  title?: string;
  publisher?: string;
  author?: string;
  /** EDTF. */
  published?: string;
  url?: string;
  language?: string;
  /** Fields inferred from the text rather than stated. */
  inferred?: string[];
}

/** Formats a report can have been read from. */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf';

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
export type ApiErrorCode = 'E_BAD_INPUT' | 'E_BAD_QUERY' | 'E_NOT_FOUND' | 'E_UNAUTHORIZED' | 'E_CONFLICT' | 'E_TOO_LARGE' | 'E_INTERNAL';
