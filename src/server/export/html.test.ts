/** The one HTML escape, against the usual ways in. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { escapeHtml, markSpan } from './html.js';

const CASES: Array<[string, string]> = [
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
  ['javascript:alert(1)', 'javascript:alert(1)'],
  ['" onmouseover="alert(1)', '&quot; onmouseover=&quot;alert(1)'],
  ["' onfocus='alert(1)", '&#39; onfocus=&#39;alert(1)'],
  ['`template`', '&#96;template&#96;'],
  ['Tom & Jerry &amp;', 'Tom &amp; Jerry &amp;amp;'],
  ['a\u0000b\u001bc\nd', 'abc\nd'],
  ['Xocalı — 613', 'Xocalı — 613'],
];

for (const [input, expected] of CASES) {
  it(`escapes ${JSON.stringify(input)}`, () => assert.equal(escapeHtml(input), expected));
}

it('escapes null and undefined to nothing and numbers to their digits', () => {
  assert.equal(escapeHtml(null), '');
  assert.equal(escapeHtml(undefined), '');
  assert.equal(escapeHtml(613), '613');
});

it('marks a span after escaping each part, so markup in the text stays text', () => {
  const text = 'a <b>42</b> c';
  assert.equal(markSpan(text, { start: 5, end: 7 }), 'a &lt;b&gt;<mark>42</mark>&lt;/b&gt; c');
  assert.equal(markSpan('short', { start: 3, end: 99 }), 'sho<mark>rt</mark>');
});
