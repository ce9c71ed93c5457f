/**
 * Ingest of one report that arrives as bytes rather than as a file: a page fetched by address, a
 * file uploaded through the web app. The same reading, limits, extraction and store as
 * `ingestPaths`, in this thread, one report at a time; and for a fetched page, where and when.
 */
import type { DocumentFormat, DocumentMeta } from '../../domain/types.js';
import { isAppError } from '../../domain/errors.js';
import type { ErrorCode } from '../../domain/errors.js';
import { reportFromBytes } from '../1-ingest/index.js';
import { tooLarge } from '../1-ingest/read.js';
import { fetchUrl } from '../1-ingest/fetch-url.js';
import type { Fetched, FetchOptions } from '../1-ingest/fetch-url.js';
import { extract } from '../2-extract/index.js';
import type { Store } from '../../storage/store.js';
import { parseEdtf } from '../../nlp/edtf.js';
import { deriveReport } from './derive.js';
import type { IngestSummary, PathResult } from './ingest.js';

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

// Metadata dates come from the outside world: a malformed one must not fail the report.
function validPublished(p: string | undefined): string | undefined {
  return p && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(p) && parseEdtf(p) !== null ? p : undefined;
}

/** Reads, extracts and stores one report; a bad one is a `failed` result with its reason, never a throw. */
export async function ingestBytes(store: Store, input: BytesInput): Promise<PathResult & { code?: ErrorCode }> {
  const { path } = input;
  try {
    if (input.bytes.length > input.maxSize) throw tooLarge(path, input.bytes.length, input.maxSize);
    const doc = await reportFromBytes(input.bytes, path, { maxText: input.maxText, maxSeconds: input.maxSeconds, format: input.format });
    for (const [k, v] of Object.entries(input.fallbackMeta ?? {}) as Array<[keyof DocumentMeta, string]>) {
      if (k !== 'inferred' && doc.meta[k] === undefined) doc.meta[k] = v;
    }
    const extraction = extract(doc.text, { published: validPublished(doc.meta.published) });
    const [r] = await store.addReports([{ doc, extraction, original: input.bytes, derived: deriveReport(doc.text, extraction) }]);
    if (r!.status === 'failed') return { path, status: 'failed', reason: r!.error.message };
    return { path, id: r!.id, status: r!.status, reason: r!.reason };
  } catch (e) {
    if (isAppError(e)) return { path, status: 'failed', reason: e.message, code: e.code };
    return { path, status: 'failed', reason: `${path}: could not be processed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Stores a fetched page as a report (its address the path), with where and when it was fetched. */
export async function ingestFetched(store: Store, f: Fetched, limits: { maxSize: number; maxText?: number; maxSeconds?: number }): Promise<PathResult & { code?: ErrorCode }> {
  const result = await ingestBytes(store, { bytes: f.bytes, path: f.finalUrl, format: f.format, fallbackMeta: { url: f.finalUrl }, ...limits });
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
