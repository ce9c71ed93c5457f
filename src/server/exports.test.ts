/** API: CSV, JSON, Web Annotation and HTML exports of the record. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FiguresExport } from './api-types.js';
import { codePointMapper } from './export/annotations.js';
import { csvField } from './export/csv.js';
import { REPORTS, withServer } from './fixtures.case.js';

interface Annotation {
  id: string;
  body: Array<{ purpose: string; value: string }>;
  target: { source: string; selector: [{ type: string; exact: string; prefix: string; suffix: string }, { type: string; start: number; end: number }] };
  extracted: { span: { start: number; end: number } };
  reviewed?: unknown;
}

describe('figures exports', () => {
  it('gives one CSV row per value, with a header', () => withServer(async ({ app }) => {
    const r = await app.inject('/api/export/figures.csv');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(r.headers['content-disposition'] as string, /attachment; filename="figures\.csv"/);
    const lines = r.body.trimEnd().split('\r\n');
    assert.ok(lines[0]!.startsWith('figure_id,event,event_label,measure,group,unit,value,min,max'));
    assert.ok(lines.some((l) => /,killed,all,people,37,37,37,/.test(l)));
  }));

  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField(null), '');
    assert.equal(csvField(12), '12');
  });

  it('gives every figure with its evidence as JSON', () => withServer(async ({ app }) => {
    const r = await app.inject('/api/export/figures.json');
    assert.equal(r.statusCode, 200);
    const x = r.json<FiguresExport>();
    assert.ok(x.figures.length > 0);
    const evidence = x.figures.flatMap((f) => f.values.flatMap((v) => v.evidence));
    assert.ok(evidence.length > 0 && evidence.every((m) => m.sentence.text.length > 0));
    for (const m of evidence) assert.ok(x.documents[m.document.id]);
  }));
});

describe('annotations.jsonld', () => {
  it('anchors every extraction by quote with prefix and suffix, and by position, on urn:sha256', () => withServer(async ({ app, store }) => {
    const r = await app.inject('/api/export/annotations.jsonld');
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/);
    const c = r.json<{ '@context': unknown[]; type: string; total: number; first: { items: Annotation[] } }>();
    assert.equal(c['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(c.type, 'AnnotationCollection');
    const stats = await store.stats();
    assert.equal(c.total, stats.counts + stats.dates);
    const docs = (await store.listDocuments()).items;
    for (const a of c.first.items) {
      const doc = docs.find((d) => a.target.source === `urn:sha256:${d.sha256}`)!;
      assert.ok(doc, a.target.source);
      const text = REPORTS.find((x) => x.path === doc.path)!.text;
      const [quote, position] = a.target.selector;
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.equal(quote.exact, text.slice(a.extracted.span.start, a.extracted.span.end));
      assert.ok(text.includes(quote.prefix + quote.exact + quote.suffix));
      assert.ok(quote.prefix.length <= 32 && quote.suffix.length <= 32);
      assert.deepEqual([position.type, position.start, position.end], ['TextPositionSelector', a.extracted.span.start, a.extracted.span.end]);
      assert.ok(a.body.some((b) => b.purpose === 'tagging'));
    }
  }));

  it('counts positions in code points, as the W3C model asks, not UTF-16 units', () => {
    const text = 'a😀b 42 c';
    const cp = codePointMapper(text);
    const at = text.indexOf('42');
    assert.equal(at, 5);
    assert.equal(cp(at), 4);
    assert.equal(cp(text.length), [...text].length);
    assert.equal(codePointMapper('plain')(3), 3);
  });
});

describe('report.html', () => {
  it('escapes every piece of document text and forbids scripts by policy', () => withServer(async ({ app }) => {
    const r = await app.inject('/api/export/report.html');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    const csp = r.headers['content-security-policy'] as string;
    assert.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    assert.doesNotMatch(csp, /unsafe-inline|script-src/);
    const html = r.body;
    assert.ok(!html.includes('<script'), 'no script element');
    assert.ok(!/<img/i.test(html), 'no image element');
    assert.ok(!/href=|src=["']?javascript/i.test(html), 'no links built from data');
    assert.ok(!/\son\w+=/i.test(html.replace(/&lt;img src=x onerror=alert\(1\)&gt;/g, '')), 'no live event handler attribute');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the hostile sentence is shown, escaped');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;'), 'the hostile title is shown, escaped');
    assert.ok(html.includes('Hostile &lt;b&gt;Gazette&lt;/b&gt;'));
    assert.ok(html.includes('javascript:alert(1)'), 'a javascript: url is text, not a link');
    assert.ok(html.includes('Dam fails above Vessany') && html.includes('<mark>37 people</mark>'));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const { createHash } = await import('node:crypto');
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'the policy admits exactly the report\'s stylesheet');
  }));
});
