import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8, looksBinary } from './decode.js';
import { isAppError } from '../../domain/errors.js';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

test('removes a leading byte-order mark and changes nothing else', () => {
  const text = '\uFEFFline one\r\n\uFEFFline two \t\n';
  assert.equal(decodeUtf8(new TextEncoder().encode(text), 'a.txt'), text.slice(1));
});

test('refuses bytes that are not UTF-8 instead of repairing them', () => {
  assert.throws(() => decodeUtf8(bytes(0x43, 0x61, 0x66, 0xe9), 'a.txt'), (e) => isAppError(e, 'E_ENCODING'));
});

test('calls bytes with a NUL in their first 8 KiB binary', () => {
  assert.equal(looksBinary(bytes(0x41, 0x00, 0x42)), true);
  assert.equal(looksBinary(new TextEncoder().encode('plain')), false);
});

test('refuses a byte-order mark with nothing after it as empty', () => {
  assert.throws(() => decodeUtf8(bytes(0xef, 0xbb, 0xbf), 'a.txt'), (e) => isAppError(e, 'E_EMPTY'));
});

/** `text` as UTF-16 with its byte-order mark. */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const b = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (endian === 'be') b.swap16();
  return new Uint8Array(b);
}

test('decodes UTF-16 LE and BE with a byte-order mark (as Windows tools export), spans offsets into the decoded text', () => {
  const text = 'Xocalı, 26 February 1992: 613 killed 😢, officials said.\r\n';
  for (const endian of ['le', 'be'] as const) {
    const decoded = decodeUtf8(utf16(text, endian), 'a.txt');
    assert.equal(decoded, text);
    assert.equal(decoded.slice(decoded.indexOf('613'), decoded.indexOf('613') + 10), '613 killed');
  }
});

test('refuses UTF-16 that is cut mid-character, or holds NUL characters, with the reason', () => {
  const cut = utf16('Forty killed', 'le').subarray(0, 9);
  assert.throws(() => decodeUtf8(cut, 'a.txt'), (e) => isAppError(e, 'E_ENCODING') && /UTF-16LE byte-order mark but is not valid UTF-16LE/.test(e.message));
  assert.throws(() => decodeUtf8(utf16('a\u0000b', 'be'), 'a.txt'), (e) => isAppError(e, 'E_BINARY'));
  assert.throws(() => decodeUtf8(utf16('  \n', 'le'), 'a.txt'), (e) => isAppError(e, 'E_EMPTY'));
});
