/** Turns a file's bytes into the text every span points into, or says why it cannot. */
import { AppError } from '../../domain/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes hold a NUL byte in their first 8 KiB: the mark of a binary file. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Decodes UTF-8 text strictly: a leading byte-order mark is removed, nothing else changes.
 * Empty, binary and invalid input are errors with stable codes, never silently repaired.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new AppError('E_EMPTY', `${name}: the file is empty`);
  if (looksBinary(bytes)) throw new AppError('E_BINARY', `${name}: the file is binary (it holds NUL bytes), not text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (cause) {
    throw new AppError('E_ENCODING', `${name}: the file is not valid UTF-8`, { cause });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new AppError('E_EMPTY', `${name}: the file holds only white space`);
  return text;
}
