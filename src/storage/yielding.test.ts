import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from './store.js';
import { yieldingStore } from './yielding.js';

/** A stand-in for a synchronous store: each call holds the thread for `ms`, as a SQLite call does. */
function busyStore(ms: number): Store {
  const hold = () => { const end = performance.now() + ms; while (performance.now() < end); };
  return {
    async getRows(set: string) { hold(); return [{ key: set, data: 1 }]; },
    async *allDerived() { for (let i = 0; i < 3; i++) { hold(); yield { id: `r${i}` }; } },
  } as unknown as Store;
}

/** Runs `calls` one after another, and says how many of them ended before a timer set at the start fired. */
async function beforeTimer(store: Store, calls: number): Promise<number> {
  let done = 0;
  let firedAfter = -1;
  const timer = new Promise<void>((resolve) => setTimeout(() => { firedAfter = done; resolve(); }, 0));
  for (let i = 0; i < calls; i++) {
    await store.getRows('figures');
    done++;
  }
  await timer;
  return firedAfter;
}

test('a series of calls that each hold the thread lets a timer run between them, not only after the last', async () => {
  assert.equal(await beforeTimer(busyStore(15), 5), 5, 'the plain store holds the timer to the end');
  assert.ok(await beforeTimer(yieldingStore(busyStore(15)), 5) < 5, 'through yieldingStore the timer runs before the series ends');
});

test('answers and listings come through unchanged', async () => {
  const store = yieldingStore(busyStore(1));
  assert.deepEqual(await store.getRows('events'), [{ key: 'events', data: 1 }]);
  const ids: string[] = [];
  for await (const d of store.allDerived(['facts'])) ids.push(d.id);
  assert.deepEqual(ids, ['r0', 'r1', 'r2']);
});
