/**
 * Large stored values a build reads whole (assignment's context, the timeline index's word
 * order), kept in memory for the next build in the same process (a server's reviews, a
 * coder's corrections one after another): valid while the archive's build info names the build
 * that left them. A build that writes one forgets it first, and keeps what it wrote only once
 * its rows are stored, so a build that fails midway leaves nothing stale.
 */
import type { Store } from '../../storage/store.js';

const memo = new WeakMap<Store, Map<string, { builtAt: string; value: unknown }>>();

/** The value kept under `name`, if the build that kept it is the one `builtAt` names. */
export function recalled<T>(store: Store, name: string, builtAt: string | undefined): T | undefined {
  const kept = memo.get(store)?.get(name);
  return kept !== undefined && builtAt !== undefined && kept.builtAt === builtAt ? (kept.value as T) : undefined;
}

/** Keeps a value as the build `builtAt` left it. */
export function remember(store: Store, name: string, builtAt: string, value: unknown): void {
  let kept = memo.get(store);
  if (kept === undefined) memo.set(store, (kept = new Map()));
  kept.set(name, { builtAt, value });
}

/** Forgets a value about to be written. */
export function forget(store: Store, name: string): void {
  memo.get(store)?.delete(name);
}
