/**
 * Ingest of one report that arrives as bytes rather than as a file: a page fetched by address, a
 * file uploaded through the web app. The same reading, limits, extraction and store as
 * `ingestPaths` (the same task, runFileTask), one report at a time, read in this thread or by the
 * caller's `read` (the server's workers); and for a fetched page, where and when.
 */
import type { DocumentFormat, DocumentMeta } from '../../domain/types.js';
import { isAppError } from '../../domain/errors.js';
import type { ErrorCode } from '../../domain/errors.js';
import { fetchUrl } from '../1-ingest/fetch-url.js';
import type { Fetched, FetchOptions } from '../1-ingest/fetch-url.js';
import type { Store } from '../../storage/store.js';
import type { IngestSummary, PathResult } from './ingest.js';
import { runFileTask } from './task.js';
import type { FileOutcome, FileTask } from './task.js';

/** The row set of fetched reports: key the report id; data `FetchRecord`. */
export const FETCHES_SET = 'fetches';

/** Where and when a fetched report came from. */
export interface FetchRecord {
  url: string;
  finalUrl: string;
  fetchedAt: string;
  contentType: string | null;
}

/** One report as bytes. */
export interface BytesInput {
  bytes: Uint8Array;
  /** Its path as the record names it: a file's relative path, a page's address. */
  path: string;
  /** The format when the path's extension does not say it. */
  format?: DocumentFormat;
  /** Metadata for the fields the report does not state itself (a fetched page's address). */
  fallbackMeta?: DocumentMeta;
  maxSize: number;
  maxText?: number;
  maxSeconds?: number;
}

/** Reads and extracts one report: in this thread (`runFileTask`), or on the server's workers (ExtractPool). */
export type ReadTask = (task: FileTask) => Promise<FileOutcome>;

/**
 * Reads, extracts and stores one report; a bad one is a `failed` result with its reason, never a
 * throw. `read` does the reading and extracting (default: in this thread); the store is written here.
 */
export async function ingestBytes(store: Store, input: BytesInput, read: ReadTask = runFileTask): Promise<PathResult & { code?: ErrorCode }> {
  const { path, maxSize, maxText, maxSeconds } = input;
  const o = await read({ path, maxSize, maxText, maxSeconds, given: { bytes: input.bytes, format: input.format, fallbackMeta: input.fallbackMeta } });
  // A failure that is not an application error keeps its words, with no code of its own.
  if (!o.ok) return { path, status: 'failed', reason: o.message, ...(o.code === 'E_INTERNAL' ? {} : { code: o.code }) };
  try {
    const [r] = await store.addReports([{ doc: o.doc, extraction: o.extraction, original: o.original, derived: o.derived }]);
    if (r!.status === 'failed') return { path, status: 'failed', reason: r!.error.message };
    return { path, id: r!.id, status: r!.status, reason: r!.reason };
  } catch (e) {
    if (isAppError(e)) return { path, status: 'failed', reason: e.message, code: e.code };
    return { path, status: 'failed', reason: `${path}: could not be processed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Stores a fetched page as a report (its address the path), with where and when it was fetched. */
export async function ingestFetched(store: Store, f: Fetched, limits: { maxSize: number; maxText?: number; maxSeconds?: number }, read?: ReadTask): Promise<PathResult & { code?: ErrorCode }> {
  const result = await ingestBytes(store, { bytes: f.bytes, path: f.finalUrl, format: f.format, fallbackMeta: { url: f.finalUrl }, ...limits }, read);
  if (result.id !== undefined && result.status !== 'failed') {
    const row: FetchRecord = { url: f.url, finalUrl: f.finalUrl, fetchedAt: f.fetchedAt, contentType: f.contentType };
    // A page fetched again unchanged keeps the time it was first fetched: the bytes stored are those of then.
    const known = result.status === 'skipped' && (await store.getRows(FETCHES_SET, { key: result.id })).length > 0;
    if (!known) await store.putRows([{ set: FETCHES_SET, rows: [{ key: result.id, data: row }] }]);
  }
  return result;
}

/** Where and when a report was fetched, or null when it was not fetched. */
export async function fetchOf(store: Store, id: string): Promise<FetchRecord | null> {
  return (await store.getRows<FetchRecord>(FETCHES_SET, { key: id }))[0]?.data ?? null;
}

/** True when a command-line argument is an address (`scheme://…`) rather than a path. */
export function isAddress(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
}

/** Fetches and stores each address in turn, adding what came of each to `summary`. */
export async function ingestUrls(store: Store, urls: readonly string[], summary: IngestSummary, opts: FetchOptions & { maxSize: number; maxText?: number; maxSeconds?: number }): Promise<void> {
  const started = performance.now();
  for (const url of urls) {
    let result: PathResult & { code?: ErrorCode };
    try {
      const fetched = await fetchUrl(url, opts);
      summary.bytes += fetched.bytes.length;
      result = await ingestFetched(store, fetched, opts);
    } catch (e) {
      if (!isAppError(e)) throw e;
      result = { path: url, status: 'failed', reason: e.message };
    }
    const { code: _code, ...shown } = result;
    summary.results.push(shown);
    if (result.status === 'failed') summary.failed++;
    else if (result.status === 'skipped') summary.skipped++;
    else summary.ingested++;
  }
  summary.seconds += (performance.now() - started) / 1000;
}
