/** Reads one report file into a `ReportDocument`: bytes, hash, format, text, metadata. */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DocumentFormat, DocumentMeta, ReportDocument } from '../../domain/types.js';
import type { Logger } from '../../domain/logger.js';
import type { FormatOptions, FormatResult, ReadOptions } from './types.js';
import { AppError } from '../../domain/errors.js';
import { silentLogger } from '../../domain/logger.js';
import { DEFAULT_MAX_SIZE } from './types.js';
import { checkTextLength, DEFAULT_MAX_SECONDS, DEFAULT_MAX_TEXT } from './limits.js';
import { detectFormat, looksLikePdf } from './format.js';
import { readTxt } from './formats/txt.js';
import { readMarkdown } from './formats/markdown.js';
import { readPdf } from './formats/pdf.js';
import { withInferredMeta } from './metadata/infer.js';
import { applySidecar, readSidecar, SIDECAR_MAX_LENGTH } from './metadata/sidecar.js';
import type { SidecarMeta } from './metadata/sidecar.js';

/** "52.4 MB", "812 B": sizes as a person reads them in an error message. */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fsError(path: string, err: unknown): AppError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const details = { path, errno: code };
  if (code === 'ENOENT') return new AppError('E_NOT_FOUND', `${path}: no such file`, { cause: err, details });
  if (code === 'EACCES' || code === 'EPERM') return new AppError('E_UNREADABLE', `${path}: permission denied`, { cause: err, details });
  if (code === 'EISDIR') return new AppError('E_UNREADABLE', `${path}: is a folder, not a file`, { cause: err, details });
  return new AppError('E_UNREADABLE', `${path}: cannot be read (${code ?? String(err)})`, { cause: err, details });
}

/** The file's bytes, refused before reading when the file is larger than `maxSize`. */
export async function readBytes(path: string, maxSize: number = DEFAULT_MAX_SIZE): Promise<Uint8Array> {
  let handle;
  try {
    // Non-blocking, so that a named pipe given as a report is refused below instead of hanging here.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw fsError(path, err);
  }
  try {
    // fstat on the open handle, so the size checked is the size of the file we then read.
    checkFile(path, await handle.stat(), maxSize);
    return await handle.readFile();
  } catch (err) {
    throw err instanceof AppError ? err : fsError(path, err);
  } finally {
    await handle.close();
  }
}

/**
 * `readBytes` without the event loop: four system calls instead of four round trips through
 * the thread pool, which for a report of a few kilobytes cost more than reading it. For a
 * worker thread, which has nothing else to do meanwhile.
 */
export function readBytesSync(path: string, maxSize: number = DEFAULT_MAX_SIZE): Uint8Array {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw fsError(path, err);
  }
  try {
    const info = fstatSync(fd);
    checkFile(path, info, maxSize);
    // Its own buffer (never a slice of a shared pool), so it can be transferred between threads.
    // The size read is the size fstat gave: a file that grows meanwhile is read as it was then,
    // as if it had been read a moment earlier; one that shrinks is read as far as it goes.
    const bytes = new Uint8Array(new ArrayBuffer(info.size));
    let n = 0;
    while (n < bytes.length) {
      const r = readSync(fd, bytes, n, bytes.length - n, null);
      if (r === 0) break;
      n += r;
    }
    return n === bytes.length ? bytes : new Uint8Array(bytes.buffer.slice(0, n));
  } catch (err) {
    throw err instanceof AppError ? err : fsError(path, err);
  } finally {
    closeSync(fd);
  }
}

function checkFile(path: string, info: { size: number; isDirectory(): boolean; isFile(): boolean }, maxSize: number): void {
  if (info.isDirectory()) throw fsError(path, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  if (!info.isFile()) throw new AppError('E_UNREADABLE', `${path}: not a regular file`, { details: { path } });
  if (info.size > maxSize) throw tooLarge(path, info.size, maxSize);
}

/** The refusal of a file or body of `bytes` over `maxSize`, in the words every way in uses. */
export function tooLarge(path: string, bytes: number, maxSize: number): AppError {
  return new AppError('E_TOO_LARGE', `${path}: the file is ${size(bytes)}, over the ${size(maxSize)} limit`, { details: { path, size: bytes, maxSize } });
}

const FROM: Readonly<Record<DocumentFormat, string>> = { txt: 'decoding', md: 'decoding', html: 'HTML extraction', pdf: 'PDF extraction' };

/**
 * Turns bytes into text and stated metadata with the reader for `format`; a text longer than
 * `opts.maxText` is refused (`--max-size` bounds the bytes, this what they expand to).
 */
export async function readFormat(format: DocumentFormat, bytes: Uint8Array, opts: FormatOptions): Promise<FormatResult> {
  const result = await readFormatText(format, bytes, opts);
  checkTextLength(opts.path, result.text.length, opts.maxText ?? DEFAULT_MAX_TEXT, FROM[format]);
  return result;
}

async function readFormatText(format: DocumentFormat, bytes: Uint8Array, opts: FormatOptions): Promise<FormatResult> {
  switch (format) {
    case 'txt':
      return readTxt(bytes, opts.path);
    case 'md':
      return readMarkdown(bytes, opts.path);
    case 'html':
      // Loaded on the first HTML file: the DOM it needs takes a quarter of a second to load,
      // which a folder of text files (and every other command) should not pay.
      return (await import('./formats/html.js')).readHtml(bytes, opts);
    case 'pdf':
      return readPdf(bytes, opts);
  }
}

/**
 * Metadata a file states about itself, cut to the lengths a sidecar may have: a 5-million-character
 * `<title>` is a fault of the file, not a title. Text is cut at a character with "…"; a URL too long
 * to be whole is dropped, since a cut one would lead elsewhere.
 */
export function boundedMeta(meta: DocumentMeta): DocumentMeta {
  const out: DocumentMeta = { ...meta };
  for (const field of ['title', 'publisher', 'author', 'published', 'url', 'language'] as const) {
    const v = out[field];
    const max = SIDECAR_MAX_LENGTH[field];
    if (typeof v !== 'string' || v.length <= max) continue;
    if (field === 'url' || field === 'published' || field === 'language') delete out[field];
    else out[field] = `${[...v.slice(0, max)].slice(0, -1).join('')}…`;
  }
  return out;
}

/** Options for `reportFromBytes`: what `readReport` knows besides the bytes. */
export interface FromBytesOptions {
  logger?: Logger;
  /** Metadata from a sidecar, laid over everything else. */
  sidecar?: SidecarMeta;
  now?: Date;
  /** Most characters of text (default 20 M). */
  maxText?: number;
  /** Most seconds reading may take (default 120), counted from the call. */
  maxSeconds?: number;
  /** The format, when something other than the path's extension says it (a fetched page's content type). */
  format?: DocumentFormat;
}

/**
 * Builds a report from bytes already read (a worker may be handed them): hash, format, text,
 * stated metadata, then inferred metadata for what is missing, then the sidecar over all.
 */
export async function reportFromBytes(bytes: Uint8Array, path: string, opts: FromBytesOptions = {}): Promise<ReportDocument> {
  const logger = opts.logger ?? silentLogger;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = opts.format !== undefined && !looksLikePdf(bytes) ? opts.format : detectFormat(path, bytes);
  const maxSeconds = opts.maxSeconds ?? DEFAULT_MAX_SECONDS;
  const result = await readFormat(format, bytes, { path, logger, maxText: opts.maxText ?? DEFAULT_MAX_TEXT, maxSeconds, deadline: performance.now() + maxSeconds * 1000 });
  const meta: DocumentMeta = applySidecar(boundedMeta(withInferredMeta(result.meta, result.text, opts.now)), opts.sidecar);
  const doc: ReportDocument = {
    id: sha256.slice(0, 16),
    sha256,
    path,
    name: basename(path),
    format,
    meta,
    text: result.text,
    byteLength: bytes.length,
  };
  if (result.pageStarts) doc.pageStarts = result.pageStarts;
  return doc;
}

/**
 * Reads one report file. Failures are `AppError`s naming the file and the reason: E_NOT_FOUND,
 * E_UNREADABLE, E_TOO_LARGE (checked before reading), E_EMPTY, E_BINARY, E_ENCODING,
 * E_UNSUPPORTED_FORMAT, E_PARSE, and E_BAD_INPUT for a broken `FILE.meta.json` sidecar.
 */
export async function readReport(path: string, opts: ReadOptions = {}): Promise<ReportDocument> {
  const logger = opts.logger ?? silentLogger;
  const bytes = await readBytes(path, opts.maxSize ?? DEFAULT_MAX_SIZE);
  const sidecar = opts.sidecar === false ? undefined : await readSidecar(path, logger);
  return reportFromBytes(bytes, path, { logger, sidecar, now: opts.now, maxText: opts.maxText, maxSeconds: opts.maxSeconds });
}
