/** PDF: the text of every page (pdfjs-dist, no worker), where each page starts, and the info dictionary. */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fileURLToPath } from 'node:url';
import type { DocumentMeta } from '../../../domain/types.js';
import type { FormatOptions, FormatResult } from '../types.js';
import { AppError } from '../../../domain/errors.js';
import { edtfDay, edtfMonth } from '../metadata/dates.js';
import { joinPageText } from './pdf-text.js';
import { DEFAULT_INFLATE_BUDGET, inflatedSize } from './pdf-inflate.js';
import { checkDeadline, checkTextLength, DEFAULT_MAX_TEXT } from '../limits.js';
import type { PositionedText } from './pdf-text.js';

const PDF_JS = import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs');
// CJK character maps, read from the package when a PDF needs them (never fetched). The standard
// font files are left out on purpose: text needs only the metrics pdfjs has built in, and loading
// them doubles the time per document.
const CMAPS = fileURLToPath(new URL('../../cmaps/', PDF_JS));

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

/** pdfjs, loaded on the first PDF: it is large, and most runs (and every non-ingest command) never need it. */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((lib) => {
    // In Node pdfjs runs its "worker" on the main thread, importing it from workerSrc; naming the
    // file ourselves keeps that working when this module is bundled or run from another directory.
    lib.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.mjs', PDF_JS).href;
    return lib;
  });
  return pdfjs;
}

/** Separates pages in the text; `pageStarts` says where each page begins. */
export const PAGE_SEPARATOR = '\n\n';

/** A PDF date (`D:20240226103000+03'00'`) as EDTF (`2024-02-26`), taking the day as written. */
export function pdfDateToEdtf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!m) return undefined;
  if (m[3]) return edtfDay(+m[1], +m[2], +m[3]);
  if (m[2]) return edtfMonth(+m[1], +m[2]);
  return m[1];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : undefined;
}

/** Titles that name the file rather than the report ("Microsoft Word - draft.docx", "Untitled"). */
function usefulTitle(v: unknown): string | undefined {
  const t = str(v)?.replace(/^Microsoft (?:Word|PowerPoint) - /, '');
  if (!t || /^untitled\b/i.test(t) || /\.(?:docx?|odt|rtf|pdf|indd|pages|txt)$/i.test(t)) return undefined;
  return t;
}

async function pdfMeta(pdf: PDFDocumentProxy): Promise<DocumentMeta> {
  const { info } = await pdf.getMetadata();
  const dict = (info ?? {}) as Record<string, unknown>;
  const meta: DocumentMeta = {
    title: usefulTitle(dict.Title),
    author: str(dict.Author),
    published: pdfDateToEdtf(dict.CreationDate),
    language: str(dict.Language),
  };
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as DocumentMeta;
}

async function pageText(pdf: PDFDocumentProxy, n: number): Promise<string> {
  const page = await pdf.getPage(n);
  try {
    const content = await page.getTextContent();
    return joinPageText(content.items.filter((i): i is PositionedText & typeof i => 'str' in i));
  } finally {
    page.cleanup();
  }
}

function parseError(path: string, err: unknown): AppError {
  const name = (err as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') {
    return new AppError('E_PARSE', `${path}: the PDF is encrypted (password-protected)`, { cause: err, details: { path } });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new AppError('E_PARSE', `${path}: not a readable PDF (${reason})`, { cause: err, details: { path } });
}

/** Refuses a PDF whose compressed streams expand beyond the budget, before pdfjs holds them. */
function checkInflation(bytes: Uint8Array, path: string): void {
  const { ratio, floor, cap } = DEFAULT_INFLATE_BUDGET;
  const limit = Math.min(cap, Math.max(floor, ratio * bytes.length));
  if (inflatedSize(bytes, limit) !== undefined) return;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  throw new AppError('E_TOO_LARGE', `${path}: the PDF's compressed streams expand to more than ${mb(limit)} (${ratio} times its ${mb(bytes.length)}, at least ${mb(floor)}, at most ${mb(cap)}): a decompression bomb, or too large to read`,
    { details: { path, limit } });
}

/**
 * Reads a PDF report. Pages are joined with a blank line and `pageStarts[i]` is where page
 * i + 1 begins in the text. A page that fails alone is logged and left empty; an encrypted or
 * corrupt file is `E_PARSE`; a PDF with no text layer (a scan) is `E_EMPTY`.
 */
export async function readPdf(bytes: Uint8Array, opts: FormatOptions): Promise<FormatResult> {
  checkInflation(bytes, opts.path);
  const maxText = opts.maxText ?? DEFAULT_MAX_TEXT;
  const { getDocument } = await loadPdfjs();
  // pdfjs may take ownership of the buffer it is given; the caller's bytes stay untouched.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    cMapUrl: CMAPS,
    cMapPacked: true,
  });
  try {
    let pdf: PDFDocumentProxy;
    try {
      pdf = await task.promise;
    } catch (err) {
      throw parseError(opts.path, err);
    }
    const meta = await pdfMeta(pdf).catch(() => ({}));
    let text = '';
    const pageStarts: number[] = [];
    let failed = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      if (n > 1) text += PAGE_SEPARATOR;
      pageStarts.push(text.length);
      checkDeadline(opts.path, opts.deadline, opts.maxSeconds, `reading ${pdf.numPages} pages`);
      try {
        text += await pageText(pdf, n);
      } catch (err) {
        failed++;
        opts.logger.warn(`${opts.path}: page ${n} could not be read; left empty`, { path: opts.path, page: n, error: String(err) });
      }
      // Stop at the limit rather than read the rest of a text bomb.
      checkTextLength(opts.path, text.length, maxText, `PDF extraction (page ${n} of ${pdf.numPages})`, n < pdf.numPages);
    }
    if (failed > 0 && failed === pdf.numPages) throw parseError(opts.path, new Error('no page could be read'));
    if (text.trim() === '') {
      throw new AppError('E_EMPTY', `${opts.path}: the PDF has no text layer (a scan needs OCR first)`, { details: { path: opts.path } });
    }
    return { text, meta, pageStarts };
  } finally {
    await task.destroy();
  }
}
