/**
 * Reads a fetched response's body within the size limit and undoes its content encodings (gzip,
 * deflate, br), as `fetch` did: the limit holds for the bytes as sent and for what they
 * decompress to, so a small compressed body that expands without end is refused early.
 */
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { tooLarge } from './read.js';

/** The encodings offered in `accept-encoding` (br only over https, as `fetch` does). */
export function acceptEncoding(https: boolean): string {
  return https ? 'br, gzip, deflate' : 'gzip, deflate';
}

type Coding = 'gzip' | 'deflate' | 'br';
const CODINGS: Readonly<Record<string, Coding | null>> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'br', identity: null };

/**
 * The codings of a `content-encoding` header in the order to undo them (the last applied first).
 * None when one is unknown: the bytes are then kept as sent, as `fetch` keeps them.
 */
export function codingsOf(header: string | undefined): Coding[] {
  const codings: Coding[] = [];
  for (const name of (header ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!Object.hasOwn(CODINGS, name)) return [];
    const coding = CODINGS[name];
    if (coding) codings.push(coding);
  }
  return codings.reverse();
}

/** True when `bytes` start with a zlib header (RFC 1950): "deflate" is meant so, but some servers send it raw. */
function zlibWrapped(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
}

/** A decoder for `coding`; like `fetch`, it keeps what a truncated stream holds rather than failing. */
function decoder(coding: Coding, input: Uint8Array): Transform {
  if (coding === 'br') return createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH });
  const flush = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  if (coding === 'gzip') return createGunzip(flush);
  return zlibWrapped(input) ? createInflate(flush) : createInflateRaw(flush);
}

/** Collects `source`, stopping (and so destroying it) as soon as it passes `maxSize`. */
async function collect(source: AsyncIterable<Buffer>, href: string, maxSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > maxSize) throw tooLarge(href, total, maxSize);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.byteLength; }
  return bytes;
}

/**
 * Reads the body of `res`, decoded: refused (E_TOO_LARGE) when its declared length, the bytes
 * received or the bytes they decompress to pass `maxSize`.
 */
export async function readBody(res: IncomingMessage, href: string, maxSize: number): Promise<Uint8Array> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxSize) {
    res.destroy();
    throw tooLarge(href, declared, maxSize);
  }
  let bytes = await collect(res, href, maxSize);
  if (bytes.length === 0) return bytes;
  for (const coding of codingsOf(res.headers['content-encoding'])) {
    const stream = decoder(coding, bytes);
    stream.end(bytes);
    bytes = await collect(stream, href, maxSize);
  }
  return bytes;
}
