/** Plain text: the decoded bytes are the text; metadata comes only from inference and sidecars. */
import type { FormatResult } from '../types.js';
import { decodeUtf8 } from '../decode.js';

/** Reads a `.txt` report: strict UTF-8, the BOM removed, nothing else changed. */
export function readTxt(bytes: Uint8Array, path: string): FormatResult {
  return { text: decodeUtf8(bytes, path), meta: {} };
}
