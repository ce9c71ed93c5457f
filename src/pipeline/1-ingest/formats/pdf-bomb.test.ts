/** PDF: a text bomb and a flate bomb are refused with their reason, quickly and without holding what they expand to. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { readPdf } from './pdf.js';
import { inflatedSize } from './pdf-inflate.js';
import { readFormat } from '../read.js';
import { silentLogger } from '../../../domain/logger.js';
import { isAppError } from '../../../domain/errors.js';

/** A PDF of `pages` pages, each drawing `perPage` characters of invented text. */
async function textPdf(pages: number, perPage: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = 'Relief teams counted the shelters of the Orlin valley again. ';
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([600, 800]);
    let left = perPage;
    for (let y = 780; left > 0; y -= 1) {
      const s = line.repeat(Math.ceil(Math.min(left, 2000) / line.length)).slice(0, Math.min(left, 2000));
      page.drawText(s, { x: 10, y: Math.max(y, 10), size: 1, font });
      left -= s.length;
    }
  }
  return doc.save();
}

/** A one-page PDF that also holds a FlateDecode stream of `inflated` zero bytes (a flate bomb). */
async function flateBomb(inflated: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 300]).drawText('Forty people were killed, officials said.', { x: 10, y: 150, size: 10, font });
  const zeros = deflateSync(Buffer.alloc(inflated), { level: 9 });
  const stream = doc.context.stream(zeros, { Filter: 'FlateDecode', Length: zeros.length });
  doc.catalog.set(PDFName.of('Bomb'), doc.context.register(stream));
  return doc.save({ useObjectStreams: false });
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(isAppError(e, 'E_TOO_LARGE'), String(e));
    return e.message;
  }
  assert.fail('expected a refusal');
}

test('measures how far a PDF\'s flate streams expand, and stops at the limit', async () => {
  const pdf = await flateBomb(4 * 1024 * 1024);
  const size = inflatedSize(pdf, 64 * 1024 * 1024)!;
  assert.ok(size >= 4 * 1024 * 1024 && size < 4.2 * 1024 * 1024, String(size));
  assert.equal(inflatedSize(pdf, 1024 * 1024), undefined);
});

test('refuses a flate bomb (200 KB that inflates to 200 MB) before parsing it, saying why', async () => {
  const pdf = await flateBomb(200 * 1024 * 1024);
  assert.ok(pdf.length < 400 * 1024, `${pdf.length} bytes`);
  const started = performance.now();
  const message = await refusal(readPdf(pdf, { path: 'bomb.pdf', logger: silentLogger }));
  assert.match(message, /^bomb\.pdf: the PDF's compressed streams expand to more than [\d.]+ MB \(100 times its 0\.\d MB, at least 16\.0 MB, at most 512\.0 MB\): a decompression bomb/);
  assert.ok(performance.now() - started < 10_000, `refused quickly (${Math.round(performance.now() - started)} ms)`);
});

test('refuses a PDF whose text is longer than --max-text, stopping at the page that passes it', async () => {
  const pdf = await textPdf(20, 3000);
  const message = await refusal(readFormat('pdf', pdf, { path: 'long.pdf', logger: silentLogger, maxText: 10_000 }));
  assert.match(message, /^long\.pdf: the text is over \d+ k characters after PDF extraction \(page (\d+) of 20\), over the 10 k-character limit \(--max-text\)$/);
  assert.ok(Number(/page (\d+)/.exec(message)![1]) < 10, 'it stopped early');
  const whole = await readFormat('pdf', pdf, { path: 'long.pdf', logger: silentLogger, maxText: 100_000 });
  assert.ok(whole.text.length > 40_000, String(whole.text.length));
});

test('refuses a text file whose decoded text is longer than --max-text', async () => {
  const bytes = new TextEncoder().encode('Forty people were killed. '.repeat(1000));
  assert.match(await refusal(readFormat('txt', bytes, { path: 'a.txt', logger: silentLogger, maxText: 5000 })), /^a\.txt: the text is 26 k characters after decoding, over the 5000-character limit/);
  const html = new TextEncoder().encode(`<html><body><article><p>${'Forty people were killed in the valley. '.repeat(500)}</p></article></body></html>`);
  assert.match(await refusal(readFormat('html', html, { path: 'a.html', logger: silentLogger, maxText: 5000 })), /after HTML extraction/);
});

test('gives up on a PDF whose pages take longer than the time budget', async () => {
  const pdf = await textPdf(3, 100);
  const message = await refusal(readPdf(pdf, { path: 'slow.pdf', logger: silentLogger, deadline: performance.now() - 1, maxSeconds: 5 }));
  assert.match(message, /^slow\.pdf: reading 3 pages took longer than 5 s \(--max-seconds\)$/);
});

test('a text just past --max-text is refused with the exact lengths, not two equal rounded ones', async () => {
  const bytes = new TextEncoder().encode('x'.repeat(20_003));
  assert.match(await refusal(readFormat('txt', bytes, { path: 'a.txt', logger: silentLogger, maxText: 20_000 })),
    /^a\.txt: the text is 20,003 characters after decoding, over the 20,000-character limit \(--max-text\)$/);
});
