/** The work one worker does for one file: read it, extract from it. Runs in a worker or inline. */
import { readBytes, readBytesSync, reportFromBytes, readSidecar, readSidecarSync } from '../1-ingest/index.js';
import { tooLarge } from '../1-ingest/read.js';
import { extract } from '../2-extract/index.js';
import { isAppError } from '../../domain/errors.js';
import type { ErrorCode } from '../../domain/errors.js';
import type { DocumentFormat, DocumentMeta, Extraction, ReportDocument } from '../../domain/types.js';
import type { Derived } from '../../storage/row-types.js';
import { deriveReport } from './derive.js';
import type { Logger } from '../../domain/logger.js';
import { silentLogger } from '../../domain/logger.js';
import { parseEdtf } from '../../nlp/edtf.js';

/**
 * A report that arrived as bytes (an upload, a fetched page) rather than as a file: it is read
 * from these bytes, not from its path, and has no sidecar.
 */
export interface GivenBytes {
  bytes: Uint8Array;
  /** The format when the path's extension does not say it (a fetched page's content type). */
  format?: DocumentFormat;
  /** Metadata for the fields the report does not state itself (a fetched page's address). */
  fallbackMeta?: DocumentMeta;
}

/** A file to read and extract. */
export interface FileTask {
  path: string;
  /** Its bytes, when they are already in memory (then `path` only names it). */
  given?: GivenBytes;
  maxSize: number;
  /** Most characters of text after decoding or extraction (default 20 M). */
  maxText?: number;
  /** Most seconds reading the file may take (default 120). */
  maxSeconds?: number;
  /** Whether a sidecar sits beside the file, when the listing saw (false: none, so none is looked for). */
  sidecar?: boolean;
}

/** A list of files to read: paths, and what the listing knows of their sidecars (see FileTask). */
export interface FileList {
  paths: readonly string[];
  sidecars?: ReadonlyArray<boolean | undefined>;
  /** Per path, its bytes when they are already in memory (see FileTask.given). */
  given?: ReadonlyArray<GivenBytes | undefined>;
  maxSize: number;
  maxText?: number;
  maxSeconds?: number;
}

/** The task for the file at `i` of `list`. */
export function taskAt(list: FileList, i: number): FileTask {
  return { path: list.paths[i]!, maxSize: list.maxSize, maxText: list.maxText, maxSeconds: list.maxSeconds, sidecar: list.sidecars?.[i], given: list.given?.[i] };
}

/** What came of one file: a document with its extraction and bytes, or a failure with its reason. */
export type FileOutcome =
  | { ok: true; path: string; doc: ReportDocument; extraction: Extraction; original: Uint8Array; derived: Derived }
  | { ok: false; path: string; code: ErrorCode | 'E_INTERNAL'; message: string };

/** Reads and extracts one file; never throws (a failure is an outcome). `sync` reads without the event loop (a worker). */
export async function runFileTask(task: FileTask, logger: Logger = silentLogger, opts: { sync?: boolean } = {}): Promise<FileOutcome> {
  try {
    if (task.given) return await fromGiven(task, task.given, logger);
    const original = opts.sync ? readBytesSync(task.path, task.maxSize) : await readBytes(task.path, task.maxSize);
    const sidecar = task.sidecar === false ? undefined : opts.sync ? readSidecarSync(task.path, logger) : await readSidecar(task.path, logger);
    const doc = await reportFromBytes(original, task.path, { logger, sidecar, maxText: task.maxText, maxSeconds: task.maxSeconds });
    const extraction = extract(doc.text, { published: validPublished(doc.meta.published) });
    return { ok: true, path: task.path, doc, extraction, original, derived: deriveReport(doc.text, extraction) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, path: task.path, code: e.code, message: e.message };
    return { ok: false, path: task.path, code: 'E_INTERNAL', message: `${task.path}: could not be processed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Reads and extracts a report from bytes already in memory; throws what reading them throws. */
async function fromGiven(task: FileTask, given: GivenBytes, logger: Logger): Promise<FileOutcome> {
  // Bytes shared with the main thread (pool.ts) are copied out: the outcome's are transferred back.
  const original = given.bytes.buffer instanceof SharedArrayBuffer ? new Uint8Array(given.bytes) : given.bytes;
  if (original.length > task.maxSize) throw tooLarge(task.path, original.length, task.maxSize);
  const doc = await reportFromBytes(original, task.path, { logger, maxText: task.maxText, maxSeconds: task.maxSeconds, format: given.format });
  for (const [k, v] of Object.entries(given.fallbackMeta ?? {}) as Array<[keyof DocumentMeta, string]>) {
    if (k !== 'inferred' && doc.meta[k] === undefined) doc.meta[k] = v;
  }
  const extraction = extract(doc.text, { published: validPublished(doc.meta.published) });
  return { ok: true, path: task.path, doc, extraction, original, derived: deriveReport(doc.text, extraction) };
}

// Metadata dates come from the outside world: a malformed one must not fail the report.
function validPublished(p: string | undefined): string | undefined {
  return p && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(p) && parseEdtf(p) !== null ? p : undefined;
}
