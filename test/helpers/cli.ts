/** Running the built CLI as a user would, and making folders of reports for it. */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess, SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** The CLI entry of this checkout. */
export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'crosscheck.js');

/** Runs the CLI to completion. */
export function cli(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CROSSCHECK_DB: '' } });
}

/** Starts the CLI without waiting for it. */
export function cliAsync(...args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'cc-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `n` small synthetic reports (each distinct) into `dir`, returning the folder. */
export function writeReports(dir: string, n: number, tag = 'r'): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    writeFileSync(join(dir, `${tag}-${String(i).padStart(5, '0')}.txt`),
      `Report ${tag} ${i}\n\nOn 3 May 2019, floods in the district of Varn killed ${10 + i} people and injured ${200 + i}, the ministry said. ` +
      `Some ${i + 5} families were displaced.\n`);
  }
  return dir;
}
