import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf, pdfDateToEdtf } from './pdf.js';
import { joinPageText } from './pdf-text.js';
import type { PositionedText } from './pdf-text.js';
import { silentLogger } from '../../../domain/logger.js';
import { isAppError } from '../../../domain/errors.js';
import { FIXTURES, PDF_TEXT, makeTwoPagePdf } from '../fixtures.case.js';

const opts = { path: 'report.pdf', logger: silentLogger };

test('reads the text of a two-page PDF with lines, paragraphs and pages apart', async () => {
  const result = await readPdf(await makeTwoPagePdf(), opts);
  assert.equal(result.text, PDF_TEXT);
});

test('records where each page of a PDF starts in the text', async () => {
  const { text, pageStarts } = await readPdf(await makeTwoPagePdf(), opts);
  assert.deepEqual(pageStarts, [0, text.indexOf('A second convoy')]);
  assert.equal(text.slice(pageStarts![1] - 2, pageStarts![1]), '\n\n');
});

test('takes title, author and creation day from the PDF info dictionary, the day as written', async () => {
  const { meta } = await readPdf(await makeTwoPagePdf(), opts);
  assert.deepEqual(meta, { title: 'Relief convoy reaches Orlin valley', author: 'Orlin Aid Office', published: '2022-11-08' });
});

test('leaves the caller\'s bytes untouched after reading a PDF', async () => {
  const bytes = await makeTwoPagePdf();
  const copy = new Uint8Array(bytes);
  await readPdf(bytes, opts);
  assert.deepEqual(bytes, copy);
});

test('refuses an encrypted PDF with E_PARSE and says it is encrypted', async () => {
  const bytes = new Uint8Array(await readFile(`${FIXTURES}encrypted.pdf`));
  await assert.rejects(readPdf(bytes, { ...opts, path: 'encrypted.pdf' }), (e) =>
    isAppError(e, 'E_PARSE') && /encrypted\.pdf: .*encrypted/.test(e.message));
});

test('the encrypted fixture is a real encrypted PDF that opens with its password', async () => {
  const data = new Uint8Array(await readFile(`${FIXTURES}encrypted.pdf`));
  const pdf = await getDocument({ data, password: 'crosscheck', verbosity: 0 }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  assert.match(content.items.map((i) => ('str' in i ? i.str : '')).join(''), /locked behind a password/);
  await pdf.destroy();
});

test('refuses a corrupt PDF with E_PARSE', async () => {
  const bytes = new Uint8Array(await readFile(`${FIXTURES}corrupt.pdf`));
  await assert.rejects(readPdf(bytes, { ...opts, path: 'corrupt.pdf' }), (e) => isAppError(e, 'E_PARSE') && e.message.startsWith('corrupt.pdf: '));
});

const piece = (str: string, x: number, y: number, width: number, hasEOL = false, size = 10): PositionedText =>
  ({ str, transform: [size, 0, 0, size, x, y], width, hasEOL });

test('joins pieces on one baseline with a space only where there is a gap', () => {
  assert.equal(joinPageText([piece('Twelve', 0, 100, 30), piece('trucks', 33, 100, 30), piece('s', 63, 100, 5)]), 'Twelve truckss');
});

test('starts a new line at an end-of-line mark or a change of baseline, and a paragraph at a wide gap', () => {
  const items = [piece('one', 0, 100, 15, true), piece('two', 0, 88, 15), piece('three', 0, 76, 20), piece('four', 0, 40, 20)];
  assert.equal(joinPageText(items), 'one\ntwo\nthree\n\nfour');
});

test('drops the empty end-of-line pieces pdfjs emits', () => {
  assert.equal(joinPageText([piece('a', 0, 100, 5), piece('', 0, 88, 0, true), piece('b', 0, 88, 5)]), 'a\nb');
});

for (const [input, expected] of [
  ["D:20240226103000+03'00'", '2024-02-26'],
  ['D:202402', '2024-02'],
  ['D:2024', '2024'],
  ['20240226', '2024-02-26'],
  ['D:20240231', undefined],
  ['yesterday', undefined],
] as const) {
  test(`reads the PDF date "${input}" as ${expected ?? 'nothing'}`, () => {
    assert.equal(pdfDateToEdtf(input), expected);
  });
}
