/** A progress bar on a terminal (reports/s, MB/s); nothing when piped or asked for JSON. */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../pipeline/run/ingest.js';

/** Returns an `onProgress` callback and a `stop` to call at the end. */
export function progressBar(enabled: boolean): { update: (p: IngestProgress) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: ' {bar} {value}/{total} reports | {rate} reports/s | {mbps} MB/s | failed {failed}',
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let begun = false;
  return {
    update(p) {
      const secs = Math.max(0.001, (performance.now() - started) / 1000);
      const payload = { rate: (p.done / secs).toFixed(1), mbps: (p.bytes / 1e6 / secs).toFixed(2), failed: p.failed };
      if (!begun) { bar.start(p.total, p.done, payload); begun = true; } else bar.update(p.done, payload);
    },
    stop() { if (begun) bar.stop(); },
  };
}

/** An `onStep` callback for a first or full build taken in stretches: one line on a terminal, rewritten; nothing when piped or asked for JSON. */
export function stepLine(enabled: boolean): ((done: number, total: number) => void) | undefined {
  if (!enabled || !process.stderr.isTTY) return undefined;
  return (done, total) => { process.stderr.write(`\r reconciled ${done}/${total} reports${done >= total ? '\n' : ''}`); };
}
