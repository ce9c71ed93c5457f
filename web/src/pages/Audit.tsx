/** The audit log: every review, who made it, when, the state before and after, and why. Append-only. */
import { useState } from 'preact/hooks';
import { Loaded, PageHead } from '../components/common.tsx';
import { Pager } from '../components/Pager.tsx';
import { useResource } from '../data.ts';
import { countValue } from '../format.ts';
import type { AuditList, ReviewState } from '../types.ts';

/** A review state in words: "extracted: 613 killed", "rejected". */
function stateText(s: unknown): string {
  const st = s as Partial<ReviewState> | null;
  if (!st || typeof st !== 'object' || !st.status) return s === null || s === undefined ? '—' : JSON.stringify(s);
  const v = st.value as Record<string, unknown> | null | undefined;
  if (!v) return st.status;
  if ('measure' in v) return `${st.status}: ${countValue(v as never)} ${String(v.measure)} (${String(v.group)})`;
  if ('value' in v) return `${st.status}: ${String(v.value)}`;
  return st.status;
}

const PAGE = 50;

/** The audit page, newest first. */
export function AuditPage() {
  const [offset, setOffset] = useState(0);
  const res = useResource<AuditList>('audit', { limit: PAGE, offset });
  return (
    <section>
      <PageHead title="Audit log" sub="Every change, newest first. Entries are appended and never edited or deleted." />
      <Loaded res={res}>{(a) => (
        a.items.length === 0 ? <p class="muted">No reviews yet.</p> : (
          <>
            <table class="audit">
              <thead><tr><th scope="col">#</th><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Item</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Reason</th></tr></thead>
              <tbody>{a.items.map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td><td>{e.at.slice(0, 19).replace('T', ' ')}</td><td>{e.who}</td><td>{e.action}</td>
                  <td class="break small">{e.target}</td><td>{stateText(e.before)}</td><td>{stateText(e.after)}</td><td>{e.reason}</td>
                </tr>
              ))}</tbody>
            </table>
            <Pager offset={offset} shown={a.items.length} total={a.total} size={PAGE} onChange={setOffset} labels={['Newer', 'Older']} />
          </>
        )
      )}</Loaded>
    </section>
  );
}
