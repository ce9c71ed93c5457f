/**
 * One large report: a compilation of many stories in one text file, ingested and reconciled in
 * a fresh process. A tenth of its size is the baseline measured in the same run, so the ratio of
 * seconds per MB says whether the cost grows with the text (1.0) or faster.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticReport } from './corpus.js';

interface Run { seconds: number; mb: number; maxRssMB: number; reconcileSeconds: number; figures: number; failed: number }

/** Writes one text of about `mb` MB: article bodies one after another under one title. */
function writeCompilation(dir: string, mb: number): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const parts = ['A compilation of reports\n\n'];
  let length = parts[0]!.length;
  for (let i = 1; length < mb * 1e6; i++) {
    const body = `${syntheticReport(i, 'article').split('\n\n').slice(1).join('\n\n')}\n`;
    parts.push(body);
    length += body.length;
  }
  writeFileSync(join(dir, `compilation-${mb}mb.txt`), parts.join(''));
  return dir;
}

function run(dir: string, db: string): Run {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'ingest-child.mjs'), dir, db, '1', 'reconcile'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

/** Ingest + reconcile of one `mb` MB report (default 19.5: under the 20 M-character --max-text) against one a tenth its size. */
export function benchLarge(mb: number, outDir: string): void {
  const small = run(writeCompilation(join(outDir, 'large-small'), mb / 10), join(outDir, 'large-small.db'));
  const large = run(writeCompilation(join(outDir, 'large'), mb), join(outDir, 'large.db'));
  const total = (r: Run) => r.seconds + r.reconcileSeconds;
  for (const [name, r] of [['baseline', small], ['large', large]] as const) {
    console.log(`large report ${name} ${r.mb.toFixed(1)} MB: ingest ${r.seconds.toFixed(1)} s + reconcile ${r.reconcileSeconds.toFixed(1)} s, peak RSS ${r.maxRssMB.toFixed(0)} MB, ${r.figures} figures${r.failed ? `, FAILED ${r.failed}` : ''}`);
  }
  const ratio = (total(large) / large.mb) / (total(small) / small.mb);
  console.log(`  seconds per MB, large / baseline = ${ratio.toFixed(2)} (1.0: cost grows with the text); targets: under 60 s and 1 GB for 20 MB`);
}
