/** Types the ingest stage adds to the domain's: options, listing results and format results. */
import type { DocumentMeta } from '../../domain/types.js';
import type { Logger } from '../../domain/logger.js';

/** The size limit when none is given: 50 MiB, so one report cannot exhaust a worker's memory. */
export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

/** Options for `readReport`. */
export interface ReadOptions {
  /** Largest file accepted, in bytes (default `DEFAULT_MAX_SIZE`). */
  maxSize?: number;
  /** Where warnings go (a sidecar with unknown keys, a JSON-LD block that does not parse). */
  logger?: Logger;
  /** Read `FILE.meta.json` next to the file (default true). */
  sidecar?: boolean;
  /** "Today" for judging whether an inferred date is credible (default: the clock). */
  now?: Date;
  /** Most characters of text after decoding or extraction (default 20 M). */
  maxText?: number;
  /** Most seconds reading one file may take (default 120). */
  maxSeconds?: number;
}

/** Options for `listReportFiles`. */
export interface ListOptions {
  /** Also list hidden files and folders (names starting with a dot); default false. */
  hidden?: boolean;
}

/** A path that will not be read, and why. */
export interface SkippedPath {
  path: string;
  reason: string;
  /** A path that was named but could not be listed (missing, unreadable): a failure, not a choice. */
  failed?: boolean;
}

/** What `listReportFiles` found: the report files to read, and what it passed over. */
export interface ListResult {
  files: string[];
  /**
   * Per file (same order): whether a `FILE.meta.json` sidecar sits beside it, as the listing
   * saw its folder; undefined when it did not look (a file named on its own).
   */
  sidecars: Array<boolean | undefined>;
  skipped: SkippedPath[];
}

/** What a format reader makes of a file: the text spans will point into, and stated metadata. */
export interface FormatResult {
  text: string;
  meta: DocumentMeta;
  pageStarts?: number[];
}

/** Options a format reader may use. */
export interface FormatOptions {
  /** The path as given, for messages. */
  path: string;
  logger: Logger;
  /** Most characters of text accepted (default `DEFAULT_MAX_TEXT`); a reader that builds text piece by piece stops past it. */
  maxText?: number;
  /** A `performance.now()` time after which a long reader (PDF pages) gives up; with `maxSeconds` for the message. */
  deadline?: number;
  maxSeconds?: number;
}
