/** Markdown: front matter as metadata, markup stripped to plain text with its lines and paragraphs kept. */
import type { FormatResult } from '../types.js';
import { AppError } from '../../../domain/errors.js';
import { decodeUtf8 } from '../decode.js';
import { metaFromFrontMatter, splitFrontMatter } from './frontmatter.js';
import { stripInline } from './markdown-inline.js';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$/;
const REF_DEF = /^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+/;
const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:\s*/;
const QUOTE = /^(?:[ \t]*>[ \t]?)+/;
const LIST = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const TABLE_SEP = /^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$/;

/** A table row's cells, separated by tabs so numbers in neighbouring cells do not run together. */
function tableRow(line: string): string {
  const cells = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
  return cells.map((c) => stripInline(c.trim())).join('\t');
}

/** One line of Markdown outside code fences, as plain text. */
function blockLine(line: string): string {
  if (RULE.test(line)) return '';
  if (REF_DEF.test(line)) return '';
  const heading = HEADING.exec(line);
  if (heading) return stripInline(heading[1] ?? '');
  let s = line.replace(QUOTE, '');
  s = s.replace(FOOTNOTE_DEF, '[$1] ');
  s = s.replace(LIST, '');
  return stripInline(s).trimEnd();
}

/**
 * Strips Markdown to the text a reader sees. Code fences keep their content (their markers
 * go); each source line stays a line and blank lines stay paragraph breaks (runs of them
 * become one), so sentences never run together.
 */
export function markdownToText(source: string): string {
  const lines = source.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n|\r/);
  const out: string[] = [];
  let fence: string | undefined;
  let inTable = false;
  let previous = '';
  for (const line of lines) {
    const raw = previous;
    previous = line;
    if (fence) {
      const closing = line.trim();
      if (closing.startsWith(fence) && /^([`~])\1*$/.test(closing)) fence = undefined;
      else out.push(line.trimEnd());
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = open[1];
      continue;
    }
    if (TABLE_SEP.test(line) && line.includes('|') && raw.includes('|') && out.length && out[out.length - 1] !== '') {
      // The header row was written as a plain line before this separator showed it was a table.
      out[out.length - 1] = tableRow(raw);
      inTable = true;
      continue;
    }
    if (inTable && line.includes('|')) {
      out.push(tableRow(line));
      continue;
    }
    inTable = false;
    out.push(blockLine(line));
  }
  return collapseBlankLines(out);
}

/** Joins the lines, with runs of blank lines made one and none at either end. */
function collapseBlankLines(lines: string[]): string {
  const kept: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line.trim() === '' ? '' : line);
  }
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

/** Reads a `.md` report: front matter as stated metadata, the rest stripped to text. */
export function readMarkdown(bytes: Uint8Array, path: string): FormatResult {
  const source = decodeUtf8(bytes, path);
  const { fields, body } = splitFrontMatter(source);
  const text = markdownToText(body);
  if (text.trim() === '') throw new AppError('E_EMPTY', `${path}: the file holds no text once its markup is removed`, { details: { path } });
  return { text, meta: metaFromFrontMatter(fields) };
}
