/** A web page's stated metadata: JSON-LD first (the publisher's structured claim), then meta tags. */
import type { DocumentMeta } from '../../../domain/types.js';
import type { Logger } from '../../../domain/logger.js';
import { toEdtf } from '../metadata/dates.js';

type Json = Record<string, unknown>;

function clean(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

/** The `content` of the first `<meta>` whose name or property is one of `keys`. */
function metaContent(doc: Document, keys: string[]): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    if (keys.includes(key)) {
      const v = clean(el.getAttribute('content'));
      if (v) return v;
    }
  }
  return undefined;
}

/** A name from a JSON-LD person or organisation: a string, `{ name }`, or a list of them joined by ", ". */
function nameOf(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : undefined;
  }
  if (typeof v === 'object' && v !== null) return clean((v as Json).name);
  return clean(v);
}

function isArticle(item: Json): boolean {
  const types = ([] as unknown[]).concat(item['@type'] ?? []);
  return types.some((t) => typeof t === 'string' && (/Article$/.test(t) || t === 'BlogPosting'));
}

/** Every JSON-LD object in the page (top-level arrays and `@graph` lists flattened). */
function jsonLdItems(doc: Document, logger: Logger, path: string): Json[] {
  const items: Json[] = [];
  const push = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(push);
    else if (typeof v === 'object' && v !== null) {
      items.push(v as Json);
      if ('@graph' in v) push((v as Json)['@graph']);
    }
  };
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      push(JSON.parse(el.textContent ?? ''));
    } catch {
      logger.warn(`${path}: a JSON-LD block does not parse; its metadata is ignored`, { path });
    }
  }
  return items;
}

function fromJsonLd(doc: Document, logger: Logger, path: string): DocumentMeta {
  const article = jsonLdItems(doc, logger, path).find(isArticle);
  if (!article) return {};
  const published = clean(article.datePublished);
  const url = clean(article.url) ?? clean(article.mainEntityOfPage) ?? nameOrId(article.mainEntityOfPage);
  return {
    title: clean(article.headline) ?? clean(article.name),
    author: nameOf(article.author),
    publisher: nameOf(article.publisher),
    published: published ? toEdtf(published) : undefined,
    url,
    language: clean(article.inLanguage),
  };
}

function nameOrId(v: unknown): string | undefined {
  return typeof v === 'object' && v !== null ? clean((v as Json)['@id']) : undefined;
}

function fromTags(doc: Document): DocumentMeta {
  const published = metaContent(doc, [
    'article:published_time', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued',
    'dcterms.date', 'dcterms.issued', 'datepublished', 'sailthru.date', 'parsely-pub-date',
  ]);
  const author = metaContent(doc, ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author']);
  const locale = metaContent(doc, ['og:locale']);
  return {
    title: metaContent(doc, ['og:title', 'twitter:title']) ?? clean(doc.querySelector('title')?.textContent),
    // article:author is often a profile URL, which is not a name.
    author: author && !/^https?:/.test(author) ? author.replace(/^by\s+/i, '') : undefined,
    publisher: metaContent(doc, ['og:site_name', 'publisher', 'application-name']),
    published: published ? toEdtf(published) : undefined,
    url: clean(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ?? metaContent(doc, ['og:url']),
    language: clean(doc.documentElement?.getAttribute('lang')) ?? (locale ? locale.replace('_', '-') : undefined),
  };
}

/** Drops undefined fields, so metadata objects compare and serialise cleanly. */
export function compact(meta: DocumentMeta): DocumentMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as DocumentMeta;
}

/** The page's metadata: each field from JSON-LD (`NewsArticle`, `Article`, …) when it has it, else from `<meta>`, `<title>`, `<link rel=canonical>` and `<html lang>`. */
export function htmlMeta(doc: Document, logger: Logger, path: string): DocumentMeta {
  const ld = compact(fromJsonLd(doc, logger, path));
  return compact({ ...compact(fromTags(doc)), ...ld });
}
