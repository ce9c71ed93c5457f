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
