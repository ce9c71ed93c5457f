/**
 * A store whose answers come after a turn of the event loop. SQLite's calls run to the end
 * in the calling thread, so a long series of them (a reconcile after a large report) holds every
 * other request until the last; through this view, requests that arrived meanwhile are answered
 * between two calls, as they are between the awaits of a network database. Readers then see what
 * a PostgreSQL store's readers see: each write as it is committed.
 */
import type { Store } from './store.js';

/** How long the calls may hold the event loop before a turn is given (a turn for every call would slow a long series). */
const SLICE_MS = 10;

/** One turn of the event loop, when the last was over SLICE_MS ago: timers and I/O callbacks waiting run first. */
function turner(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as PromiseLike<unknown> | null)?.then === 'function';
}

function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return typeof (v as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** Each page of an iteration, after a turn of the event loop. */
async function* yieldingPages<T>(pages: AsyncIterable<T>, turn: () => Promise<void>): AsyncIterable<T> {
  for await (const page of pages) {
    await turn();
    yield page;
  }
}

/** `store`, answering each call (and each item of a listing) after a turn of the event loop when it has been held SLICE_MS. */
export function yieldingStore(store: Store): Store {
  const turn = turner();
  return new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (isThenable(out)) return Promise.resolve(out).then(async (v) => { await turn(); return v; });
        if (isAsyncIterable(out)) return yieldingPages(out, turn);
        return out;
      };
    },
  });
}
