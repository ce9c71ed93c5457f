/** Infers the title and the author of a plain-text report from its first lines. */
import { isNameList, isPersonName, nonEmptyLines } from './lines.js';

/** "Published: ...", "Date - ...", "Source: ..." — a label line, not a headline. */
const LABEL_LINE = /^(?:published|date|dated|posted|updated|source|author|filed)\b\s*(?:on\b|[:\-–—])/i;
/** "BAKU, Feb. 26 (Reuters) -", "BAKU (AA) –": the lede's dateline, so the line is prose. */
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]+(?:,[^\n]{0,40}?)?(?:\s*\([^)\n]{1,40}\))?\s+[-–—]\s/u;
/** "By Jane Doe", "BY JANE DOE and JOHN ROE, Staff Reporters" */
const BYLINE = /^by\s+([^,|(—–]+?)\s*(?:[,|(—–].*)?$/i;

/** The names a byline line gives, or undefined when the line is not a byline. */
export function bylineNames(line: string): string | undefined {
  if (line.length > 120) return undefined;
  const m = BYLINE.exec(line);
  if (!m) return undefined;
  const names = m[1].trim();
  // "By the time rescuers arrived" and "By Monday" start like bylines; only names qualify.
  return isNameList(names) ? names : undefined;
}

/**
 * The first non-empty line, when it reads as a headline: shorter than 200 characters, followed
 * by more text, not a label line, byline or dateline, and not ending like a sentence (`.` `,` `;` `:`).
 */
export function inferTitle(text: string): string | undefined {
  const [first, next] = nonEmptyLines(text, 2);
  if (!first || !next || first.length >= 200) return undefined;
  if (LABEL_LINE.test(first) || DATELINE.test(first) || bylineNames(first)) return undefined;
  if (/[.,;:]$/.test(first) && !/\.\.\.$|…$/.test(first)) return undefined;
  return first;
}

/**
 * The author: a byline ("By Jane Doe") among the first ten lines, or else a short line of
 * 2–4 capitalised words right after the title line ("Jane Doe").
 */
export function inferAuthor(text: string): string | undefined {
  const lines = nonEmptyLines(text, 10);
  for (const line of lines) {
    const names = bylineNames(line);
    if (names) return names;
  }
  const second = lines[1];
  if (second && second.length < 60 && !/[.!?:;,]$/.test(second) && isPersonName(second)) return second;
  return undefined;
}

/** True when `line` opens with a wire dateline; used to keep datelines out of titles. */
export function isDatelineStart(line: string): boolean {
  return DATELINE.test(line);
}
