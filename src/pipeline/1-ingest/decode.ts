/** Turns a file's bytes into the text every span points into, or says why it cannot. */
import { AppError } from '../../domain/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** True when the bytes hold a NUL byte in their first 8 KiB: the mark of a binary file. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The encoding a byte-order mark announces: UTF-16 little- or big-endian, or none (UTF-8 is assumed). */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 text after its byte-order mark; NUL characters (not bytes: UTF-16 is full of those) make it binary. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: string): string {
  let text: string;
  try {
    // An odd byte at the end, or a lone surrogate, is invalid: refused, never repaired.
    text = (encoding === 'utf-16le' ? utf16le : utf16be).decode(bytes.subarray(2));
  } catch (cause) {
    throw new AppError('E_ENCODING', `${name}: the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`, { cause });
  }
  if (text.slice(0, 4096).includes('\u0000')) throw new AppError('E_BINARY', `${name}: the file is binary (it holds NUL characters), not text`);
  return text;
}

/**
 * Decodes text strictly: UTF-8, or UTF-16 (LE or BE) when a byte-order mark says so (what many
 * Windows tools export). The mark is removed, nothing else changes, so spans are JavaScript
 * offsets into the decoded text as for UTF-8. Empty, binary and invalid input are errors with
 * stable codes, never silently repaired.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new AppError('E_EMPTY', `${name}: the file is empty`);
  const utf16 = utf16Of(bytes);
  let text: string;
  if (utf16) {
    text = decodeUtf16(bytes, utf16, name);
  } else {
    if (looksBinary(bytes)) throw new AppError('E_BINARY', `${name}: the file is binary (it holds NUL bytes), not text`);
    try {
      text = utf8.decode(bytes);
    } catch (cause) {
      throw new AppError('E_ENCODING', `${name}: the file is not valid UTF-8 (nor UTF-16 with a byte-order mark)`, { cause });
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.trim() === '') throw new AppError('E_EMPTY', `${name}: the file holds only white space`);
  return text;
}

/** The former name of `decodeText`, for callers that still use it. */
export const decodeUtf8 = decodeText;
