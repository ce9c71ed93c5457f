/** What the citation extractor returns: footnote markers in the body and the entries they point to. */
import type { Span } from '../../../domain/types.js';

/** A footnote marker ("[1]", "^[3]", "¹²", "[\[1\]](#)"), linked to its entry by label. */
export interface CitationMarker {
  /** The label as a plain string: "1", "12", "note-a". */
  label: string;
  /** Where the marker stands. */
  span: Span;
  /** The sentence the marker ends (so counts in it can be linked to the citation). */
  sentence: Span;
  /** Index into the entries of the same result, or null when no entry carries the label. */
  entry: number | null;
}

/** One line (or paragraph) of a notes or bibliography section; `text` is the source after its label. */
export interface CitationEntry {
  /** "1" for "[1] …", "1." or "[^1]: …"; null for an unnumbered bibliography line. */
  label: string | null;
  text: string;
  span: Span;
}

/** Markers and entries of one report. */
export interface Citations {
  markers: CitationMarker[];
  entries: CitationEntry[];
}
