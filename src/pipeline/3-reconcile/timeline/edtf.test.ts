import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareEdtf, edtfRange } from './edtf.js';

test('EDTF values read as the days they cover', () => {
  const table: Array<[string, string | null, string | null]> = [
    ['1992-02-25', '1992-02-25', '1992-02-25'],
    ['1991-12', '1991-12-01', '1991-12-31'],
    ['1992-02', '1992-02-01', '1992-02-29'],
    ['1992', '1992-01-01', '1992-12-31'],
    ['199X', '1990-01-01', '1999-12-31'],
    ['19XX', '1900-01-01', '1999-12-31'],
    ['1992-21', '1992-03-01', '1992-05-31'],
    ['1992-24', '1992-12-01', '1993-02-28'],
    ['1992-02-25/1992-02-26', '1992-02-25', '1992-02-26'],
    ['1991-12/1992', '1991-12-01', '1992-12-31'],
    ['../1992-02', null, '1992-02-29'],
    ['1992-02-26~', '1992-02-26', '1992-02-26'],
    ['1992-02-30', null, null],
  ];
  for (const [value, start, end] of table) {
    const r = edtfRange(value);
    assert.deepEqual(r === null ? [null, null] : [r.start, r.end], [start, end], value);
  }
  assert.equal(edtfRange('last spring'), null);
});

test('vague and exact dates sort together: first day, then the narrower, unreadable last', () => {
  const values = ['1992-02-25', 'soon', '1992', '199X', '1992-02-25/1992-02-26', '1991-12', '1992-01-01'];
  assert.deepEqual([...values].sort(compareEdtf), ['199X', '1991-12', '1992-01-01', '1992', '1992-02-25', '1992-02-25/1992-02-26', 'soon']);
});
