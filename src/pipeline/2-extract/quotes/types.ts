/** What the quote extractor returns: the words inside the marks and who says them. */
import type { Span } from '../../../domain/types.js';

/** Who a quotation is attributed to; `span` is where the text names them (for "she said", where she was named). */
export interface QuoteSpeaker {
  text: string;
  span?: Span;
}

/** One direct quotation: `text` is the report's `text.slice(span.start, span.end)`, inside the marks. */
export interface Quote {
  text: string;
  span: Span;
  speaker: QuoteSpeaker | null;
}
