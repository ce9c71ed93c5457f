/** HTML: the article body (Readability on a linkedom DOM) as plain text, and the page's metadata. */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DocumentMeta } from '../../../domain/types.js';
import type { FormatOptions, FormatResult } from '../types.js';
import { AppError } from '../../../domain/errors.js';
import { decodeUtf8 } from '../decode.js';
import { domToText } from './html-text.js';
import { htmlMeta } from './html-meta.js';
import { isNameList } from '../metadata/lines.js';
import { toEdtf } from '../metadata/dates.js';
import { inferPublished } from '../metadata/infer-published.js';
import { inferAuthor } from '../metadata/infer-title.js';

/** Page furniture that is never the report. */
const FURNITURE = 'script, style, noscript, template, nav, aside, form, iframe, svg, button, select, dialog';

/**
 * Removes page furniture: scripts, styles, navigation, and the page's header and footer. An
 * article's own `<header>` (headline, byline, dateline) is kept; Readability judges it.
 */
function removeFurniture(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(FURNITURE))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('header, footer'))) if (!el.parentElement?.closest('article')) el.remove();
}

/**
 * Parses HTML into a document. linkedom keeps only the first top-level element of a fragment
 * (text before or after it is lost), so a page without an `<html>` tag is wrapped in one first.
 */
export function parseDocument(html: string): Document {
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as Document;
}

/**
 * Deeper than this, Readability's time grows with the square of the depth (1,000 unclosed
 * `<div>`s take seconds, 3,000 half a minute); real articles nest a few dozen levels.
 */
const MAX_READABLE_DEPTH = 200;

/** The nesting depth of the deepest element, counted without recursion. */
export function maxDepth(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of Array.from(node.childNodes)) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The article body Readability finds, as text; empty when it finds none (it mutates `doc`). */
interface ArticleRead {
  text: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
  untouched?: boolean;
}

function articleText(doc: Document, opts: FormatOptions): ArticleRead {
  if (doc.documentElement && maxDepth(doc.documentElement) > MAX_READABLE_DEPTH) {
    opts.logger.warn(`${opts.path}: nested more than ${MAX_READABLE_DEPTH} levels deep; reading the whole page`, { path: opts.path });
    return { text: '', untouched: true };
  }
  let article;
  try {
    article = new Readability(doc, { serializer: (el: Node) => el }).parse();
  } catch {
    // Readability assumes a well-formed page; on garbage it may throw, and the body fallback copes.
    return { text: '' };
  }
  if (!article?.content) return { text: '' };
  // "By Jane Doe | Feb. 26, 2024" → "Jane Doe"; anything that is not names is dropped.
  const byline = article.byline?.replace(/^\s*by\s+/i, '').split(/\s*[,|•·—–(]\s*/)[0].trim();
  return {
    text: domToText(article.content),
    byline: byline && isNameList(byline) ? byline : undefined,
    siteName: article.siteName?.trim() || undefined,
    publishedTime: article.publishedTime?.trim() || undefined,
    lang: article.lang?.trim() || undefined,
  };
}

/** The whole body's text, page furniture removed: for pages Readability cannot make sense of. */
export function bodyText(doc: Document): string {
  removeFurniture(doc);
  const root = doc.body && doc.body.childNodes.length ? doc.body : doc.documentElement;
  return root ? domToText(root) : '';
}

/**
 * Extracts the text and metadata of an HTML page. The text is the article body Readability
 * finds (scripts, styles and navigation gone), or the page's body when it finds none; block
 * elements are separated by blank lines. A page with no text at all is `E_EMPTY`.
 */
export function htmlToReport(html: string, opts: FormatOptions): FormatResult {
  const doc = parseDocument(html);
  // Metadata first: Readability rewrites the document it reads.
  const meta: DocumentMeta = htmlMeta(doc, opts.logger, opts.path);
  removeFurniture(doc);
  const article = articleText(doc, opts);
  // Readability rewrites the document as it reads, so the fallback needs a fresh parse unless it was skipped.
  const text = article.text.trim() ? article.text : bodyText(article.untouched ? doc : parseDocument(html));
  if (!text.trim()) {
    throw new AppError('E_EMPTY', `${opts.path}: the page holds no text once its markup is removed`, { details: { path: opts.path } });
  }
  // What Readability reads comes after the page's own JSON-LD and meta tags: its site name and
  // published time are those tags again (kept when ours found none); its byline is found by
  // class names and rel=author, a guess, so marked as inferred.
  if (!meta.publisher && article.siteName) meta.publisher = article.siteName;
  if (!meta.published && article.publishedTime) {
    const published = toEdtf(article.publishedTime);
    if (published) meta.published = published;
  }
  if (!meta.language && article.lang) meta.language = article.lang;
  if (!meta.author && article.byline) {
    meta.author = article.byline;
    meta.inferred = ['author'];
  }
  // Readability drops the byline and dateline from the article: when nothing above named them,
  // the page's visible "By …" and "Published …" lines (its whole text, furniture removed) do.
  if (!meta.published || !meta.author) {
    const page = text === article.text ? bodyText(parseDocument(html)) : text;
    const inferred = new Set(meta.inferred ?? []);
    if (!meta.published) {
      const found = inferPublished(page);
      if (found && found.rule !== 'anniversary') { meta.published = found.value; inferred.add('published'); }
    }
    if (!meta.author) {
      const author = inferAuthor(page);
      if (author) { meta.author = author; inferred.add('author'); }
    }
    if (inferred.size) meta.inferred = [...inferred];
  }
  return { text, meta };
}

/** Reads a `.html`/`.htm` report: strict UTF-8, then `htmlToReport`. */
export function readHtml(bytes: Uint8Array, opts: FormatOptions): FormatResult {
  return htmlToReport(decodeUtf8(bytes, opts.path), opts);
}
