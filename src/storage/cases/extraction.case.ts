/** Shared cases: extractions round-trip exactly, unicode text, replacement, re-extraction. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isAppError } from '../../domain/errors.js';
import type { Count, Extraction } from '../../domain/types.js';
import type { StoreFactory } from '../store.js';
import { count, date, floodReport, numberedReport, report, spanOf, withStore } from './fixtures.case.js';

const LEDGER = 'The Harrow committee counted 120 displaced families, among them 35 women and 20 children. ' +
  'Last year, by its own account, about 40 people were missing. Unofficial tallies said 400.';

/** A report exercising every optional field: attributions with and without span/kind, partOf, relative. */
function ledgerReport() {
  const t = LEDGER;
  const counts: Count[] = [
    count(t, '120 displaced families', 120, { measure: 'displaced', unit: 'families',
      attribution: { text: 'The Harrow committee counted', source: 'the Harrow committee', span: spanOf(t, 'The Harrow committee counted') } }),
    count(t, '35 women', 35, { measure: 'displaced', group: 'women', partOf: 0 }),
    count(t, '20 children', 20, { measure: 'displaced', group: 'children', partOf: 0 }),
    count(t, 'about 40 people', 40, { measure: 'missing', min: 35, max: 45, approximate: true,
      attribution: { text: 'by its own account', source: 'the committee' } }),
    count(t, '400', 400, { measure: 'missing', min: null, attribution: { text: 'Unofficial tallies said', source: 'unofficial tallies', kind: 'unofficial' } }),
  ];
  const dates = [date(t, 'Last year', '2019', true), date(t, 'Harrow', 'XXXX', false)];
  return report({ path: 'ledger.md', format: 'md', text: t, meta: { published: '2020-02-01' }, counts, dates });
}

/** Register the extraction cases against `newStore`. */
export function extractionCases(newStore: StoreFactory): void {
  it('keeps every field and span of counts and dates exactly as given', async () => withStore(newStore, async (store) => {
    const r = ledgerReport();
    await store.addReport(r.doc, r.extraction, r.original);
    assert.deepEqual(await store.getExtraction(r.doc.id), r.extraction);
  }));

  it('keeps text with Xocalı, Hocalı and emoji as given, spans still pointing at the words', async () => withStore(newStore, async (store) => {
    const text = 'Spelling note 🗺️: Xocalı and Hocalı are two spellings of one place name in this invented notice. 👩‍👧 In it, 17 volunteers were injured.';
    const r = report({ path: 'notice-ı.txt', text, counts: [count(text, '17 volunteers', 17, { measure: 'injured' })], dates: [] });
    await store.addReport(r.doc, r.extraction, r.original);
    const doc = await store.getDocument(r.doc.id);
    assert.equal(doc?.text, text);
    assert.equal(doc?.name, 'notice-ı.txt');
    const [c] = (await store.getExtraction(r.doc.id))!.counts;
    assert.equal(doc!.text.slice(c.span.start, c.span.end), '17 volunteers');
    assert.equal((await store.search('Xocalı')).items[0]?.documentId, r.doc.id);
    assert.equal((await store.search('hocalı')).items[0]?.documentId, r.doc.id);
  }));

  it('replaces an extraction as a whole', async () => withStore(newStore, async (store) => {
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    const next: Extraction = { counts: [r.extraction.counts[1]], dates: [] };
    await store.replaceExtraction(r.doc.id, next);
    assert.deepEqual(await store.getExtraction(r.doc.id), next);
    assert.equal((await store.getDocument(r.doc.id))?.text, r.doc.text);
  }));

  it('keeps the old extraction when the replacement holds an invalid row', async () => withStore(newStore, async (store) => {
    const r = floodReport();
    await store.addReport(r.doc, r.extraction, r.original);
    const bad = { ...r.extraction.counts[0], quote: null } as unknown as Count;
    await assert.rejects(store.replaceExtraction(r.doc.id, { counts: [r.extraction.counts[1], bad], dates: [] }),
      (e: unknown) => isAppError(e, 'E_BAD_INPUT'));
    assert.deepEqual(await store.getExtraction(r.doc.id), r.extraction);
  }));

  it('yields every text for re-extraction, even while extractions are replaced', async () => withStore(newStore, async (store) => {
    const inputs = Array.from({ length: 70 }, (_, i) => numberedReport('re', i));
    await store.addReports(inputs);
    const seen: string[] = [];
    for await (const { id, text, meta } of store.allTexts()) {
      seen.push(id);
      assert.ok(text.startsWith('Bulletin re-'));
      assert.ok(meta.title?.startsWith('Bulletin re'));
      await store.replaceExtraction(id, { counts: [], dates: [] });
    }
    assert.deepEqual(seen, inputs.map((r) => r.doc.id));
    assert.equal((await store.stats()).counts, 0);
  }));
}
