import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { markdownToText, readMarkdown } from './markdown.js';
import { stripInline } from './markdown-inline.js';
import { metaFromFrontMatter, splitFrontMatter } from './frontmatter.js';
import { isAppError } from '../../../domain/errors.js';
import { FIXTURES } from '../fixtures.case.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

for (const [input, expected] of [
  ['**23 passengers** were *rescued*', '23 passengers were rescued'],
  ['the __Gull Queen__ and _her_ crew', 'the Gull Queen and her crew'],
  ['snake_case_names stay whole', 'snake_case_names stay whole'],
  ['5 * 3 = 15, and 2*x stays', '5 * 3 = 15, and 2*x stays'],
  ['the [coast guard](https://cg.example/n?id=7 "notice") said', 'the coast guard said'],
  ['see [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) here', 'see Foo here'],
  ['a [reference link][cg] here', 'a reference link here'],
  ['before ![a photo](p.jpg) after', 'before  after'],
  ['run `npm *test*` now', 'run npm *test* now'],
  ['an escaped \\*star\\* stays', 'an escaped *star* stays'],
  ['mail <https://cg.example/x> now', 'mail https://cg.example/x now'],
  ['a <span class="x">tagged</span> word<br/>', 'a tagged word'],
  ['7 died &amp; 19 hurt &#8212; &nbsp;so far', '7 died & 19 hurt — \u00a0so far'],
  ['~~12~~ 14 missing', '12 14 missing'],
  ['a footnote.[^1]', 'a footnote.[1]'],
] as const) {
  test(`strips the inline markup of "${input}"`, () => {
    assert.equal(stripInline(input), expected);
  });
}

for (const [input, expected] of [
  ['# Title\n\nBody', 'Title\n\nBody'],
  ['## Closed heading ##', 'Closed heading'],
  ['Setext\n======\n\ntext', 'Setext\n\ntext'],
  ['- one\n* two\n+ three\n1. four\n2) five\n- [x] done', 'one\ntwo\nthree\nfour\nfive\ndone'],
  ['> quoted\n> > twice', 'quoted\ntwice'],
  ['```js\nconst a = **b**;\n```\nafter', 'const a = **b**;\nafter'],
  ['~~~\n# not a heading\n~~~', '# not a heading'],
  ['a\n\n\n\nb\n\n', 'a\n\nb'],
  ['text\n\n---\n\nmore', 'text\n\nmore'],
  ['| a | b |\n|---|--:|\n| 1 | 2 |\n\nafter', 'a\tb\n1\t2\n\nafter'],
  ['[cg]: https://cg.example\nline', 'line'],
  ['first line\nsecond line', 'first line\nsecond line'],
  ['<!-- hidden\ncomment -->visible', 'visible'],
] as const) {
  test(`turns the Markdown ${JSON.stringify(input)} into ${JSON.stringify(expected)}`, () => {
    assert.equal(markdownToText(input), expected);
  });
}

test('reads front matter key/value lines and lists as metadata', () => {
  const { fields, body } = splitFrontMatter('---\ntitle: "A: title"\nauthors:\n  - Lio Marsh\n  - Petra Oyelaran\ntags: [a, b]\n---\nBody\n');
  assert.deepEqual(fields, { title: 'A: title', authors: 'Lio Marsh, Petra Oyelaran', tags: 'a, b' });
  assert.equal(body, 'Body\n');
});

test('leaves a file without a closed front matter block as it is', () => {
  const source = '---\ntitle: never closed\n\nBody';
  assert.deepEqual(splitFrontMatter(source), { fields: {}, body: source });
});

test('maps front matter keys to metadata fields and dates to EDTF', () => {
  assert.deepEqual(metaFromFrontMatter({ headline: 'H', byline: 'Jane Doe', site: 'S', published_at: '2021-08-17T09:00:00Z', link: 'https://x.example', lang: 'en', tags: 'x' }),
    { title: 'H', author: 'Jane Doe', publisher: 'S', published: '2021-08-17', url: 'https://x.example', language: 'en' });
});

test('reads a Markdown report: front matter as metadata, the body as plain text', async () => {
  const result = readMarkdown(new Uint8Array(await readFile(`${FIXTURES}article.md`)), 'article.md');
  assert.deepEqual(result.meta, {
    title: 'Ferry capsizes off Tern Island', author: 'Lio Marsh, Petra Oyelaran', publisher: 'Harbour Ledger',
    published: '2021-08-17', url: 'https://harbour-ledger.example/ferry-tern-island', language: 'en',
  });
  assert.equal(result.text, [
    'Ferry capsizes off Tern Island',
    '',
    'The Gull Queen overturned in heavy swell, the coast guard said.',
    '',
    'What we know',
    '',
    'At least 23 passengers were rescued.',
    '4 people are missing.',
    'First call at 06:10.',
    '',
    '"We saw it go over," a fisherman said.',
    '',
    'Source\tRescued',
    'Coast guard\t23',
    'Port office\t25',
    '',
    'LOG 06:10 mayday received',
    '',
    'Figures may change.Updated hourly. See snake_case_names & more.[1]',
    '',
    '[1] Coast guard notice 7.',
  ].join('\n'));
});

test('refuses a Markdown file with nothing but markup as E_EMPTY', () => {
  assert.throws(() => readMarkdown(bytes('---\ntitle: x\n---\n![only](an-image.png)\n'), 'img.md'), (e) => isAppError(e, 'E_EMPTY'));
});
