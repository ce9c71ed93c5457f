/**
 * Reads `FILE.meta.json`, the sidecar a curator writes to correct a report's metadata.
 * A broken sidecar is an error, not a warning: identity is the hash of the report's bytes, so
 * ingesting it with the wrong metadata would make a later, fixed run skip it as "already ingested".
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { DocumentMeta } from '../../../domain/types.js';
import type { Logger } from '../../../domain/logger.js';
import { AppError } from '../../../domain/errors.js';
import { isEdtf, toEdtf } from './dates.js';
import { SIDECAR_SUFFIX } from '../format.js';
import { parseEdtf } from '../../../nlp/edtf.js';

/** The fields a sidecar may set; `null` (or "") removes a field (an inferred author that is wrong). */
export type SidecarMeta = { [K in keyof Omit<DocumentMeta, 'inferred'>]?: string | null };

const FIELDS = ['title', 'publisher', 'author', 'published', 'url', 'language'] as const;

/** Longest value of each field: a title is a line, not a chapter; a URL fits any browser. */
export const SIDECAR_MAX_LENGTH: Readonly<Record<(typeof FIELDS)[number], number>> = {
  title: 1000, publisher: 300, author: 300, published: 100, url: 2048, language: 35,
};

/** The sidecar's own file is read only up to this size: a sidecar is a few lines of JSON. */
export const SIDECAR_MAX_BYTES = 64 * 1024;

/** True for "2024-02-30", "2024-13": the shape of a calendar date, but no day or month there is. */
function impossibleDay(v: string): boolean {
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(v) && parseEdtf(v) === null;
}

function invalid(path: string, reason: string, cause?: unknown): AppError {
  return new AppError('E_BAD_INPUT', `${path}: invalid metadata sidecar: ${reason}`, { cause, details: { path } });
}

/** Checks a parsed sidecar and returns its fields; `published` is normalised to EDTF. */
export function parseSidecar(value: unknown, path: string, logger: Logger): SidecarMeta {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, 'expected a JSON object');
  const out: SidecarMeta = {};
  for (const [key, v] of Object.entries(value)) {
    const field = FIELDS.find((f) => f === key);
    if (!field) {
      // Extra keys (a curator's note) are allowed, but a misspelt field should not pass unseen.
      logger.warn(`${path}: metadata sidecar key "${key}" is not a metadata field; ignored`, { path, key });
      continue;
    }
    if (v !== null && typeof v !== 'string') throw invalid(path, `"${key}" must be a string or null`);
    if (typeof v === 'string' && v.trim().length > SIDECAR_MAX_LENGTH[field]) {
      throw invalid(path, `"${key}" is ${v.trim().length.toLocaleString('en-US')} characters long; at most ${SIDECAR_MAX_LENGTH[field]} are accepted`);
    }
    if (field === 'published' && typeof v === 'string') {
      const edtf = isEdtf(v) ? v : toEdtf(v);
      if (!edtf) throw invalid(path, `"published" is not a date: ${JSON.stringify(v)} (write it as 2024-02-26, 2024-02 or 2024)`);
      // The sidecar's own reason, not the --published flag's that extraction would give.
      if (impossibleDay(edtf)) throw invalid(path, `"published" is not a day of the calendar: ${JSON.stringify(v)}`);
      out.published = edtf;
    } else {
      out[field] = typeof v === 'string' && v.trim() ? v.trim() : null;
    }
  }
  return out;
}

/** Reads the sidecar of `reportPath` if there is one; undefined when there is none. */
export async function readSidecar(reportPath: string, logger: Logger): Promise<SidecarMeta | undefined> {
  const path = reportPath + SIDECAR_SUFFIX;
  let raw: string;
  try {
    const info = await stat(path);
    if (info.size > SIDECAR_MAX_BYTES) throw tooBig(path, info.size);
    raw = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    return missingOrThrow(path, err);
  }
  return sidecarFrom(raw, path, logger);
}

/** `readSidecar` without the event loop, for a worker thread that has nothing else to do meanwhile. */
export function readSidecarSync(reportPath: string, logger: Logger): SidecarMeta | undefined {
  const path = reportPath + SIDECAR_SUFFIX;
  let raw: string;
  try {
    // Most reports have none: a stat that answers "absent" costs far less than a read that throws.
    const info = statSync(path, { throwIfNoEntry: false });
    if (info === undefined) return undefined;
    if (info.size > SIDECAR_MAX_BYTES) throw tooBig(path, info.size);
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    return missingOrThrow(path, err);
  }
  return sidecarFrom(raw, path, logger);
}

function tooBig(path: string, size: number): AppError {
  return invalid(path, `the sidecar is ${Math.round(size / 1024)} KB; a sidecar is at most ${SIDECAR_MAX_BYTES / 1024} KB of JSON`);
}

function missingOrThrow(path: string, err: unknown): undefined {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw invalid(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, err);
}

function sidecarFrom(raw: string, path: string, logger: Logger): SidecarMeta {
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw invalid(path, `not valid JSON (${(err as Error).message})`, err);
  }
  return parseSidecar(value, path, logger);
}

/** `meta` with the sidecar's fields laid over it: set fields replace, `null` fields are removed; neither stays `inferred`. */
export function applySidecar(meta: DocumentMeta, sidecar: SidecarMeta | undefined): DocumentMeta {
  if (!sidecar) return meta;
  const out: DocumentMeta = { ...meta };
  for (const field of FIELDS) {
    const v = sidecar[field];
    if (v === undefined) continue;
    if (v === null) delete out[field];
    else out[field] = v;
  }
  const inferred = (meta.inferred ?? []).filter((f) => !(f in sidecar));
  if (inferred.length) out.inferred = inferred;
  else delete out.inferred;
  return out;
}
