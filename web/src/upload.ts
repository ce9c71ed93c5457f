/** Sending report files one request each (so each has its own progress), and finding them in dropped folders. */
import type { AddedReport, ApiError } from './types.ts';

/** What came of one file. */
export type UploadOutcome = { ok: true; added: AddedReport } | { ok: false; message: string };

/** POSTs one file's bytes; `onProgress` gets the fraction sent. Never rejects: a failure is an outcome. */
export function uploadFile(file: Blob, name: string, token: string, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/documents/upload?name=${encodeURIComponent(name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON: said below */ }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve({ ok: true, added: body as AddedReport });
      else resolve({ ok: false, message: (body as Partial<ApiError> | null)?.message ?? `The server answered ${xhr.status}` });
    };
    xhr.onerror = () => resolve({ ok: false, message: 'The server could not be reached' });
    xhr.send(file);
  });
}

/** Extensions `crosscheck ingest` reads from a folder. */
const REPORT_EXT = /\.(txt|md|markdown|html?|pdf)$/i;

/** A file found, with its path inside what was picked or dropped, or why it is passed over. */
export interface FoundFile { file: File | null; path: string; skip?: string }

/** As the CLI lists a folder: report files; hidden ones and other kinds passed over, with why. */
export function classify(file: File | null, path: string, inFolder: boolean): FoundFile {
  if (!inFolder) return { file, path };
  const base = path.split('/').pop() ?? path;
  if (path.split('/').some((s) => s.startsWith('.'))) return { file: null, path, skip: 'a hidden file (name starting with ".")' };
  if (/\.meta\.json$/i.test(base)) return { file: null, path, skip: 'a metadata sidecar, not read by an upload' };
  if (!REPORT_EXT.test(base)) return { file: null, path, skip: 'not a report file (.txt, .md, .html, .pdf)' };
  return { file, path };
}

/** Files picked with an `<input type=file>` (a folder pick gives each its relative path). */
export function pickedFiles(list: FileList): FoundFile[] {
  return [...list].map((f) => {
    const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath;
    return classify(f, rel || f.name, Boolean(rel));
  });
}

type Entry = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string };
type FileEntry = Entry & { file(ok: (f: File) => void, err: (e: unknown) => void): void };
type DirEntry = Entry & { createReader(): { readEntries(ok: (es: Entry[]) => void, err: (e: unknown) => void): void } };

async function walk(entry: Entry, out: FoundFile[], inFolder: boolean): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    const file = await new Promise<File | null>((ok) => (entry as FileEntry).file(ok, () => ok(null)));
    out.push(file ? classify(file, path, inFolder) : { file: null, path, skip: 'could not be read' });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as DirEntry).createReader();
  // readEntries gives a batch at a time, until an empty one.
  for (;;) {
    const batch = await new Promise<Entry[]>((ok) => reader.readEntries(ok, () => ok([])));
    if (!batch.length) break;
    for (const e of batch.sort((a, b) => (a.name < b.name ? -1 : 1))) await walk(e, out, true);
  }
}

/** Files dropped, folders walked recursively. */
export async function droppedFiles(dt: DataTransfer): Promise<FoundFile[]> {
  const entries = [...dt.items].map((it) => (it as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.some((e) => e === null)) return [...dt.files].map((f) => classify(f, f.name, false));
  const out: FoundFile[] = [];
  for (const e of entries) await walk(e!, out, false);
  return out;
}
