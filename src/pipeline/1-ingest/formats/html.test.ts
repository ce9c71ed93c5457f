import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { htmlToReport, parseDocument } from './html.js';
import { htmlMeta } from './html-meta.js';
import { domToText } from './html-text.js';
import { isAppError } from '../../../domain/errors.js';
import { silentLogger } from '../../../domain/logger.js';
import type { Logger } from '../../../domain/logger.js';
import { FIXTURES } from '../fixtures.case.js';

const opts = { path: 'page.html', logger: silentLogger };
const fixture = async (name: string): Promise<string> => readFile(`${FIXTURES}${name}`, 'utf8');

test('reads the article body of an HTML page and drops its scripts, styles, navigation and footer', async () => {
  const { text } = htmlToReport(await fixture('article.html'), opts);
  assert.match(text, /^Dam breach forces evacuation of three villages\n\nEngineers said the earthen dam above Lusk gave way/);
  for (const gone of ['tracker', 'injected', 'display', 'Home', 'Sport', 'Copyright']) assert.ok(!text.includes(gone), gone);
  assert.ok(!/[<>]/.test(text), 'no markup left');
});

test('separates the blocks of an HTML page by blank lines and collapses white space inside them', async () => {
  const { text } = htmlToReport(await fixture('article.html'), opts);
  const blocks = text.split('\n\n');
  assert.equal(blocks[0], 'Dam breach forces evacuation of three villages');
  assert.equal(blocks[1], 'Engineers said the earthen dam above Lusk gave way shortly after midnight, sending water into the valley below. About 1,200 residents were moved to higher ground.');
  assert.equal(blocks[2], 'The district office said 7 people had died & 19 were injured — figures it called “provisional”.');
  assert.ok(blocks.includes('The breached dam above Lusk, May 1, 2020.'), 'figure captions are kept');
  assert.ok(blocks.includes('A relief group working in the valley gave a higher count\nof 11 dead, citing hospital records.'), '<br> is a line break');
  assert.equal(blocks.at(-1), 'Unclosed paragraph about the shelters, which were full by noon');
});

test('takes HTML metadata from JSON-LD over meta tags', async () => {
  const { meta } = htmlToReport(await fixture('article.html'), opts);
  assert.deepEqual(meta, {
    title: 'Dam breach forces evacuation of three villages',
    author: 'Imre Kallo, Sade Brunn',
    publisher: 'Riverside Post',
    published: '2020-05-01',
    url: 'https://riverside-post.example/2020/dam-breach',
    language: 'en-GB',
  });
});

test('takes HTML metadata from meta tags, the title, the canonical link and the lang attribute when there is no JSON-LD', () => {
  const html = `<html lang="az"><head><title>  Page   title </title>
    <meta name="author" content="By Leyla Aras"><meta property="og:site_name" content="Caspian Desk">
    <meta name="date" content="26 February 2024"><link rel="canonical" href="https://desk.example/a"></head>
    <body><p>Body.</p></body></html>`;
  assert.deepEqual(htmlMeta(parseDocument(html), silentLogger, 'p.html'), {
    title: 'Page title', author: 'Leyla Aras', publisher: 'Caspian Desk', published: '2024-02-26', url: 'https://desk.example/a', language: 'az',
  });
});

test('ignores a JSON-LD block that does not parse, with a warning', () => {
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };
  const html = '<html><head><script type="application/ld+json">{ broken</script><meta property="og:title" content="T"></head><body>x</body></html>';
  assert.deepEqual(htmlMeta(parseDocument(html), logger, 'p.html'), { title: 'T' });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^p\.html: .*JSON-LD/);
});

test('still yields the text of broken HTML: unclosed tags, stray end tags, text outside any element', async () => {
  const { text } = htmlToReport(await fixture('broken.html'), opts);
  assert.equal(text, [
    'stray text before any tag <<<>>> & more',
    'The first paragraph never closes its tags',
    'The second block has a stray end tag and continues.',
    'Last words © the end',
  ].join('\n\n'));
});

test('refuses an HTML page with no text as E_EMPTY', async () => {
  assert.throws(() => htmlToReport('<html><body><script>var a;</script></body></html>', opts), (e) => isAppError(e, 'E_EMPTY'));
  assert.throws(() => htmlToReport('<div></div><img src=x>', opts), (e) => isAppError(e, 'E_EMPTY'));
});

test('falls back to the page body without navigation when Readability finds no article', () => {
  const html = '<html><body><nav>Menu</nav><header>Masthead</header><div>Only a short line.</div><footer>Legal</footer></body></html>';
  assert.equal(htmlToReport(html, opts).text, 'Only a short line.');
});

test('writes table rows as lines with tab-separated cells', () => {
  const { document } = { document: parseDocument('<table><tr><th>Place</th><th>Dead</th></tr><tr><td>Lusk</td><td>7</td></tr></table>') };
  assert.equal(domToText(document.body), 'Place\tDead\nLusk\t7');
});

test('keeps the line breaks of preformatted text', () => {
  const doc = parseDocument('<p>Log:</p><pre>06:10  mayday\n06:25  boats out\n</pre>');
  assert.equal(domToText(doc.body), 'Log:\n\n06:10  mayday\n06:25  boats out');
});

test('reads a page nested thousands of levels deep without overflowing the stack', () => {
  const html = `<html><body>${'<div><b>word '.repeat(3000)}</body></html>`;
  const { text } = htmlToReport(html, opts);
  assert.equal(text.split('word').length - 1, 3000);
});
