/** Where a report's body ends and its back matter (bibliography, notes, contact lines) begins. */

// "Bibliography", "References", "Notes", "Sources", "Footnotes" alone on a line.
const BACK_MATTER = /^[ \t#*]*(?:bibliography|references|reference list|works cited|notes|endnotes|footnotes|sources|further reading|external links)[ \t*]*:?[ \t]*$/im;

/** Offset where the back matter starts, or the text's length when there is none. */
export function bodyEnd(text: string): number {
  const m = BACK_MATTER.exec(text);
  // A heading in the first fifth is a table of contents, not the back matter.
  return m && m.index > text.length * 0.2 ? m.index : text.length;
}
