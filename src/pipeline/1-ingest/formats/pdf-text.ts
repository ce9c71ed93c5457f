/** Joins the positioned text pieces of one PDF page into lines and paragraphs. */

/** The parts of a pdfjs `TextItem` the layout needs. */
export interface PositionedText {
  str: string;
  /** [a, b, c, d, x, y]: the text matrix; `hypot(c, d)` is the font size, (x, y) the baseline start. */
  transform: number[];
  width: number;
  hasEOL: boolean;
}

/** A gap between baselines wider than this many font sizes ends a paragraph, not just a line. */
const PARAGRAPH_GAP = 1.7;
/** A horizontal gap wider than this many font sizes between pieces on one line is a space. */
const WORD_GAP = 0.15;

interface Previous {
  y: number;
  end: number;
  size: number;
  eol: boolean;
}

/**
 * The text of one page, read in content order: pieces on one baseline are joined (with a
 * space where the gap between them is a word gap), a change of baseline or pdfjs's end-of-line
 * mark starts a new line, and a gap of more than 1.7 font sizes starts a new paragraph.
 */
export function joinPageText(items: PositionedText[]): string {
  let out = '';
  let prev: Previous | undefined;
  for (const item of items) {
    const [, , c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || 10;
    // pdfjs marks line ends with empty pieces; they carry no position worth keeping.
    if (item.str === '') {
      if (item.hasEOL && prev) prev.eol = true;
      continue;
    }
    if (prev) {
      const dy = Math.abs(y - prev.y);
      if (prev.eol || dy > Math.min(size, prev.size) * 0.5) {
        out = out.replace(/[ \t]+$/, '');
        out += dy > Math.max(size, prev.size) * PARAGRAPH_GAP ? '\n\n' : '\n';
      } else if (x - prev.end > size * WORD_GAP && !/\s$/.test(out) && !/^\s/.test(item.str)) {
        out += ' ';
      }
    }
    out += item.str;
    prev = { y, end: x + item.width, size, eol: item.hasEOL };
  }
  return out
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
