/** Shared cases: the stamp that tells a reader its parsed copy of a record is still current. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { StoreFactory } from '../store.js';
import { withStore } from './fixtures.case.js';

/** Register the record-stamp cases against `newStore`. */
export function recordStampCases(newStore: StoreFactory): void {
  it('gives a stamp that changes when the record is rewritten, and null when there is none', async () => withStore(newStore, async (store) => {
    assert.equal(await store.recordStamp('figures'), null);
    await store.putRecords({ figures: { n: 1 } });
    const first = await store.recordStamp('figures');
    assert.ok(first);
    assert.equal(await store.recordStamp('figures'), first, 'reading does not change it');
    await store.putRecords({ other: [1] });
    assert.equal(await store.recordStamp('figures'), first, 'writing another record does not change it');
    await new Promise((r) => setTimeout(r, 2));
    await store.putRecords({ figures: { n: 1 } });
    assert.notEqual(await store.recordStamp('figures'), first, 'a rewrite of the same value does');
    await store.putRecords({ figures: null });
    assert.equal(await store.recordStamp('figures'), null);
  }));
}
