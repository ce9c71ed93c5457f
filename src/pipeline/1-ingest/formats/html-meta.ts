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

/** JSON-LD items by `@id`, so that `"author": { "@id": "#/person/1" }` finds the person's name. */
type Ids = Map<string, Json>;

/** A name from a JSON-LD person or organisation: a string, `{ name }`, an `@id` reference, or a list of them joined by ", ". */
function nameOf(v: unknown, ids: Ids = new Map()): string | undefined {
  if (Array.isArray(v)) {
    const names = [...new Set(v.map((x) => nameOf(x, ids)).filter((n): n is string => !!n))];
    return names.length ? names.join(', ') : undefined;
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Json;
    const own = Array.isArray(o.name) ? nameOf(o.name, ids) : clean(o.name);
    if (own) return own;
    const ref = typeof o['@id'] === 'string' ? ids.get(o['@id']) : undefined;
    return ref && ref !== o ? nameOf(ref, new Map()) : undefined;
  }
  const name = clean(v);
  // "author": "https://…/profile" is a link, not a name.
  return name && !/^https?:/.test(name) ? name : undefined;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|Posting)$/;

function typesOf(item: Json): string[] {
  return ([] as unknown[]).concat(item['@type'] ?? []).filter((t): t is string => typeof t === 'string');
}

function isArticle(item: Json): boolean {
  return typesOf(item).some((t) => ARTICLE_TYPE.test(t));
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
      // Some pages wrap the JSON in a CDATA comment or leave a trailing semicolon.
      push(JSON.parse((el.textContent ?? '').replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|\/\/\s*\]\]>\s*$|;\s*$/g, '').trim()));
    } catch {
      logger.warn(`${path}: a JSON-LD block does not parse; its metadata is ignored`, { path });
    }
  }
  return items;
}

function fromJsonLd(doc: Document, logger: Logger, path: string): DocumentMeta {
  const items = jsonLdItems(doc, logger, path);
  const ids: Ids = new Map();
  for (const it of items) if (typeof it['@id'] === 'string') ids.set(it['@id'], it);
  // The article; else a page that states when it was published ("WebPage" with datePublished).
  const article = items.find(isArticle) ?? items.find((it) => it.datePublished !== undefined && (it.headline !== undefined || it.author !== undefined));
  if (!article) return {};
  const published = clean(article.datePublished) ?? clean(article.dateCreated);
  const url = clean(article.url) ?? clean(article.mainEntityOfPage) ?? nameOrId(article.mainEntityOfPage);
  // "publisher": { "@id": "#organization" } in a Yoast-style graph; else the site's organisation.
  const org = items.find((it) => typesOf(it).some((t) => /^(?:NewsMediaOrganization|Organization|Corporation)$/.test(t)));
  const site = items.find((it) => typesOf(it).includes('WebSite'));
  return {
    title: clean(article.headline) ?? clean(article.name),
    author: nameOf(article.author, ids) ?? nameOf(article.creator, ids),
    publisher: nameOf(article.publisher, ids) ?? nameOf(org, ids) ?? nameOf(site, ids),
    published: published ? toEdtf(published) : undefined,
    url,
    language: clean(article.inLanguage),
  };
}

function nameOrId(v: unknown): string | undefined {
  return typeof v === 'object' && v !== null ? clean((v as Json)['@id']) : undefined;
}

// Meta tags in order of precedence: Open Graph and article tags, then Dublin Core, Parsely, Sailthru and citation tags.
const PUBLISHED_TAGS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'publication_date', 'pub_date', 'date_published', 'article.published', 'release_date',
  'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.date', 'dcterms.issued', 'dcterms.created',
  'parsely-pub-date', 'sailthru.date', 'citation_publication_date', 'citation_date', 'citation_online_date', 'dcsext.articlefirstpublished',
  'original-publish-date', 'article:published', 'og:pubdate',
];
const AUTHOR_TAGS = [
  'author', 'article:author', 'og:article:author', 'dc.creator', 'dcterms.creator', 'byl', 'parsely-author', 'sailthru.author',
  'citation_author', 'dc.contributor', 'article.author', 'author_name', 'cxenseparse:author',
];
const PUBLISHER_TAGS = ['og:site_name', 'publisher', 'article:publisher', 'dc.publisher', 'dcterms.publisher', 'citation_publisher', 'citation_journal_title', 'application-name', 'apple-mobile-web-app-title'];

/** The `content` of every `<meta>` whose name or property is `key`, in document order. */
function metaAll(doc: Document, key: string): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const k = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    if (k === key) { const v = clean(el.getAttribute('content')); if (v) out.push(v); }
  }
  return out;
}

/** "By Jane Doe", "Jane Doe | Riverside Post": the author's name alone. */
function cleanAuthor(a: string | undefined): string | undefined {
  if (!a || /^https?:|^@|^www\./i.test(a)) return undefined;
  const t = a.replace(/^\s*by\s+/i, '').replace(/\s*[|•·]\s.*$/, '').trim();
  return t || undefined;
}

/** Parsely's `parsely-page` tag: a JSON object with `pub_date` and `author`. */
function parselyPage(doc: Document): { published?: string; author?: string } {
  const raw = metaContent(doc, ['parsely-page']);
  if (!raw) return {};
  try {
    const o = JSON.parse(raw) as Json;
    return { published: clean(o.pub_date), author: nameOf(o.author ?? o.authors) };
  } catch {
    return {};
  }
}

/** Microdata and `<time>` marks in the page: `itemprop="datePublished"`, `itemprop="author"`, `<time pubdate>`. */
function fromMarkup(doc: Document): DocumentMeta {
  const dateEl = doc.querySelector('[itemprop="datePublished"]:not(meta), time[pubdate], time.published, time.entry-date, .published time, .pubdate time');
  const when = clean(dateEl?.getAttribute('datetime')) ?? clean(dateEl?.getAttribute('content')) ?? clean(dateEl?.textContent);
  const authorEl = doc.querySelector('[itemprop="author"]:not(meta)');
  const who = authorEl ? clean(authorEl.querySelector('[itemprop="name"]')?.getAttribute('content') ?? authorEl.querySelector('[itemprop="name"]')?.textContent) ?? clean(authorEl.getAttribute('content')) ?? clean(authorEl.textContent) : undefined;
  return {
    published: when ? toEdtf(when) : undefined,
    author: who && who.length <= 80 ? cleanAuthor(who) : undefined,
  };
}

function fromTags(doc: Document): DocumentMeta {
  const first = (keys: string[], ok: (v: string) => string | undefined) => {
    for (const k of keys) for (const v of metaAll(doc, k)) { const x = ok(v); if (x) return x; }
    return undefined;
  };
  const parsely = parselyPage(doc);
  const locale = metaContent(doc, ['og:locale']);
  const authors = (() => {
    // Several author tags name several authors.
    for (const k of AUTHOR_TAGS) {
      const names = [...new Set(metaAll(doc, k).map(cleanAuthor).filter((n): n is string => !!n))];
      if (names.length) return names.join(', ');
    }
    return undefined;
  })();
  return {
    title: metaContent(doc, ['og:title', 'twitter:title', 'dc.title', 'citation_title', 'parsely-title']) ?? clean(doc.querySelector('title')?.textContent),
    author: authors ?? cleanAuthor(parsely.author),
    publisher: first(PUBLISHER_TAGS, (v) => (/^https?:/.test(v) ? undefined : v)),
    published: first(PUBLISHED_TAGS, toEdtf) ?? (parsely.published ? toEdtf(parsely.published) : undefined),
    url: clean(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ?? metaContent(doc, ['og:url']),
    language: clean(doc.documentElement?.getAttribute('lang')) ?? metaContent(doc, ['content-language', 'dc.language', 'dcterms.language', 'language']) ?? (locale ? locale.replace('_', '-') : undefined),
  };
}

/** "Dam breach forces evacuation | Riverside Post": a page title without the site's name after it. */
export function withoutSiteName(title: string, site: string | undefined): string {
  const m = /^(.{12,}?)\s+[|–—-]\s+([^|–—]{2,60})$/.exec(title);
  if (!m) return title;
  const tail = m[2]!.trim().toLowerCase();
  const name = site?.toLowerCase();
  return name && (tail === name || tail.includes(name) || name.includes(tail)) ? m[1]!.trim() : title;
}

/** Drops undefined fields, so metadata objects compare and serialise cleanly. */
export function compact(meta: DocumentMeta): DocumentMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as DocumentMeta;
}

/**
 * The page's metadata, each field from the first of: JSON-LD (`NewsArticle`, `Article`, …, with
 * `@graph` and `@id` references), `<meta>` tags (Open Graph and `article:`, Dublin Core, Parsely,
 * citation), then microdata and `<time>` marks; the title, canonical link and `<html lang>` last.
 * A title that ends with the site's name loses it.
 */
export function htmlMeta(doc: Document, logger: Logger, path: string): DocumentMeta {
  const ld = compact(fromJsonLd(doc, logger, path));
  const meta = compact({ ...compact(fromMarkup(doc)), ...compact(fromTags(doc)), ...ld });
  if (meta.title) meta.title = withoutSiteName(meta.title, meta.publisher);
  return meta;
}
