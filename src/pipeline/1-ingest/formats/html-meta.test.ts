import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../domain/logger.js';
import { htmlMeta } from './html-meta.js';
import { htmlToReport, parseDocument } from './html.js';

const page = (head: string, body = '<p>Body.</p>') => `<html><head>${head}</head><body>${body}</body></html>`;
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

// [page, the fields expected among its metadata]; invented pages, one source of metadata each.
const TABLE: [string, Record<string, string>][] = [
  // JSON-LD in a @graph whose article names its author and publisher by @id.
  [page(ld({ '@context': 'https://schema.org', '@graph': [
    { '@type': 'NewsArticle', headline: 'Flood toll rises', datePublished: '2023-04-02T08:15:00+02:00', author: { '@id': '#p1' }, publisher: { '@id': '#org' } },
    { '@type': 'Person', '@id': '#p1', name: 'Mira Fenn' },
    { '@type': 'NewsMediaOrganization', '@id': '#org', name: 'Valley Courier' },
  ] })), { title: 'Flood toll rises', author: 'Mira Fenn', publisher: 'Valley Courier', published: '2023-04-02' }],
  // An array of authors, a type list, and a WebPage that states its date.
  [page(ld([{ '@type': ['ReportageNewsArticle'], headline: 'Quake report', datePublished: '2022-11-30', author: [{ name: 'A. Roe' }, { name: 'B. Lund' }] }])), { author: 'A. Roe, B. Lund', published: '2022-11-30' }],
  [page(ld({ '@type': 'WebPage', headline: 'Camp update', datePublished: '2021-06-01', author: 'Ola Berg' })), { author: 'Ola Berg', published: '2021-06-01' }],
  // Dublin Core, Parsely and citation tags.
  [page('<meta name="DC.creator" content="Ines Varo"><meta name="DC.date.issued" content="2019-03-17"><meta name="DC.publisher" content="Orlec Institute">'), { author: 'Ines Varo', published: '2019-03-17', publisher: 'Orlec Institute' }],
  [page('<meta name="parsely-page" content=\'{"title":"x","pub_date":"2020-01-05T10:00:00Z","author":"Tom Hale"}\'>'), { author: 'Tom Hale', published: '2020-01-05' }],
  [page('<meta name="citation_author" content="Lee, K."><meta name="citation_author" content="Park, J."><meta name="citation_publication_date" content="2018/07/09">'), { author: 'Lee, K., Park, J.', published: '2018-07-09' }],
  // Microdata and <time> marks when no tag says it.
  [page('', '<article><span itemprop="author" itemscope><span itemprop="name">Rhea Dunn</span></span><time itemprop="datePublished" datetime="2017-08-21T09:00:00Z">21 Aug</time><p>Body.</p></article>'), { author: 'Rhea Dunn', published: '2017-08-21' }],
  // A page title loses the site's name after it.
  [page('<title>Dam breach forces evacuation | Riverside Post</title><meta property="og:site_name" content="Riverside Post">'), { title: 'Dam breach forces evacuation', publisher: 'Riverside Post' }],
  // A profile link is not an author's name.
  [page('<meta property="article:author" content="https://example.org/staff/jo"><meta name="author" content="Jo Quill">'), { author: 'Jo Quill' }],
];

test('reads HTML metadata from JSON-LD graphs, Dublin Core, Parsely, citation tags and microdata, in that order', () => {
  for (const [html, expected] of TABLE) {
    const meta = htmlMeta(parseDocument(html), silentLogger, 'p.html') as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) assert.equal(meta[k], v, `${k} of ${html.slice(0, 120)}`);
  }
});

test('takes the date and author from visible lines when no tag states them, marked inferred', () => {
  const body = '<div class="meta">By Nadia Kell | Published March 3, 2024 at 10:32</div><article><h1>Storm damage</h1>'
    + '<p>The storm flattened houses along the coast and cut power to the region for days, officials said on Sunday.</p>'
    + '<p>Rescue teams worked through the night to reach villages cut off by landslides and flooded roads.</p></article>';
  const { meta } = htmlToReport(page('<title>Storm damage</title>', body), { path: 'p.html', logger: silentLogger });
  assert.equal(meta.published, '2024-03-03');
  assert.equal(meta.author, 'Nadia Kell');
  assert.ok(meta.inferred?.includes('published'));
});
