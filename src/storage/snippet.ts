/** Markers around matches in search snippets, and a splitter for callers that render them. */

/** Opens a match in a snippet (STX: never in ingested text, which is checked for binary). */
export const SNIPPET_OPEN = '\u0002';
/** Closes a match in a snippet (ETX). */
export const SNIPPET_CLOSE = '\u0003';
/** Stands for text left out at either end of a snippet. */
export const SNIPPET_ELLIPSIS = '…';

/** One piece of a snippet: plain text, or a match. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Split a marked snippet into pieces, so a caller can escape each piece (HTML, terminal)
 * and then mark the matches: marking first and escaping after would escape the marks.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === SNIPPET_OPEN || ch === SNIPPET_CLOSE) {
      if (text) parts.push({ text, match });
      text = '';
      match = ch === SNIPPET_OPEN;
    } else {
      text += ch;
    }
  }
  if (text) parts.push({ text, match });
  return parts;
}
