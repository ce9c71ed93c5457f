/** Write controls (review, curation, upload) shown only by a server that takes writes; a read-only one gets a short note instead. */
import type { ComponentChildren } from 'preact';
import { useReadOnly } from '../server-meta.ts';

/** What a read-only server shows where a write control would be. */
export function ReadOnlyNote({ what }: { what: string }) {
  return <p class="muted read-only-note">Read-only server: {what} on the server that takes writes.</p>;
}

/**
 * `children` when the server takes writes; when it is read-only, `fallback`, or a note saying
 * `note` ("reviews are made") is done elsewhere, or nothing.
 */
export function Writable({ children, note, fallback }: { children: ComponentChildren; note?: string; fallback?: ComponentChildren }) {
  const readOnly = useReadOnly();
  if (readOnly === false) return <>{children}</>;
  if (!readOnly) return null;
  return fallback !== undefined ? <>{fallback}</> : note ? <ReadOnlyNote what={note} /> : null;
}
