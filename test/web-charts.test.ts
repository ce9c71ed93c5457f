/** The divergence charts' scales: where values fall, when the axis turns logarithmic, lanes, report days. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributionClass, dayOf, dayText, lanes, valueScale } from '../web/src/charts/scale.ts';

test('a linear axis runs from 0 to a little past the largest stated number', () => {
  const s = valueScale([{ min: 42, max: 42 }, { min: null, max: 70 }, { min: 121, max: null }]);
  assert.equal(s.kind, 'linear');
  assert.equal(s.at(0), 0);
  assert.ok(s.at(121) < 1 && s.at(121) > 0.8, 'room for the open end\'s arrow');
  assert.ok(s.at(42) < s.at(70));
});

test('values spanning orders of magnitude ("dozens" beside 3,000) go on a log axis', () => {
  const s = valueScale([{ min: 24, max: 99 }, { min: 3000, max: 3000 }]);
  assert.equal(s.kind, 'log');
  assert.deepEqual(s.domain, [10, 10_000]);
  assert.ok(Math.abs(s.at(100) - 1 / 3) < 1e-9);
});

test('overlapping intervals go on separate lanes, disjoint ones share one', () => {
  assert.deepEqual(lanes([[0, 0.5], [0.2, 0.3], [0.6, 0.9]]), [0, 1, 0]);
});

test('an EDTF report date starts on its first day; no year, no day', () => {
  assert.equal(dayText(dayOf('2021-06-14')!), '2021-06-14');
  assert.equal(dayText(dayOf('2021-06')!), '2021-06-01');
  assert.equal(dayText(dayOf('2021')!), '2021-01-01');
  assert.equal(dayOf(null), null);
  assert.equal(dayOf('undated'), null);
});

test('a value is drawn as official before unofficial before a named source before none', () => {
  assert.equal(attributionClass({ kinds: ['unofficial', 'official'], attributions: ['x'] }), 'official');
  assert.equal(attributionClass({ kinds: ['none'], attributions: ['the ministry'] }), 'named');
  assert.equal(attributionClass({ kinds: ['none'], attributions: [] }), 'unattributed');
});
