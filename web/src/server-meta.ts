/** What the app asks the server once, before it shows a write control: whether the server takes writes. */
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.ts';
import type { ServerMeta } from './types.ts';

let asked: Promise<ServerMeta> | null = null;

/** GET /api/meta, once per page load (a failed answer is asked again next time). */
function serverMeta(): Promise<ServerMeta> {
  asked ??= get<ServerMeta>('meta').catch((e: unknown) => { asked = null; throw e; });
  return asked;
}

/**
 * True on a read-only server (`crosscheck serve --read-only`), false on one that takes writes,
 * null until the server has said: write controls show only on false.
 */
export function useReadOnly(): boolean | null {
  const [readOnly, setReadOnly] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    serverMeta().then((m) => { if (live) setReadOnly(m.readOnly); }, () => { /* unknown: the controls stay hidden, the server refuses writes anyway */ });
    return () => { live = false; };
  }, []);
  return readOnly;
}
