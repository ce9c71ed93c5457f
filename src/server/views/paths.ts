/**
 * Paths as readers of the API see them. The stored path is the one given to `ingest` on the
 * machine that holds the files; its folders are nobody else's business. A relative path is
 * shown relative to the folder it was given from, with no "." or ".." steps; an absolute one
 * (POSIX, a drive letter, a UNC share) as the file name alone.
 */

/** True for `/x`, `C:\x`, `C:/x`, `\\server\share`. */
export function isAbsolutePath(path: string): boolean {
  return /^(?:[/\\]|[A-Za-z]:[/\\]|[A-Za-z]:$)/.test(path);
}

/** The path a reader may see. */
export function publicPath(path: string): string {
  // A report fetched by address is named by it: an address is public already.
  if (/^https?:\/\//i.test(path)) return path;
  const steps = path.split(/[/\\]+/).filter((s) => s !== '' && s !== '.' && s !== '..');
  if (isAbsolutePath(path)) return steps[steps.length - 1] ?? '';
  return steps.join('/');
}

/** True when a reference names a place on disk rather than a stored document: absolute, or stepping up. */
export function isFileSystemRef(ref: string): boolean {
  return isAbsolutePath(ref) || ref.split(/[/\\]+/).includes('..');
}
