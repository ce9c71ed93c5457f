/** For the adversarial tests: time grows with the input, not with its square, whatever the machine's load. */
import assert from 'node:assert/strict';

const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

/**
 * Runs `fn` on an eighth of `text` and on all of it. Linear work takes about 8× as long on the
 * whole; catastrophic backtracking takes 64× or more. Fails only when the whole is both more than
 * 24× the eighth and slower than 3 s, so a busy machine does not fail it and a quadratic rule does.
 */
export function assertLinear(fn: (text: string) => unknown, text: string): void {
  const part = text.slice(0, Math.floor(text.length / 8));
  fn(part); // warm up: compile the rules before timing
  const small = Math.max(time(() => fn(part)), 1);
  const whole = time(() => fn(text));
  assert.ok(whole < 3000 || whole < 24 * small, `took ${whole.toFixed(0)} ms on the whole, ${small.toFixed(0)} ms on an eighth`);
}
