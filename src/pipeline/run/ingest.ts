/** Ingest: list report files, read and extract them on a worker pool, store them in batches. */
import { listReportFiles } from '../1-ingest/index.js';
import type { ReportInput, Store } from '../../storage/store.js';
import { FilePool } from './pool.js';
import type { FileOutcome } from './task.js';

/** Options for `ingestPaths`. */
export interface IngestOptions {
  /** Worker threads for reading and extracting (0 reads in this thread). */
  workers: number;
  /** Largest file accepted, in bytes. */
  maxSize: number;
  /** Most characters of text a report may have after decoding or extraction (default 20 M). */
  maxText?: number;
  /** Most seconds reading and extracting one file may take on a worker (default 120); a worker past it is stopped. */
  maxSeconds?: number;
  /** Reports per write transaction (default 256). */
  batchSize?: number;
  /** Called after each file, and once with the total before any. */
  onProgress?: (p: IngestProgress) => void;
}

/** Where an ingest stands. */
export interface IngestProgress {
  total: number;
  done: number;
  bytes: number;
  ingested: number;
  skipped: number;
  failed: number;
}

/** One path and what happened to it. */
export interface PathResult {
  path: string;
  id?: string;
  status: 'added' | 'new-version' | 'skipped' | 'failed';
  reason?: string;
}

/** What an ingest did, path by path, and in sum. */
export interface IngestSummary {
  results: PathResult[];
  ingested: number;
  skipped: number;
  failed: number;
  bytes: number;
  seconds: number;
}

/** Reads, extracts and stores every report under `paths`; bad files are reported, never fatal. */
export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  // Workers load the extractor while the folder is listed.
  const pool = new FilePool(opts.workers);
  let listing;
  try {
    listing = await listReportFiles(paths);
  } catch (e) {
    await pool.close();
    throw e;
  }
  const { files, sidecars, skipped } = listing;
  // A path the user named that is not there (or cannot be read) failed; a file passed over by choice was skipped.
  const results: PathResult[] = skipped.map((s) => ({ path: s.path, status: s.failed ? 'failed' : 'skipped', reason: s.reason }));
  const listedFailed = skipped.filter((s) => s.failed).length;
  const progress: IngestProgress = { total: files.length, done: 0, bytes: 0, ingested: 0, skipped: 0, failed: 0 };
  opts.onProgress?.({ ...progress });
  const batchSize = opts.batchSize ?? 256;
  let batch: ReportInput[] = [];
  let batchPaths: string[] = [];

  const record = (r: PathResult) => {
    results.push(r);
    if (r.status === 'failed') progress.failed++;
    else if (r.status === 'skipped') progress.skipped++;
    else progress.ingested++;
  };
  const flush = async () => {
    if (!batch.length) return;
    // Take the batch before awaiting: outcomes arriving meanwhile start the next one.
    const items = batch;
    const paths = batchPaths;
    batch = [];
    batchPaths = [];
    const out = await store.addReports(items);
    out.forEach((r, i) => {
      const path = paths[i]!;
      if (r.status === 'failed') record({ path, status: 'failed', reason: r.error.message });
      else record({ path, id: r.id, status: r.status, reason: r.reason });
    });
  };

  // Outcomes come in listing order (the pool sees to it), so that the same folder always gives
  // the same document order (and so the same ranking of ties downstream).
  // A promise only when the batch is full and written.
  const take = (o: FileOutcome): Promise<void> | undefined => {
    progress.done++;
    if (!o.ok) {
      record({ path: o.path, status: 'failed', reason: o.message });
    } else {
      progress.bytes += o.original.length;
      batch.push({ doc: o.doc, extraction: o.extraction, original: o.original, derived: o.derived });
      batchPaths.push(o.path);
      if (batch.length >= batchSize) return flush().then(() => opts.onProgress?.({ ...progress }));
    }
    opts.onProgress?.({ ...progress });
    return undefined;
  };

  try {
    // Workers run ahead of the writes only as far as the pool's window: memory stays flat
    // however large the folder.
    await pool.each({ paths: files, sidecars, maxSize: opts.maxSize, maxText: opts.maxText, maxSeconds: opts.maxSeconds }, (_i, o) => take(o));
    await flush();
  } finally {
    await pool.close();
  }
  return {
    results,
    ingested: progress.ingested,
    skipped: progress.skipped + skipped.length - listedFailed,
    failed: progress.failed + listedFailed,
    bytes: progress.bytes,
    seconds: (performance.now() - started) / 1000,
  };
}
