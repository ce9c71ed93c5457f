import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinRecordParts, jsonExceeds, recordParts } from './record-parts.js';

const roundTrip = (value: unknown, partChars: number) => {
  const parts = [...recordParts(value, partChars)];
  return { parts, back: joinRecordParts(parts) };
};

describe('record parts', () => {
  it('gives back what JSON would, whatever the part size', () => {
    const value = {
      builtAt: 'now', n: 3, none: null, gone: undefined,
      list: Array.from({ length: 50 }, (_, i) => ({ i, text: `item "${i}"\n`, nested: [i, { deep: [i, i + 1] }], skip: undefined })),
      map: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`key ${i}`, { kind: 'place', mentions: Array.from({ length: i }, (_, j) => ({ doc: `d${j}`, span: { start: j, end: j + 1 } })) }])),
      holes: [1, undefined, () => 1, 'x'],
      empty: { a: [], o: {} },
      when: new Date(0),
    };
    const expected = JSON.parse(JSON.stringify(value)) as unknown;
    for (const size of [1, 10, 100, 1000, 1 << 20]) {
      const { back } = roundTrip(value, size);
      assert.deepEqual(back, expected, `part size ${size}`);
    }
  });

  it('splits a large array into parts of about the size asked for, in order', () => {
    const value = { items: Array.from({ length: 10_000 }, (_, i) => ({ i, s: 'x'.repeat(20) })) };
    const { parts, back } = roundTrip(value, 10_000);
    assert.ok(parts.length > 30, `${parts.length} parts`);
    assert.ok(parts.every((p) => p.length < 12_000));
    assert.deepEqual(back, value);
  });

  it('keeps a small value, or one that is not an object, in one part', () => {
    for (const v of [{ a: 1 }, [1, 2], 'text', 42, null]) {
      const { parts, back } = roundTrip(v, 1 << 20);
      assert.equal(parts.length, 1);
      assert.deepEqual(back, v);
    }
  });

  it('tells when a value is larger than a budget without walking all of it', () => {
    assert.equal(jsonExceeds({ a: 'x'.repeat(10) }, 100), false);
    assert.equal(jsonExceeds({ a: 'x'.repeat(200) }, 100), true);
    assert.equal(jsonExceeds(Array.from({ length: 1000 }, () => 1), 100), true);
  });
});
