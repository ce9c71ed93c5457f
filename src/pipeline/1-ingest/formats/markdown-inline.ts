/** Markdown inline markup (emphasis, links, images, code spans, tags, entities) reduced to the words a reader sees. */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', deg: '°',
};

/** Decodes the HTML entities Markdown authors write (`&amp;`, `&nbsp;`, `&#8212;`, `&#x2014;`); unknown ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

// One level of nested parentheses, for URLs like https://en.wikipedia.org/wiki/Foo_(bar)
const URL = '(?:<[^>\\n]*>|(?:[^()\\s]|\\([^()\\s]*\\))*)';
const TITLE = '(?:\\s+"[^"\\n]*"|\\s+\'[^\'\\n]*\')?';
const IMAGE = new RegExp(`!\\[[^\\]\\n]*\\](?:\\(${URL}${TITLE}\\)|\\[[^\\]\\n]*\\])`, 'g');
const LINK = new RegExp(`\\[([^\\]\\n]*)\\]\\(${URL}${TITLE}\\)`, 'g');
const REF_LINK = /\[([^\]\n]+)\]\[[^\]\n]*\]/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^>\s]+|[^>\s@]+@[^>\s@]+\.[^>\s@]+)>/gi;
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|<>~"'])/g;
const CODE = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Reduces one line of Markdown to plain text: images dropped, links to their text, code
 * spans to their content, emphasis markers and HTML tags removed, entities decoded.
 * Footnote references `[^1]` become `[1]` so the citation extractor still sees them.
 */
export function stripInline(line: string): string {
  // Code spans and escapes are set aside first so the rules below cannot touch what they protect.
  const kept: string[] = [];
  const keep = (s: string): string => `\u0000${kept.push(s) - 1}\u0000`;
  let s = line.replace(CODE, (_w, _ticks: string, code: string) => keep(code.replace(/^ (.*) $/, '$1')));
  s = s.replace(ESCAPE, (_w, ch: string) => keep(ch));
  s = s
    .replace(IMAGE, '')
    .replace(LINK, '$1')
    .replace(REF_LINK, '$1')
    .replace(/\[\^([^\]\s]+)\]/g, '[$1]')
    .replace(AUTOLINK, '$1')
    .replace(TAG, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, (w, mark: string, inner: string, at: number, all: string) =>
      mark === '__' && (/[\p{L}\d]/u.test(all[at - 1] ?? '') || /[\p{L}\d]/u.test(all[at + w.length] ?? '')) ? w : inner)
    .replace(/(?<![\p{L}\d*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\p{L}\d*])/gu, '$1')
    .replace(/(?<![\p{L}\d_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\p{L}\d_])/gu, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1');
  s = decodeEntities(s);
  return s.replace(/\u0000(\d+)\u0000/g, (_w, i: string) => kept[+i]);
}
