/** Markdown front matter: the `---` block of `key: value` lines at the top of a file, read without a YAML library. */
import type { DocumentMeta } from '../../../domain/types.js';
import { toEdtf } from '../metadata/dates.js';

/** Front matter keys people use, mapped to our metadata fields. */
const KEYS: Record<string, Exclude<keyof DocumentMeta, 'inferred'>> = {
  title: 'title', headline: 'title',
  author: 'author', authors: 'author', byline: 'author',
  publisher: 'publisher', site: 'publisher', site_name: 'publisher', sitename: 'publisher', source: 'publisher',
  date: 'published', published: 'published', published_at: 'published', pubdate: 'published', publish_date: 'published',
  url: 'url', link: 'url', canonical: 'url', canonical_url: 'url', source_url: 'url',
  language: 'language', lang: 'language', locale: 'language',
};

/** A Markdown file split into its front matter (the raw key/value pairs) and its body. */
export interface FrontMatter {
  fields: Record<string, string>;
  body: string;
}

function unquote(v: string): string {
  const s = v.trim();
  // A flow list: `authors: [Jane Doe, "John Roe"]`
  if (s.startsWith('[') && s.endsWith(']')) return s.slice(1, -1).split(',').map(unquote).filter(Boolean).join(', ');
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s.replace(/\s+#.*$/, '');
}

/**
 * Splits off a front matter block. Only flat `key: value` lines and `- item` lists under a
 * key are read (lists are joined with ", "); anything fancier is ignored, never an error.
 */
export function splitFrontMatter(source: string): FrontMatter {
  const open = /^---[ \t]*\r?\n/.exec(source);
  if (!open) return { fields: {}, body: source };
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = source.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) return { fields: {}, body: source };
  const fields: Record<string, string> = {};
  let listKey: string | undefined;
  for (const line of rest.slice(0, end.index).split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$|^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const v = unquote(item[1] ?? item[2]);
      fields[listKey] = fields[listKey] ? `${fields[listKey]}, ${v}` : v;
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    listKey = undefined;
    if (!kv) continue;
    const key = kv[1].toLowerCase();
    const value = unquote(kv[2]);
    if (value === '' || value === '|' || value === '>') listKey = key;
    else fields[key] = value;
  }
  return { fields, body: rest.slice(end.index + end[0].length) };
}

/** Our metadata from front matter fields; the first key seen for a field wins, dates become EDTF. */
export function metaFromFrontMatter(fields: Record<string, string>): DocumentMeta {
  const meta: DocumentMeta = {};
  for (const [key, value] of Object.entries(fields)) {
    const field = KEYS[key];
    if (!field || meta[field] !== undefined || !value) continue;
    if (field === 'published') {
      const edtf = toEdtf(value);
      if (edtf) meta.published = edtf;
    } else {
      meta[field] = value;
    }
  }
  return meta;
}
