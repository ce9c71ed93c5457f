import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/index.js';
import { f1Of, scoreDocument } from './helpers/score.js';
import type { Gold } from './helpers/score.js';

// Eight reports in eight genres, written and annotated blind (without reading the extractor),
// and three more in other genres (see fixtures/extract/README.md).
const dir = join(import.meta.dirname, 'fixtures', 'extract');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { documents: { document: string; counts: Gold[]; dates: Gold[] }[] };

test('extracts the annotated fixture reports with counts F1 >= 0.92 and dates F1 >= 0.95', () => {
  const sum = { counts: { tp: 0, fp: 0, fn: 0 }, dates: { tp: 0, fp: 0, fn: 0 } };
  for (const doc of expected.documents) {
    const text = readFileSync(join(dir, doc.document), 'utf8');
    const s = scoreDocument(text, doc, extract(text));
    for (const k of ['counts', 'dates'] as const) for (const f of ['tp', 'fp', 'fn'] as const) sum[k][f] += s[k][f];
  }
  assert.ok(f1Of(sum.counts) >= 0.92, `counts F1 ${f1Of(sum.counts).toFixed(3)} ${JSON.stringify(sum.counts)}`);
  assert.ok(f1Of(sum.dates) >= 0.95, `dates F1 ${f1Of(sum.dates).toFixed(3)} ${JSON.stringify(sum.dates)}`);
});

test('every span in every fixture holds its quote', () => {
  for (const doc of expected.documents) {
    const text = readFileSync(join(dir, doc.document), 'utf8');
    const r = extract(text);
    for (const x of [...r.counts, ...r.dates]) assert.equal(text.slice(x.span.start, x.span.end), x.quote);
  }
});
