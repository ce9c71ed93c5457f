/**
 * How far a PDF's compressed streams expand, measured before pdfjs parses it. A 500 KB
 * file can hold a FlateDecode stream that inflates to 512 MB (a "flate bomb"), or content
 * streams that draw 88 million characters of text; pdfjs would hold all of it in memory.
 * Each stream is inflated here with zlib, its output capped at what is left of the budget,
 * so the measure itself never holds more than the budget; the bytes are then dropped.
 */
import { constants, inflateSync } from 'node:zlib';

/** Bytes a PDF may expand to: `ratio` times its size, never less than `floor` nor more than `cap`. */
export interface InflateBudget {
  ratio: number;
  floor: number;
  cap: number;
}

/** The default: 100 times the file, at least 16 MiB and at most 512 MiB (fonts, images and page text expand 2–20 times). */
export const DEFAULT_INFLATE_BUDGET: InflateBudget = { ratio: 100, floor: 16 * 1024 * 1024, cap: 512 * 1024 * 1024 };

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');

/** Where the data of the stream whose keyword ends at `at` begins (after CRLF or LF). */
function dataStart(bytes: Buffer, at: number): number {
  if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) return at + 2;
  if (bytes[at] === 0x0a || bytes[at] === 0x0d) return at + 1;
  return -1;
}

/** True when the dictionary before a stream names FlateDecode (also as `/Fl` in inline form). */
function isFlate(bytes: Buffer, streamAt: number): boolean {
  const dict = bytes.toString('latin1', Math.max(0, streamAt - 1024), streamAt);
  const start = Math.max(dict.lastIndexOf(' obj'), dict.lastIndexOf('\nobj'), 0);
  return /\/(?:FlateDecode|Fl)\b/.test(dict.slice(start));
}

/**
 * The total inflated size of the PDF's FlateDecode streams, or `undefined` once it passes
 * `limit` (the scan stops there). Streams zlib cannot read are left for pdfjs to judge.
 */
export function inflatedSize(pdf: Uint8Array, limit: number): number | undefined {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let total = 0;
  let from = 0;
  for (;;) {
    const at = bytes.indexOf(STREAM, from);
    if (at < 0) return total;
    from = at + STREAM.length;
    // "endstream" holds "stream" too; a keyword is one not preceded by "end".
    if (at >= 3 && bytes.toString('latin1', at - 3, at) === 'end') continue;
    const start = dataStart(bytes, from);
    if (start < 0 || !isFlate(bytes, at)) continue;
    const end = bytes.indexOf(END, start);
    if (end < 0) return total;
    from = end + END.length;
    try {
      const out = inflateSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, limit - total + 1), finishFlush: constants.Z_SYNC_FLUSH });
      total += out.length;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
      continue;
    }
    if (total > limit) return undefined;
  }
}
