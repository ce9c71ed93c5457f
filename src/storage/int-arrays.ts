/** Int32 arrays as stored bytes (signatures' offsets, shingles, band keys), for both backends. */

/** A view of an int32 array as bytes, not a copy: hashes, which no encoding makes smaller. */
export const bytesOf = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/**
 * Offsets as the differences between neighbours, zigzagged into unsigned varints: a report's word
 * offsets rise a few characters at a time, so most take one byte instead of four (the start and
 * end offsets were half of a signature's bytes). The bytes are padded with zeros to one more
 * than a multiple of four, which a plain int32 array's never is: both read back.
 */
export function packedOffsets(a: Int32Array): Buffer {
  const out: number[] = [];
  const varint = (n: number) => {
    while (n > 0x7f) { out.push((n & 0x7f) | 0x80); n = Math.floor(n / 128); }
    out.push(n);
  };
  varint(a.length);
  let prev = 0;
  for (const x of a) {
    const d = x - prev;
    prev = x;
    varint(d >= 0 ? d * 2 : -d * 2 - 1);
  }
  while (out.length % 4 !== 1) out.push(0);
  return Buffer.from(out);
}

/** An int32 array of its own from stored bytes: packed offsets, or plain int32s (which a Buffer from the database need not hold 4-byte aligned). */
export function intsOf(b: Uint8Array): Int32Array {
  if (b.byteLength % 4 !== 1) {
    const out = new Int32Array(b.byteLength / 4);
    new Uint8Array(out.buffer).set(b);
    return out;
  }
  let i = 0;
  const varint = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (i >= b.byteLength) throw new Error('packed offsets end inside a number');
      const byte = b[i++]!;
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 128;
    }
  };
  const out = new Int32Array(varint());
  let prev = 0;
  for (let k = 0; k < out.length; k++) {
    const z = varint();
    prev += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    out[k] = prev;
  }
  return out;
}
