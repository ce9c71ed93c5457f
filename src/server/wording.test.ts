/** The API words every value with the one range formatter (api/format.ts), as every screen and export does. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatRange } from './api/format.js';
import type { FigureDetail, FigureList } from './api-types.js';
import { bearer, withServer } from './fixtures.case.js';

it("gives each figure value's label and phrase in the shared formatter's words: a range reads \"between 40 and 45\", not \"40–45\"", () => withServer(async ({ app, token }) => {
  const text = 'Officials said between 40 and 45 people were killed when the Orlen dam collapsed near Vessany on 14 March 2022.\n';
  const up = await app.inject({ method: 'POST', url: '/api/documents/upload?name=range.txt', payload: Buffer.from(text), headers: { 'content-type': 'application/octet-stream', ...bearer(token) } });
  assert.equal(up.statusCode, 201, up.body);
  const list = (await app.inject('/api/figures')).json<FigureList>();
  const values = list.items.flatMap((f) => f.values);
  assert.ok(values.length > 3);
  for (const v of values) {
    assert.equal(v.label, formatRange(v));
    assert.ok(v.phrase.startsWith(`${v.label} `), v.phrase);
  }
  const range = values.find((v) => v.min === 40 && v.max === 45)!;
  assert.equal(range.label, 'between 40 and 45');
  assert.match(range.phrase, /^between 40 and 45 killed, according to Officials \(1 report, 1 independent\)$/i);
  const killed = list.items.find((f) => f.values.includes(range))!;
  const detail = (await app.inject(`/api/figures/${killed.id}`)).json<FigureDetail>();
  assert.ok(detail.values.some((v) => v.label === 'between 40 and 45'));
}));
