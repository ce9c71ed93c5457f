/** Decides which reader a file goes to: by its extension, corrected by sniffing its first bytes. */
import { extname } from 'node:path';
import type { DocumentFormat } from '../../domain/types.js';
import { AppError } from '../../domain/errors.js';

/** Extensions the ingest stage reads (lower case, with the dot), and the format of each. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

/** The suffix of a metadata sidecar: `report.txt.meta.json` describes `report.txt`. */
export const SIDECAR_SUFFIX = '.meta.json';

/** The format a file name implies, or undefined when its extension is not one we read. */
export function formatOfName(name: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(name).toLowerCase()];
}

/** True when the bytes open with the PDF magic `%PDF-` (after white space at most). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64)).toString('latin1');
  return /^\s*%PDF-/.test(head);
}

/**
 * The format to read `bytes` as. The bytes win over the name when they are a PDF, because a
 * PDF saved as `.txt` would otherwise fail as "binary" with a misleading reason. (A `.pdf` may
 * have junk before its magic, which pdfjs tolerates, so its name is enough.)
 */
export function detectFormat(path: string, bytes: Uint8Array): DocumentFormat {
  if (looksLikePdf(bytes)) return 'pdf';
  const byName = formatOfName(path);
  if (byName) return byName;
  const ext = extname(path) || '(no extension)';
  throw new AppError('E_UNSUPPORTED_FORMAT', `${path}: expected .txt, .md, .html or .pdf, got ${ext}`, { details: { path } });
}
