/** Turns the paths a user gives into the sorted list of report files to read. */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ListOptions, ListResult, SkippedPath } from './types.js';
import { formatOfName, SIDECAR_SUFFIX } from './format.js';

/** Why a file or folder was passed over, from the fs error that stopped us. */
function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  return `cannot be read (${code ?? String(err)})`;
}

/** Why a file will not be read, or undefined when it is a report. */
function fileReason(name: string): string | undefined {
  if (name.toLowerCase().endsWith(SIDECAR_SUFFIX)) return 'metadata sidecar, read with its report';
  if (!formatOfName(name)) return 'unsupported extension (expected .txt, .md, .markdown, .html, .htm or .pdf)';
  return undefined;
}

/** Shared state of one listing: results, and the real paths seen (links can repeat a file or loop a folder). */
interface Walk {
  /** Real path to the path as given, and whether a sidecar was seen beside it. */
  files: Map<string, { path: string; sidecar?: boolean }>;
  skipped: SkippedPath[];
  seenDirs: Set<string>;
  hidden: boolean;
}

/**
 * `real`: the file's real path when already known (a plain file in a folder whose real path is
 * known); `sidecar`: whether its folder holds its sidecar, when the folder was listed.
 */
async function addFile(walk: Walk, path: string, real?: string, sidecar?: boolean): Promise<void> {
  const reason = fileReason(basename(path));
  if (reason) {
    walk.skipped.push({ path, reason });
    return;
  }
  if (real === undefined) {
    try {
      real = await realpath(path);
    } catch (err) {
      walk.skipped.push({ path, reason: fsReason(err), failed: true });
      return;
    }
  }
  if (!walk.files.has(real)) walk.files.set(real, { path, sidecar });
}

async function walkDir(walk: Walk, dir: string): Promise<void> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(dir);
    if (walk.seenDirs.has(real)) return;
    walk.seenDirs.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    walk.skipped.push({ path: dir, reason: fsReason(err), failed: true });
    return;
  }
  // Code-unit order, not locale order: the same folder lists the same way on every machine.
  entries.sort((a, b) => byCodeUnits(a.name, b.name));
  // Sidecars are found here, by name, so that reading a report need not look for one (only
  // their names are kept: a folder of 100,000 reports has few or none). A name that differs only
  // in case is left for the reader to look up: on a case-insensitive file system it is the sidecar.
  const sidecars = new Set(entries.filter((e) => e.name.toLowerCase().endsWith(SIDECAR_SUFFIX)).map((e) => e.name));
  const folded = new Set([...sidecars].map((n) => n.toLowerCase()));
  const sidecarOf = (name: string) => sidecars.has(name + SIDECAR_SUFFIX) || (folded.has((name + SIDECAR_SUFFIX).toLowerCase()) ? undefined : false);
  for (const entry of entries) {
    const name = entry.name;
    // Hidden files and folders (.git, .DS_Store) are not reports; listing each as skipped would be
    // noise. A hidden file with a report's extension (".draft.txt", "..%2F..%2Fx.txt") is said, so
    // that a report is never left out without a word.
    if (name.startsWith('.') && !walk.hidden) {
      if (entry.isFile() && formatOfName(name) && !name.toLowerCase().endsWith(SIDECAR_SUFFIX)) {
        walk.skipped.push({ path: join(dir, name), reason: 'hidden file (its name starts with a dot); name it on its own to read it' });
      }
      continue;
    }
    const path = join(dir, name);
    // A plain file (not a link) in a folder whose real path is known needs neither stat nor
    // realpath: two system calls per report saved, most of listing a folder of small reports.
    if (entry.isFile() && !sidecars.has(name)) await addFile(walk, path, join(real, name), sidecarOf(name));
    else await visit(walk, path, false);
  }
}

async function visit(walk: Walk, path: string, explicit: boolean): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    walk.skipped.push({ path, reason: fsReason(err), failed: true });
    return;
  }
  if (info.isDirectory()) return walkDir(walk, path);
  if (!info.isFile()) {
    walk.skipped.push({ path, reason: 'not a regular file' });
    return;
  }
  // Inside a folder an orphan sidecar is still worth a line; next to its report it is silent.
  if (!explicit && basename(path).toLowerCase().endsWith(SIDECAR_SUFFIX)) {
    const report = path.slice(0, -SIDECAR_SUFFIX.length);
    if (await exists(report)) return;
    walk.skipped.push({ path, reason: 'metadata sidecar without its report' });
    return;
  }
  await addFile(walk, path);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lists the report files under the given files and folders (recursively), sorted and without
 * duplicates; everything passed over (missing paths, other extensions, orphan sidecars) is
 * returned in `skipped` with its reason instead of throwing.
 */
export async function listReportFiles(paths: string[], opts: ListOptions = {}): Promise<ListResult> {
  const walk: Walk = { files: new Map(), skipped: [], seenDirs: new Set(), hidden: opts.hidden ?? false };
  for (const path of paths) await visit(walk, path, true);
  const found = [...walk.files.values()].sort((a, b) => byCodeUnits(a.path, b.path));
  const skipped = walk.skipped.sort((a, b) => byCodeUnits(a.path, b.path));
  return { files: found.map((f) => f.path), sidecars: found.map((f) => f.sidecar), skipped };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
