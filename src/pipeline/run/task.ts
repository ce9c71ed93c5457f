/** The work one worker does for one file: read it, extract from it. Runs in a worker or inline. */
import { readBytes, readBytesSync, reportFromBytes, readSidecar, readSidecarSync } from '../1-ingest/index.js';
import { extract } from '../2-extract/index.js';
import { isAppError } from '../../domain/errors.js';
import type { ErrorCode } from '../../domain/errors.js';
import type { Extraction, ReportDocument } from '../../domain/types.js';
import type { Derived } from '../../storage/row-types.js';
import { deriveReport } from './derive.js';
import type { Logger } from '../../domain/logger.js';
import { silentLogger } from '../../domain/logger.js';
import { parseEdtf } from '../../nlp/edtf.js';

/** A file to read and extract. */
export interface FileTask {
  path: string;
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
  maxSize: number;
  maxText?: number;
  maxSeconds?: number;
}

/** The task for the file at `i` of `list`. */
export function taskAt(list: FileList, i: number): FileTask {
  return { path: list.paths[i]!, maxSize: list.maxSize, maxText: list.maxText, maxSeconds: list.maxSeconds, sidecar: list.sidecars?.[i] };
}

/** What came of one file: a document with its extraction and bytes, or a failure with its reason. */
export type FileOutcome =
  | { ok: true; path: string; doc: ReportDocument; extraction: Extraction; original: Uint8Array; derived: Derived }
  | { ok: false; path: string; code: ErrorCode | 'E_INTERNAL'; message: string };

/** Reads and extracts one file; never throws (a failure is an outcome). `sync` reads without the event loop (a worker). */
export async function runFileTask(task: FileTask, logger: Logger = silentLogger, opts: { sync?: boolean } = {}): Promise<FileOutcome> {
  try {
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

// Metadata dates come from the outside world: a malformed one must not fail the report.
function validPublished(p: string | undefined): string | undefined {
  return p && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(p) && parseEdtf(p) !== null ? p : undefined;
}
