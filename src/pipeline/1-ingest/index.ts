/** The ingest stage: report files in, `ReportDocument`s (text, metadata, sha256) out. */
export { listReportFiles } from './files.js';
export { readReport, readBytes, readBytesSync, reportFromBytes, readFormat } from './read.js';
export type { FromBytesOptions } from './read.js';
export { DEFAULT_MAX_SIZE } from './types.js';
export type { ListOptions, ListResult, ReadOptions, SkippedPath, FormatResult, FormatOptions } from './types.js';
export { detectFormat, formatOfName, looksLikePdf, FORMAT_BY_EXTENSION, SIDECAR_SUFFIX } from './format.js';
export { decodeText, decodeUtf8, looksBinary } from './decode.js';
export { readTxt } from './formats/txt.js';
export { readMarkdown, markdownToText } from './formats/markdown.js';
export { readPdf, PAGE_SEPARATOR } from './formats/pdf.js';
export { withInferredMeta } from './metadata/infer.js';
export { inferPublished } from './metadata/infer-published.js';
export { toEdtf } from './metadata/dates.js';
export { readSidecar, readSidecarSync, applySidecar } from './metadata/sidecar.js';
export type { SidecarMeta } from './metadata/sidecar.js';
