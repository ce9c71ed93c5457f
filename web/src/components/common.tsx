/** Small pieces every page uses: loading and error states, verdict badges, report labels. */
import type { ComponentChildren } from 'preact';
import type { Resource } from '../data.ts';
import { docByline, docTitle } from '../format.ts';
import { Link } from '../router.tsx';
import type { DocumentLabels, Verdict } from '../types.ts';

/** Shows a resource's loading or error state, else its content. */
export function Loaded<T>({ res, children }: { res: Resource<T>; children: (data: T) => ComponentChildren }) {
  if (res.error) return <p class="error" role="alert">{res.error.message}</p>;
  if (!res.data) return <p class="muted" aria-busy="true">Loading…</p>;
  return <>{children(res.data)}</>;
}

/** "consistent" or "diverging: attribution", with the reason as its title. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const label = verdict.status === 'diverging' ? `diverging · ${verdict.kind}` : verdict.status === 'unplaced' ? 'not compared' : 'consistent';
  return <span class={`badge verdict-${verdict.status}`} title={verdict.reason}>{label}</span>;
}

/** A report's title linking to the reader, with its publisher and date. */
export function DocRef({ id, docs, hash }: { id: string; docs: DocumentLabels; hash?: string }) {
  const l = docs[id];
  const by = docByline(l);
  return (
    <span class="docref">
      <Link href={`/documents/${encodeURIComponent(id)}${hash ? `#${hash}` : ''}`}>{docTitle(l, id)}</Link>
      {by && <span class="muted"> · {by}</span>}
    </span>
  );
}

/** `text` with the part `[start, end)` marked: every piece a text node. */
export function Marked({ text, start, end, cls = 'hl' }: { text: string; start: number; end: number; cls?: string }) {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return <>{text.slice(0, s)}<mark class={cls}>{text.slice(s, e)}</mark>{text.slice(e)}</>;
}

/** A page heading with an optional line under it. */
export function PageHead({ title, sub }: { title: ComponentChildren; sub?: ComponentChildren }) {
  return (
    <header class="page-head">
      <h1>{title}</h1>
      {sub && <p class="muted">{sub}</p>}
    </header>
  );
}
