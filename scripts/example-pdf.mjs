// Writes examples/05-field-statement.pdf: a two-page statement, so the example corpus has a PDF
// (page boundaries kept, a figure on each page). Run once: node scripts/example-pdf.mjs
import { writeFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const pages = [
  [
    'Field statement: Kessrin market shelling',
    'Medical Relief Network, 16 June 2021',
    '',
    'Our mobile clinic reached Kessrin on 15 June 2021, the day after the shelling.',
    'According to official data shared with our team, 42 people were killed',
    'and 96 were injured. Our staff treated 31 of the injured.',
  ],
  [
    'Needs',
    '',
    'Around 3,000 residents left the town, most of them for Ardel.',
    'We expect to keep the clinic open until the end of June 2021.',
  ],
];

const pdf = await PDFDocument.create();
pdf.setTitle('Field statement: Kessrin market shelling');
pdf.setAuthor('Medical Relief Network');
pdf.setCreationDate(new Date('2021-06-16T09:00:00Z'));
pdf.setModificationDate(new Date('2021-06-16T09:00:00Z'));
const font = await pdf.embedFont(StandardFonts.Helvetica);
for (const lines of pages) {
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: i === 0 ? 15 : 11, font }));
}
writeFileSync(new URL('../examples/05-field-statement.pdf', import.meta.url), await pdf.save({ useObjectStreams: false }));
