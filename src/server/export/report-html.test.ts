/** The printable report and the CSV in words a reader of the printout can use: units, grammar, times, no internals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentDetail } from '../api-types.js';
import { bearer, withServer } from '../fixtures.case.js';
import type { TestServer } from '../fixtures.case.js';
import { describeCount } from './annotations.js';
import { figuresCsv } from './csv.js';

/** Corrects the wire story's "37 people were killed" to 39, through the API. */
async function correctWire({ app, ids, token }: TestServer): Promise<void> {
  const d = (await app.inject(`/api/documents/${ids['wire.txt']}`)).json<DocumentDetail>();
  const count = d.counts.find((c) => c.extracted.measure === 'killed')!;
  const r = await app.inject({
    method: 'POST', url: '/api/reviews', headers: { 'content-type': 'application/json', ...bearer(token) },
    payload: JSON.stringify({ documentId: ids['wire.txt'], kind: 'count', span: count.extracted.span, action: 'correct', corrected: { min: 39, max: 39 }, reason: 'revised toll' }),
  });
  assert.equal(r.statusCode, 201, r.body);
}

/** The report's text without its markup. */
const words = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('report.html', () => {
  it('names the unit of a figure of families, in its name and its values', () => withServer(async ({ app }) => {
    const text = words((await app.inject('/api/export/report.html')).body);
    assert.match(text, /displaced \/ all \/ families 300 families/);
    assert.doesNotMatch(text, /displaced \/ all 300 /);
  }));

  it('writes a lower bound as the reading table reads it back: "at least 52"', () => withServer(async ({ app }) => {
    const text = words((await app.inject('/api/export/report.html')).body);
    assert.match(text, /killed \/ all[^/]*at least 52/);
  }));

  it('says "1 review", prints times to the minute in UTC, and the review in words', () => withServer(async (s) => {
    await correctWire(s);
    const html = (await s.app.inject('/api/export/report.html')).body;
    const text = words(html);
    assert.match(text, /· 1 review applied/);
    assert.doesNotMatch(text, /1 reviews/);
    assert.doesNotMatch(text, /\d{4}-\d\d-\d\dT\d\d:\d\d/, 'no raw ISO timestamp');
    assert.match(text, /record built \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    assert.match(text, /count “killed” at characters \d+–\d+ correct 39 revised toll/);
    assert.doesNotMatch(html, /\{&quot;|\{"/, 'no JSON in the report');
  }));
});

describe('figures.csv', () => {
  it('gives each mention its quote, span, report title, publisher, date and URL', () => withServer(async ({ app }) => {
    const lines = (await app.inject('/api/export/figures.csv')).body.trimEnd().split('\r\n');
    const head = lines[0]!.split(',');
    for (const c of ['quote', 'span_start', 'span_end', 'report_title', 'publisher', 'published', 'url']) assert.ok(head.includes(c), c);
    const killed = lines.filter((l) => /,killed,all,people,37,37,37,/.test(l));
    assert.equal(killed.length, 2, 'one row for each of the two reports stating 37');
    assert.ok(killed.every((l) => l.includes(',37 people,') || l.includes(',37,')), 'the quote is in the row');
  }));

  it('fills the report columns from what it is told of each report', () => {
    const figure = {
      key: { event: 'e', measure: 'killed', group: 'all', unit: 'people' }, eventLabel: 'E', verdict: { status: 'consistent', reason: 'one value' },
      values: [{
        min: 42, max: null, label: 'more than 42', approximate: false, attributions: [], unattributed: 1, kinds: ['none'], reports: ['d1'], independent: 1,
        compatibleWith: [], phrase: '', counts: [{ doc: 'd1', index: 0, count: { quote: 'at least 42 people', span: { start: 10, end: 28 }, attribution: null } }],
      }],
    } as never;
    const csv = figuresCsv([figure], (id) => (id === 'd1' ? { title: 'A report', publisher: 'Lantern Wire', published: '2022-03-15', url: 'https://example.org/a' } : undefined));
    const row = csv.trimEnd().split('\r\n')[1]!;
    assert.match(row, /,at least 42,42,,false,/);
    assert.match(row, /,d1,A report,Lantern Wire,2022-03-15,https:\/\/example\.org\/a,at least 42 people,10,28,$/);
  });
});

describe('annotations.jsonld', () => {
  it('describes a count’s range as the reading table reads it back', () => {
    const c = { measure: 'killed', group: 'all', unit: 'people', min: 52, max: null, approximate: false, attribution: { text: 'said', source: 'a monitoring group' } } as never;
    assert.equal(describeCount(c), 'at least 52 killed (all, people), according to a monitoring group');
  });
});

describe('the streamed exports', () => {
  it('writes the printable report a page at a time: a page of figures is read only once the one before is written', async () => {
    const { reportHtml } = await import('./report-html.js');
    const read: string[] = [];
    const figure = (event: string) => ({
      key: { event, measure: 'killed', group: 'all', unit: 'people' }, eventLabel: event, verdict: { status: 'consistent', reason: 'one value' },
      values: [{ min: 3, max: 3, label: '3', approximate: false, attributions: [], unattributed: 1, kinds: ['none'], reports: ['d1'], independent: 1, compatibleWith: [], phrase: '3 killed',
        counts: [{ doc: 'd1', index: 0, count: { quote: '3 killed', span: { start: 0, end: 8 }, sentence: { start: 0, end: 9 }, attribution: null } }] }],
    }) as never;
    async function* pages<T>(name: string, list: T[][]): AsyncGenerator<T[]> {
      for (const [i, p] of list.entries()) { read.push(`${name} ${i}`); yield p; }
    }
    const src = {
      builtAt: '2026-01-01T00:00:00.000Z', documents: 1, reviews: [],
      events: async () => [],
      eventFigures: () => pages('event', []),
      figures: () => pages('figures', [[figure('a')], [figure('b')]]),
      checks: () => pages('checks', []), timeline: () => pages('timeline', []), groups: () => pages('groups', []), reports: () => pages('reports', []),
      labels: async () => ({}), groupOf: async () => new Map(), texts: async () => new Map([['d1', '3 killed.']]),
    };
    const chunks: string[] = [];
    for await (const chunk of reportHtml(src as never, '2026-01-02T00:00:00.000Z')) {
      chunks.push(chunk);
      if (chunk.includes('id="f-')) assert.equal(read.filter((r) => r.startsWith('figures')).length, chunks.filter((c) => c.includes('id="f-')).length, 'no page read ahead');
    }
    assert.equal(chunks.filter((c) => c.includes('id="f-')).length, 2, 'a chunk per page of figures');
    assert.match(chunks.join(''), /<mark>3 killed<\/mark>/);
  });

  it('writes every extraction as one valid AnnotationCollection whose total is its number of items', () => withServer(async ({ app }) => {
    const r = await app.inject('/api/export/annotations.jsonld');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^application\/ld\+json; profile=.*; charset=utf-8$/);
    const x = r.json<{ total: number; first: { items: unknown[] } }>();
    assert.ok(x.total > 0);
    assert.equal(x.first.items.length, x.total);
  }));
});
