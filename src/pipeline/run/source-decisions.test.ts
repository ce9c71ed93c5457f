import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourcePair } from '../3-reconcile/types.js';
import { applyDecisions, decisionKey } from './source-decisions.js';
import type { SourceDecision } from './source-decisions.js';

const pair = (a: string, b: string, share: number): SourcePair => ({ a, b, containmentA: share, containmentB: share, passages: [] });
const decide = (a: string, b: string, decision: SourceDecision['decision']): [string, SourceDecision] => [decisionKey(a, b), { a, b, decision, by: 't', at: '2026-01-01T00:00:00Z', reason: 'r' }];

test('a pair decided the same joins one group, one decided independent joins nothing and lends no passage, and both leave the review list', () => {
  const ids = ['r1', 'r2', 'r3', 'r4'];
  const pairs = [pair('r1', 'r2', 0.3), pair('r3', 'r4', 0.3), pair('r1', 'r3', 0.9)];
  const none = applyDecisions(ids, pairs, new Map());
  assert.deepEqual(none.grouped.groups, [['r1', 'r3'], ['r2'], ['r4']]);
  assert.equal(none.grouped.possible.length, 2);

  const decided = applyDecisions(ids, pairs, new Map([decide('r1', 'r2', 'same'), decide('r3', 'r4', 'independent')]));
  assert.deepEqual(decided.grouped.groups, [['r1', 'r2', 'r3'], ['r4']]);
  assert.deepEqual(decided.grouped.possible, []);
  assert.deepEqual(decided.lookupPairs.map((p) => `${p.a}-${p.b}`), ['r1-r2', 'r1-r3']);
  // The stored shares are left as measured.
  assert.equal(decided.lookupPairs[0]!.containmentA, 0.3);
  // A pair the grouping made one source can be decided independent: the group splits.
  assert.deepEqual(applyDecisions(ids, pairs, new Map([decide('r1', 'r3', 'independent')])).grouped.groups, [['r1'], ['r2'], ['r3'], ['r4']]);
});
