/** Stored int32 arrays: packed offsets and plain int32s both read back as they were written. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bytesOf, intsOf, packedOffsets } from './int-arrays.js';

it('packs rising offsets into about a byte each and reads them back, and any int32s besides', () => {
  const offsets = Int32Array.from({ length: 500 }, (_, i) => i * 6 + (i % 3));
  const packed = packedOffsets(offsets);
  assert.ok(packed.byteLength < offsets.byteLength / 3, `${packed.byteLength} bytes for ${offsets.byteLength}`);
  assert.deepEqual(intsOf(packed), offsets);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (const a of [new Int32Array(0), Int32Array.of(0), Int32Array.of(-1, 2 ** 31 - 1, -(2 ** 31), 0, 127, 128), Int32Array.from({ length: 300 }, () => rand() - 2 ** 30)]) {
    assert.deepEqual(intsOf(packedOffsets(a)), a);
    assert.equal(packedOffsets(a).byteLength % 4, 1);
  }
});

it('reads plain int32 bytes as written before packing, from an unaligned buffer too', () => {
  const a = Int32Array.of(5, -7, 2 ** 30, 0);
  const unaligned = Buffer.concat([Buffer.of(9), bytesOf(a)]).subarray(1);
  assert.deepEqual(intsOf(unaligned), a);
  assert.deepEqual(intsOf(bytesOf(new Int32Array(0))), new Int32Array(0));
});

it('refuses packed bytes cut inside a number', () => {
  assert.throws(() => intsOf(Buffer.of(0x02, 0x80, 0x80, 0x80, 0x80)), /end inside a number/);
});
