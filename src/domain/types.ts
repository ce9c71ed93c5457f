/** Shared domain types: every stage speaks in these. */

/** Offsets into a document's text, as JavaScript string indices (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** What a count counts. `population` and `other` are kept but not casualty measures. */
export type Measure =
  | 'killed'
  | 'injured'
  | 'captured'
  | 'missing'
  | 'displaced'
  | 'returned'
  | 'orphaned'
  | 'casualties'
  | 'population'
  | 'other';

/** The casualty measures, in the order reports usually give them. */
export const CASUALTY_MEASURES: readonly Measure[] = [
  'killed', 'injured', 'captured', 'missing', 'displaced', 'returned', 'orphaned', 'casualties',
];

/** Who the report says a figure comes from; `null` on a count means the report's own voice. */
export interface Attribution {
  /** The attributing words as written ("according to the official data"). */
  text: string;
  /** The source named ("the official data"), or the resolved speaker of a pronoun. */
  source: string;
  /** Where `text` stands in the document. */
  span?: Span;
  /** `official` / `unofficial` when the words say so; otherwise absent. */
  kind?: 'official' | 'unofficial';
}

/** One mention of a number of people (see ../shared/gold/SCHEMA.md). */
export interface Count {
  measure: Measure;
  /** `all`, or an age/sex part: `women`, `children`, `elderly`, `men`, joined with `+`. */
  group: string;
  unit: 'people' | 'families';
  /** Who is counted, as written ("Azerbaijani civilians"). */
  subject: string;
  min: number | null;
  max: number | null;
  approximate: boolean;
  attribution: Attribution | null;
  span: Span;
  /** `text.slice(span.start, span.end)`. */
  quote: string;
  /** The sentence the count stands in. */
  sentence: Span;
  /** Index (in the same result) of the count this one is a part of, for breakdowns. */
  partOf?: number;
}

/** One mention of a point or stretch of time, as EDTF. */
export interface DateMention {
  /** EDTF: `1992-02-26`, `1991-12`, `199X`, `1992-02-25/1992-02-26`. */
  value: string;
  span: Span;
  quote: string;
  /** True when the value was resolved against the report's own date ("last year"). */
  relative?: boolean;
}

/** What `extract` returns for one text. */
export interface Extraction {
  counts: Count[];
  dates: DateMention[];
}

/** Options for `extract`. */
export interface ExtractOptions {
  /** The report's publication date as EDTF (`2024-02-26`), for relative dates. */
  published?: string;
}

/** Metadata of a report, as found or as given in a sidecar. */
export interface DocumentMeta {
  title?: string;
  publisher?: string;
  author?: string;
  /** EDTF. */
  published?: string;
  url?: string;
  language?: string;
  /** Fields that were inferred from the text rather than stated as metadata. */
  inferred?: string[];
}

/** Input formats the ingest stage reads. */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf';

/** One report: its text exactly as read, its metadata, the hash of its original bytes. */
export interface ReportDocument {
  /** Stable id (derived from the sha256). */
  id: string;
  sha256: string;
  /** Where it was read from (path as given). */
  path: string;
  /** Base name of the file. */
  name: string;
  format: DocumentFormat;
  meta: DocumentMeta;
  /** The text every span points into; never edited after reading. */
  text: string;
  /** For PDFs: where each page starts in `text`. */
  pageStarts?: number[];
  byteLength: number;
}
