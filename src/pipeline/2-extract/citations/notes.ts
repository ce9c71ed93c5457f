/** Notes and bibliography sections: the lines after a "References" / "Notes" heading, each an entry with its label. */
import type { Span } from '../../../domain/types.js';
import type { CitationEntry } from './types.js';

// "Bibliography", "References", "Notes", "Sources" alone on a line (as ../bodyEnd.ts reads them).
const HEADING_LINE = /^[ \t#*]*(?:bibliography|references|reference list|works cited|notes|endnotes|footnotes|sources|citations)[ \t*]*:?[ \t\r]*$/i;
// Lines that end a notes section: other back matter, an "About the author:" line, a Markdown heading.
const SECTION_END = /^(?:[ \t]*#|[ \t]*(?:further reading|external links|see also|about the author|to cite this|contact|related posts|share this)\b|[^\n]{0,40}:[ \t]*$)/i;
// "[1] …", "[5]Ibid.", "1. …", "1) …", "[^1]: …", "¹ …", "^ …" (the labels footnotes take).
const LABEL = /^[ \t]*(?:\[(\d{1,4})\][ \t]*|\[\^([\w-]{1,20})\]:[ \t]*|(\d{1,4})[.)][ \t]+|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})[ \t]*|\^[ \t]+)/;
// Markdown footnote definitions count wherever they stand.
const DEFINITION = /^[ \t]*\[\^([\w-]{1,20})\]:[ \t]*/gm;
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The digits of a superscript number ("¹²" → "12"). */
export function fromSuperscript(s: string): string {
  let out = '';
  for (const c of s) out += String(SUPERSCRIPTS.indexOf(c));
  return out;
}

/** Notes found in a text: the entries and where the first notes section starts (the body ends there). */
export interface Notes {
  entries: CitationEntry[];
  /** Offset of the first notes heading, or null when the text has none. */
  start: number | null;
}

/** Reads the lines of one section `[from, to)` into entries. */
function readSection(text: string, from: number, to: number, out: CitationEntry[]): number {
  let p = from;
  let lastBlank = true;
  let labelled = false;
  while (p < to) {
    let e = text.indexOf('\n', p);
    if (e < 0 || e > to) e = to;
    const line = text.slice(p, e);
    if (line.trim() === '') { lastBlank = true; p = e + 1; continue; }
    if (SECTION_END.test(line) || HEADING_LINE.test(line)) return p;
    const m = LABEL.exec(line);
    const prev = out[out.length - 1];
    // A line without a label continues the entry above it: a wrapped line, or its "<http://…>" link.
    if (!m && prev && (labelled && !lastBlank || /^[ \t]*<?(?:<|https?:)/.test(line))) {
      prev.span.end = p + line.trimEnd().length;
      prev.text = text.slice(prev.span.start, prev.span.end);
    } else {
      const label = m ? m[1] ?? m[2] ?? m[3] ?? (m[4] ? fromSuperscript(m[4]) : null) : null;
      const start = p + (m ? m[0].length : line.length - line.trimStart().length);
      const end = p + line.trimEnd().length;
      if (end > start) out.push({ label, text: text.slice(start, end), span: { start, end } });
      if (m) labelled = true;
    }
    lastBlank = false;
    p = e + 1;
  }
  return to;
}

/** Finds every notes or bibliography entry; headings in the first fifth are a table of contents and skipped. */
export function findNotes(text: string): Notes {
  const entries: CitationEntry[] = [];
  let start: number | null = null;
  const heads: Span[] = [];
  // Headings are short lines: walk the lines and test only those, rather than try the pattern at every offset.
  for (let p = 0; p < text.length;) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    if (e - p <= 40 && p > text.length * 0.2 && HEADING_LINE.test(text.slice(p, e))) heads.push({ start: p, end: e });
    p = e + 1;
  }
  let done = 0;
  heads.forEach((h, i) => {
    if (h.start < done) return;
    start ??= h.start;
    done = readSection(text, h.end + 1, i + 1 < heads.length ? heads[i + 1]!.start : text.length, entries);
  });
  // "[^1]: …" before any heading.
  DEFINITION.lastIndex = text.includes('[^') ? 0 : text.length;
  for (let m = DEFINITION.exec(text); m; m = DEFINITION.exec(text)) {
    if (start !== null && m.index >= start) break;
    const s = m.index + m[0].length;
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const end = s + text.slice(s, e).trimEnd().length;
    if (end > s) entries.push({ label: m[1]!, text: text.slice(s, end), span: { start: s, end } });
  }
  entries.sort((a, b) => a.span.start - b.span.start);
  return { entries, start };
}
