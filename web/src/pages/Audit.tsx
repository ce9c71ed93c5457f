/** The audit log: every review, who made it, when, the state before and after, and why. Append-only. */
import { useState } from 'preact/hooks';
import { Loaded, PageHead } from '../components/common.tsx';
import { Pager } from '../components/Pager.tsx';
import { useResource } from '../data.ts';
import { entryText, parseTarget, stateText, targetText, when, whoText } from '../audit.ts';
import { Link } from '../router.tsx';
import type { AuditList } from '../types.ts';

/** What changed, in words, linked to the words in the report where it is a count or a date. */
function Target({ target }: { target: string }) {
  const t = parseTarget(target);
  const text = targetText(t);
  if (t.kind === 'pair') return <Link href="/sources">{text}</Link>;
  if (t.kind === 'entity') return <Link href={`/entities?q=${encodeURIComponent(t.name)}`}>{text}</Link>;
  if (t.kind === 'document' || t.kind === 'meta') return <Link href={`/documents/${encodeURIComponent(t.doc)}`}>{text}</Link>;
  if (t.kind === 'count' || t.kind === 'date') return <>{text} of <Link href={`/documents/${encodeURIComponent(t.doc)}#at-${t.start}`}>a report</Link></>;
  return <>{text}</>;
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
              <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Item</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Reason</th></tr></thead>
              <tbody>{a.items.map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td><td>{when(e.at)}</td><td>{whoText(e.who)}</td><td>{entryText(e)}</td>
                  <td class="small"><Target target={e.target} /></td><td>{stateText(e.action, e.before)}</td><td>{stateText(e.action, e.after)}</td><td>{e.reason}</td>
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
