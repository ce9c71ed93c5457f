/** Test support for the ingest stage (not built): the fixture folder, and PDFs made with pdf-lib. */
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import type { PDFDict } from 'pdf-lib';

/** test/fixtures/ingest/, with a trailing slash. */
export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/ingest/', import.meta.url));

/** The lines of each page of `makeTwoPagePdf`; '' leaves a blank line (a paragraph gap). */
export const PDF_PAGES: string[][] = [
  ['Relief convoy reaches Orlin valley', '', 'Twelve trucks crossed the bridge at Varnel', 'on Tuesday morning, the aid office said.', '', 'Drivers reported 30 families still cut off.'],
  ['A second convoy is planned for Friday.'],
];

/** The text `readPdf` should make of `makeTwoPagePdf`: lines joined by \n, paragraphs by \n\n, pages by \n\n. */
export const PDF_TEXT = PDF_PAGES.map((lines) => lines.join('\n').replace(/\n\n+/g, '\n\n')).join('\n\n');

/**
 * A two-page PDF with an info dictionary (title, author, creation date 2022-11-08 in UTC+3),
 * each line drawn as a few separate pieces so that word gaps must be found from positions.
 */
export async function makeTwoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle('Relief convoy reaches Orlin valley');
  doc.setAuthor('Orlin Aid Office');
  for (const lines of PDF_PAGES) {
    const page = doc.addPage([420, 420]);
    let y = 380;
    for (const line of lines) {
      let x = 36;
      for (const word of line.split(' ').filter(Boolean)) {
        page.drawText(word, { x, y, size: 12, font });
        x += font.widthOfTextAtSize(`${word} `, 12);
      }
      y -= 15;
    }
  }
  // pdf-lib writes dates in UTC; a local time with its offset checks that the day is taken as written.
  const info = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
  info.set(PDFName.of('CreationDate'), PDFString.of("D:20221108013000+03'00'"));
  return doc.save();
}
